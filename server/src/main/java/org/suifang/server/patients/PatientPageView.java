package org.suifang.server.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a patient search.
 *
 * @param items the patients on this page
 * @param page the 0-based page number
 * @param size the page size asked for
 * @param total how many patients match in all
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PatientPageView(List<PatientView> items, int page, int size, long total) {}
