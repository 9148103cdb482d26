package org.suifang.server.followups;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Corrects a follow-up record ({@code POST /api/v1/follow-ups/{id}/amend}).
 *
 * @param reason why the original is corrected
 * @param followUp the complete corrected form, with a new client-generated id and the same disease
 */
@Serdeable
record AmendCommand(@NotBlank @Size(max = 200) String reason, @NotNull @Valid FollowUpCommand followUp) {}
