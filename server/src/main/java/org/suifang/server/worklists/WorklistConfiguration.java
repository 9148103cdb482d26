package org.suifang.server.worklists;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Worklist rules that may vary by province ({@code suifang.worklists.*}); see docs/worklists.md.
 *
 * @param faceToFacePeriodMonths the length of the period that must contain a face-to-face visit, in
 *     months: 3 (the default) is a calendar quarter; 1, 2, 4, 6 and 12 also divide the year
 * @param yearStartMonth the month (1–12) the assessment year starts in; the face-to-face periods
 *     and the annual health check count from it. 1 (the default) is the calendar year
 * @param recheckDays days from a first uncontrolled visit (第1次控制不满意) to its recheck; 14
 * @param referralFollowUpDays days from a referral to its follow-up; 14
 */
@ConfigurationProperties("suifang.worklists")
record WorklistConfiguration(
    @Bindable(defaultValue = "3") @Min(1) @Max(12) int faceToFacePeriodMonths,
    @Bindable(defaultValue = "1") @Min(1) @Max(12) int yearStartMonth,
    @Bindable(defaultValue = "14") @Min(1) @Max(365) int recheckDays,
    @Bindable(defaultValue = "14") @Min(1) @Max(365) int referralFollowUpDays) {

  WorklistConfiguration {
    if (faceToFacePeriodMonths < 1 || 12 % faceToFacePeriodMonths != 0) {
      throw new IllegalArgumentException(
          "suifang.worklists.face-to-face-period-months must divide 12: " + faceToFacePeriodMonths);
    }
    if (yearStartMonth < 1 || yearStartMonth > 12) {
      throw new IllegalArgumentException(
          "suifang.worklists.year-start-month must be 1-12: " + yearStartMonth);
    }
  }

  /** Returns the first day of the assessment year containing {@code date}. */
  LocalDate yearStart(LocalDate date) {
    LocalDate start = LocalDate.of(date.getYear(), yearStartMonth, 1);
    return start.isAfter(date) ? start.minusYears(1) : start;
  }

  /** Returns the last day of the assessment year containing {@code date}. */
  LocalDate yearEnd(LocalDate date) {
    return yearStart(date).plusYears(1).minusDays(1);
  }

  /**
   * Returns the first day of the face-to-face period (by default the quarter) containing {@code
   * date}.
   */
  LocalDate periodStart(LocalDate date) {
    LocalDate yearStart = yearStart(date);
    long months = ChronoUnit.MONTHS.between(yearStart, date.withDayOfMonth(1));
    return yearStart.plusMonths(months / faceToFacePeriodMonths * faceToFacePeriodMonths);
  }

  /** Returns the last day of the face-to-face period containing {@code date}. */
  LocalDate periodEnd(LocalDate date) {
    return periodStart(date).plusMonths(faceToFacePeriodMonths).minusDays(1);
  }
}
