package org.suifang.server.sync;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * One pushed mutation (docs/sync-protocol.md#mutation).
 *
 * @param mutationId the mutation's UUIDv7, the deduplication key
 * @param deviceSeq 1, 2, 3… per device
 * @param hlc the tablet's hybrid logical clock when it made the change
 * @param authorId the user who made the change on the tablet
 * @param type e.g. {@code FOLLOW_UP_RECORD}; one {@link MutationHandler} per type
 * @param schemaVersion the client schema version of the payload
 * @param createdAt the tablet's time of the change (not used for ordering)
 * @param payload the type's payload
 */
@Serdeable
record Mutation(
    @NotNull UUID mutationId,
    @Positive long deviceSeq,
    @PositiveOrZero long hlc,
    @NotNull UUID authorId,
    @NotBlank @Size(max = 40) String type,
    @Positive int schemaVersion,
    @NotNull Instant createdAt,
    @NotNull JsonNode payload) {}
