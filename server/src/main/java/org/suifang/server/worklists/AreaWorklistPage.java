package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of a worklist over the villages of the caller's area (the supervisors' dashboard), most
 * urgent first.
 *
 * @param list the list: {@code overdue}, {@code referrals}, {@code danger-signs} or {@code at-risk}
 * @param date the reference date (China Standard Time)
 * @param village the village filter, if any
 * @param doctor the doctor filter, if any
 * @param unmasked whether resident ID numbers are shown in full
 * @param items the entries of this page: one per patient, one per visit on {@code danger-signs}
 * @param total how many entries the whole list has
 * @param <T> the item type
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record AreaWorklistPage<T>(
    String list,
    LocalDate date,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate yearStart,
    LocalDate yearEnd,
    @Nullable String village,
    @Nullable UUID doctor,
    boolean unmasked,
    List<T> items,
    int page,
    int size,
    long total) {}
