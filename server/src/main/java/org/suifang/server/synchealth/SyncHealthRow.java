package org.suifang.server.synchealth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the sync-health report: one device and one doctor who uses it, or a doctor without any
 * device (every device field null, {@code neverSynced} true).
 *
 * @param doctorId the doctor
 * @param doctorName the doctor's display name
 * @param username the doctor's login name
 * @param doctorActive false for a deactivated account
 * @param villages the doctor's villages (code and name), ordered by code
 * @param deviceId the tablet installation, or null for a doctor without a device
 * @param model the hardware model the tablet reported
 * @param platform the operating system it reported
 * @param appVersion the app version it reported last
 * @param registeredAt when it was registered first
 * @param lastSyncAt its last successful (completed) sync, or null if none ever completed
 * @param lastSeenAt its last request of any kind
 * @param pendingCount changes it reported still waiting in its outbox at its last sync
 * @param oldestPendingAt the oldest of those (tablet time), or null if none
 * @param clockOffsetMs its clock minus the server's at its last sync, in milliseconds
 * @param clockOffset the same, human readable, e.g. {@code +2 h 03 min}; null if unknown
 * @param clockSuspectCount how many of its changes were re-stamped for a clock too far ahead
 * @param rejectedCount how many of its mutations the server rejected
 * @param stale no successful sync for {@code suifang.dashboard.stale-after} (or never)
 * @param clockSuspect the offset exceeds {@code suifang.sync.max-clock-skew} or changes were
 *     re-stamped
 * @param neverSynced a doctor without a device, or a device that never completed a sync
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record SyncHealthRow(
    UUID doctorId,
    String doctorName,
    String username,
    boolean doctorActive,
    List<Village> villages,
    @Nullable UUID deviceId,
    @Nullable String model,
    @Nullable String platform,
    @Nullable String appVersion,
    @Nullable Instant registeredAt,
    @Nullable Instant lastSyncAt,
    @Nullable Instant lastSeenAt,
    int pendingCount,
    @Nullable Instant oldestPendingAt,
    @Nullable Long clockOffsetMs,
    @Nullable String clockOffset,
    int clockSuspectCount,
    int rejectedCount,
    boolean stale,
    boolean clockSuspect,
    boolean neverSynced) {

  /** Returns whether the row needs attention (it is sorted first and highlighted). */
  public boolean flagged() {
    return stale || clockSuspect || neverSynced;
  }

  /**
   * A village.
   *
   * @param code the 12-digit code
   * @param name its name
   */
  @Serdeable
  public record Village(String code, String name) {}
}
