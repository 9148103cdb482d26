package org.suifang.client;

import java.time.LocalDate;
import java.util.List;
import org.suifang.client.internal.ClientCore;
import org.suifang.client.internal.worklist.WorklistCalculator;

/**
 * The worklists of a village computed offline from the records on this device, by the rules of
 * docs/worklists.md and the client's {@link WorklistSettings}: current visits only, each disease
 * judged separately, face-to-face meaning clinic or home. Lists are complete (not paged) and sorted
 * most urgent first. Visits dated after {@code date} are ignored. Thread-safe.
 */
public final class Worklists {
  private final ClientCore core;

  Worklists(ClientCore core) {
    this.core = core;
  }

  /** Returns the patients overdue for a face-to-face follow-up on {@code date}. */
  public List<OverdueEntry> overdue(String villageCode, LocalDate date) {
    check(villageCode, date);
    synchronized (core.lock()) {
      return calculator().overdue(villageCode, date);
    }
  }

  /** Returns the patients waiting for their two-week recheck (第1次控制不满意2周随访). */
  public List<DueEntry<RecheckDisease>> rechecks(String villageCode, LocalDate date) {
    check(villageCode, date);
    synchronized (core.lock()) {
      return calculator().rechecks(villageCode, date);
    }
  }

  /** Returns the referred patients whose referral still needs its follow-up. */
  public List<DueEntry<ReferralDisease>> referrals(String villageCode, LocalDate date) {
    check(villageCode, date);
    synchronized (core.lock()) {
      return calculator().referrals(villageCode, date);
    }
  }

  /** Returns the patients without this assessment year's annual health check. */
  public List<AnnualCheckEntry> annualChecks(String villageCode, LocalDate date) {
    check(villageCode, date);
    synchronized (core.lock()) {
      return calculator().annualChecks(villageCode, date);
    }
  }

  private static void check(String villageCode, LocalDate date) {
    java.util.Objects.requireNonNull(villageCode, "villageCode == null");
    java.util.Objects.requireNonNull(date, "date == null");
  }

  private WorklistCalculator calculator() {
    return new WorklistCalculator(core.state().read(), core.config().worklists);
  }
}
