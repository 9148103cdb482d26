package org.suifang.server.reports;

import jakarta.inject.Singleton;
import java.util.Collection;
import org.suifang.server.synchealth.Freshness;
import org.suifang.server.synchealth.SyncHealthService;

/**
 * Where the indicators learn how fresh their data is: the tablets of the doctors of some villages,
 * as the sync-health page counts them ({@link SyncHealthService#freshness}). A small seam, so the
 * indicators do not depend on how sync health is computed.
 */
@Singleton
class SyncFreshness {

  private final SyncHealthService syncHealth;

  SyncFreshness(SyncHealthService syncHealth) {
    this.syncHealth = syncHealth;
  }

  /** Returns the freshness of the villages' data; the caller has checked their scope. */
  IndicatorReport.Freshness of(Collection<String> villageCodes) {
    Freshness f = syncHealth.freshness(villageCodes);
    return new IndicatorReport.Freshness(
        f.devices(),
        f.staleDevices(),
        f.doctorsWithoutDevice(),
        f.oldestSyncAt(),
        f.newestSyncAt(),
        f.pendingTotal());
  }
}
