package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/sync}: the mutations to push and where the pull stands
 * (docs/sync-protocol.md#request).
 *
 * @param cursor null on the first sync and after a reset
 * @param clientHlc the tablet's HLC when it sent the request
 * @param clientTime the tablet's wall clock when it sent the request (for the clock offset)
 * @param pendingCount the outbox size before this request
 * @param oldestPendingAt the oldest pending mutation's time
 * @param mutations at most 200, in {@code deviceSeq} order; null means none
 * @param pullLimit the most changes to answer (1-1000, 500 when null); 0 pushes without pulling
 * @param pullMaxBytes the most bytes of changes to answer (16 KiB-4 MiB, 512 KiB when null)
 * @param compactChanges true to receive follow-ups in their compact form (nulls left out, coded
 *     values as codes); null or false for the full REST form, as before
 */
@Serdeable
record SyncRequest(
    @NotNull UUID deviceId,
    @Nullable @Valid PullCursor cursor,
    @Positive int schemaVersion,
    @Nullable @Size(max = 40) String appVersion,
    @Nullable @PositiveOrZero Long clientHlc,
    @Nullable Instant clientTime,
    @Nullable @PositiveOrZero Integer pendingCount,
    @Nullable Instant oldestPendingAt,
    @Nullable @Size(max = SyncRequest.MAX_MUTATIONS) List<@NotNull @Valid Mutation> mutations,
    @Nullable @Min(0) @Max(1000) Integer pullLimit,
    @Nullable @Min(16 * 1024) @Max(4 * 1024 * 1024) Integer pullMaxBytes,
    @Nullable Boolean compactChanges) {

  /** The most mutations one request may carry. */
  static final int MAX_MUTATIONS = 200;

  static final int DEFAULT_PULL_LIMIT = 500;
  static final int DEFAULT_PULL_MAX_BYTES = 512 * 1024;

  /** The mutations, empty when none were sent. */
  List<Mutation> mutationsOrEmpty() {
    return mutations == null ? List.of() : mutations;
  }

  int pullLimitOrDefault() {
    return pullLimit == null ? DEFAULT_PULL_LIMIT : pullLimit;
  }

  int pullMaxBytesOrDefault() {
    return pullMaxBytes == null ? DEFAULT_PULL_MAX_BYTES : pullMaxBytes;
  }
}
