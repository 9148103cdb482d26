package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered tablet installation (table {@code device}, V20). Never serialised: registration
 * answers {@link DeviceView}.
 *
 * @param userId the user who registered it last
 * @param lastSeq the highest {@code deviceSeq} processed (applied or rejected)
 * @param lastSeenAt the last request from it
 * @param lastSyncAt the last sync request that completed
 * @param pendingCount what it reported still pending in its outbox at its last sync
 * @param oldestPendingAt the oldest pending mutation it reported
 * @param clockOffsetMs its clock minus the server's clock at its last sync, in milliseconds
 * @param clockSuspectCount how many of its mutations were re-stamped for a clock too far ahead
 */
@MappedEntity("device")
record Device(
    @Id UUID id,
    UUID userId,
    @Nullable String appVersion,
    @Nullable String platform,
    @Nullable String model,
    Instant registeredAt,
    long lastSeq,
    @Nullable Instant lastSeenAt,
    @Nullable Instant lastSyncAt,
    int pendingCount,
    @Nullable Instant oldestPendingAt,
    @Nullable Long clockOffsetMs,
    int clockSuspectCount) {}
