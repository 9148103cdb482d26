package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a village's worklist, one item per patient, most urgent first.
 *
 * @param date the reference date the list was computed for (China Standard Time)
 * @param periodStart first day of the period that needs a face-to-face visit (the quarter)
 * @param periodEnd last day of that period
 * @param yearStart first day of the assessment year (annual health check)
 * @param yearEnd last day of the assessment year
 * @param items the patients on this page
 * @param page the 0-based page number
 * @param size the page size asked for
 * @param total how many patients are on the whole list
 * @param <T> the item type of the list
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorklistPage<T>(
    String villageCode,
    String villageName,
    LocalDate date,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate yearStart,
    LocalDate yearEnd,
    List<T> items,
    int page,
    int size,
    long total) {}
