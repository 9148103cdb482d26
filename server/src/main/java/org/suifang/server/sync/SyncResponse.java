package org.suifang.server.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/sync} (docs/sync-protocol.md#response-200).
 *
 * @param results one per processed mutation, in order
 * @param ackedThroughSeq the device's {@code lastSeq} after this request
 * @param expectedSeq the seq the server needs next when a gap stopped the push; else null
 * @param ackChangeSeq the highest change sequence number of this request's results (0 if none)
 * @param resetRequired the cursor was not valid for this server and user: the page starts afresh
 * @param changes the page, ordered by seq, then type, then id
 * @param nextCursor the cursor to send next (the one sent when nothing was pulled)
 * @param hasMore whether another request would pull more
 * @param serverHlc the server's HLC, for the tablet's clock
 * @param serverTime the server's wall clock
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SyncResponse(
    List<PushResult> results,
    long ackedThroughSeq,
    @Nullable Long expectedSeq,
    long ackChangeSeq,
    boolean resetRequired,
    List<Change> changes,
    @Nullable PullCursor nextCursor,
    boolean hasMore,
    long serverHlc,
    Instant serverTime) {}
