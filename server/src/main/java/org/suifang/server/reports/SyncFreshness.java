package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Where the indicators learn how fresh their data is: the tablets used by the doctors of some
 * villages, with their last successful sync and the changes they reported still pending. A small
 * seam, so the source can move to the sync-health feature without touching the indicators.
 */
interface SyncFreshness {

  /**
   * A device used by a doctor of a village (through {@code device_user}); one row per device,
   * doctor and village.
   *
   * @param lastSyncAt the last successful sync, or null if it never synced
   * @param pendingCount the changes still pending in its outbox, as reported at its last sync
   */
  record DeviceSync(
      UUID deviceId,
      UUID userId,
      String villageCode,
      @Nullable Instant lastSyncAt,
      int pendingCount) {}

  /** Returns the devices of the doctors of the villages. */
  List<DeviceSync> devices(Collection<String> villageCodes);
}
