package org.suifang.server.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.suifang.server.common.FieldError;

/**
 * The outcome of one pushed mutation (docs/sync-protocol.md#response-200).
 *
 * @param duplicate true when the mutation had been processed before and this is the stored answer
 * @param changeSeq the change sequence number of an applied mutation's writes; null when rejected
 * @param hlc the HLC applied: the tablet's, or the server's re-stamp
 * @param clockSuspect true when the tablet's HLC was too far ahead and was re-stamped
 * @param conflicts how many sync_conflict rows the mutation made
 * @param code the error code of a rejection (as an API error)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PushResult(
    UUID mutationId,
    long deviceSeq,
    MutationStatus status,
    boolean duplicate,
    @Nullable Long changeSeq,
    long hlc,
    boolean clockSuspect,
    int conflicts,
    @Nullable String code,
    @Nullable String messageZh,
    @Nullable String messageEn,
    List<FieldError> fieldErrors) {}
