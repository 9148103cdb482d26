package org.suifang.server.worklists;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * How many patients are on each worklist, per village in the caller's area and in total.
 *
 * @param date the reference date (China Standard Time)
 * @param villages every village in the caller's area, by code
 * @param totals the sums over {@code villages}
 */
@Serdeable
record WorklistSummaryView(
    LocalDate date,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate yearStart,
    LocalDate yearEnd,
    List<VillageView> villages,
    Counts totals) {

  /** One village's counts. */
  @Serdeable
  record VillageView(String villageCode, String villageName, String townshipCode, Counts counts) {}

  /**
   * Patients per list (a patient with both diseases counts once).
   *
   * @param overdueLostToFollowUp of {@code overdue}, those lost to follow-up
   * @param rechecksPastDue of {@code rechecks}, those whose due date has passed
   * @param referralsPastDue of {@code referrals}, those whose follow-up is overdue
   * @param annualChecksNeverDone of {@code annualChecks}, those never checked
   */
  @Serdeable
  record Counts(
      long overdue,
      long overdueLostToFollowUp,
      long rechecks,
      long rechecksPastDue,
      long referrals,
      long referralsPastDue,
      long annualChecks,
      long annualChecksNeverDone) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(
          overdue + o.overdue,
          overdueLostToFollowUp + o.overdueLostToFollowUp,
          rechecks + o.rechecks,
          rechecksPastDue + o.rechecksPastDue,
          referrals + o.referrals,
          referralsPastDue + o.referralsPastDue,
          annualChecks + o.annualChecks,
          annualChecksNeverDone + o.annualChecksNeverDone);
    }
  }
}
