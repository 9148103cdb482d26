package org.suifang.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javax.annotation.Nullable;

/**
 * Worklist rules that vary by province, with the server's defaults ({@code suifang.worklists.*},
 * docs/worklists.md): keep them the same as the server's so a tablet and the dashboard agree.
 * Immutable.
 */
public final class WorklistSettings {

  /** The server's defaults: quarters of the calendar year, 14-day recheck and referral windows. */
  public static final WorklistSettings DEFAULT = new WorklistSettings(3, 1, 14, 14);

  private final int faceToFacePeriodMonths;
  private final int yearStartMonth;
  private final int recheckDays;
  private final int referralFollowUpDays;

  private WorklistSettings(
      int faceToFacePeriodMonths, int yearStartMonth, int recheckDays, int referralFollowUpDays) {
    if (faceToFacePeriodMonths < 1 || 12 % faceToFacePeriodMonths != 0) {
      throw new IllegalArgumentException(
          "faceToFacePeriodMonths must divide 12: " + faceToFacePeriodMonths);
    }
    if (yearStartMonth < 1 || yearStartMonth > 12) {
      throw new IllegalArgumentException("yearStartMonth must be 1-12: " + yearStartMonth);
    }
    if (recheckDays < 1 || recheckDays > 365) {
      throw new IllegalArgumentException("recheckDays must be 1-365: " + recheckDays);
    }
    if (referralFollowUpDays < 1 || referralFollowUpDays > 365) {
      throw new IllegalArgumentException(
          "referralFollowUpDays must be 1-365: " + referralFollowUpDays);
    }
    this.faceToFacePeriodMonths = faceToFacePeriodMonths;
    this.yearStartMonth = yearStartMonth;
    this.recheckDays = recheckDays;
    this.referralFollowUpDays = referralFollowUpDays;
  }

  /**
   * Returns settings.
   *
   * @param faceToFacePeriodMonths the period that must contain a face-to-face visit: 3 (a quarter);
   *     1, 2, 4, 6 and 12 also work
   * @param yearStartMonth the month (1-12) the assessment year starts in
   * @param recheckDays days from a visit that asked for a recheck to its due date (1-365)
   * @param referralFollowUpDays days from a referral to its follow-up's due date (1-365)
   * @throws IllegalArgumentException if a value is out of range
   */
  public static WorklistSettings of(
      int faceToFacePeriodMonths, int yearStartMonth, int recheckDays, int referralFollowUpDays) {
    return new WorklistSettings(
        faceToFacePeriodMonths, yearStartMonth, recheckDays, referralFollowUpDays);
  }

  /** Returns the length of the face-to-face period in months. */
  public int faceToFacePeriodMonths() {
    return faceToFacePeriodMonths;
  }

  /** Returns the month the assessment year starts in. */
  public int yearStartMonth() {
    return yearStartMonth;
  }

  /** Returns the recheck window in days. */
  public int recheckDays() {
    return recheckDays;
  }

  /** Returns the referral follow-up window in days. */
  public int referralFollowUpDays() {
    return referralFollowUpDays;
  }

  /** Returns the first day of the assessment year containing {@code date}. */
  public LocalDate yearStart(LocalDate date) {
    LocalDate start = LocalDate.of(date.getYear(), yearStartMonth, 1);
    return start.isAfter(date) ? start.minusYears(1) : start;
  }

  /** Returns the first day of the face-to-face period containing {@code date}. */
  public LocalDate periodStart(LocalDate date) {
    LocalDate yearStart = yearStart(date);
    long months = ChronoUnit.MONTHS.between(yearStart, date.withDayOfMonth(1));
    return yearStart.plusMonths(months / faceToFacePeriodMonths * faceToFacePeriodMonths);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof WorklistSettings)) {
      return false;
    }
    WorklistSettings that = (WorklistSettings) o;
    return faceToFacePeriodMonths == that.faceToFacePeriodMonths
        && yearStartMonth == that.yearStartMonth
        && recheckDays == that.recheckDays
        && referralFollowUpDays == that.referralFollowUpDays;
  }

  @Override
  public int hashCode() {
    return ((faceToFacePeriodMonths * 31 + yearStartMonth) * 31 + recheckDays) * 31
        + referralFollowUpDays;
  }

  @Override
  public String toString() {
    return "WorklistSettings{period="
        + faceToFacePeriodMonths
        + "m, yearStart="
        + yearStartMonth
        + ", recheck="
        + recheckDays
        + "d, referral="
        + referralFollowUpDays
        + "d}";
  }
}
