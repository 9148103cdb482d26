package org.suifang.server.followups;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Voids a follow-up record ({@code POST /api/v1/follow-ups/{id}/void}).
 *
 * @param reason why the record no longer counts, e.g. entered for the wrong patient
 */
@Serdeable
record VoidCommand(@NotBlank @Size(max = 200) String reason) {}
