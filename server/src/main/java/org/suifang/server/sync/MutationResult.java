package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * The stored outcome of one mutation (table {@code mutation_result}, V20): a retry under any device
 * id or seq is answered from it. Never serialised: the API answers {@link PushResult}.
 *
 * @param deviceId the device that first delivered it
 * @param deviceSeq its seq on that device
 * @param code the error code of a rejection
 * @param errorJson the rejection as an API error body (code, messages, field errors)
 * @param changeSeq the change sequence number of an applied mutation; null for a rejection
 * @param clientHlc the HLC the tablet stamped
 * @param appliedHlc the HLC applied: the tablet's, or the server's re-stamp
 * @param patientId for a rejection, the patient the payload named when it named one (the review
 *     queue shows it); null otherwise
 */
@MappedEntity("mutation_result")
record MutationResult(
    @Id UUID mutationId,
    UUID deviceId,
    long deviceSeq,
    String type,
    UUID authorId,
    MutationStatus status,
    @Nullable String code,
    @Nullable String errorJson,
    @Nullable Long changeSeq,
    long clientHlc,
    long appliedHlc,
    boolean clockSuspect,
    int conflicts,
    @Nullable Instant deviceTime,
    Instant processedAt,
    @Nullable UUID patientId) {}
