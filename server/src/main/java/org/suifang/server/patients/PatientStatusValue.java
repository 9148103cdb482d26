package org.suifang.server.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The {@code status} field of a patient as one last-writer-wins value (docs/sync-protocol.md): the
 * management status with its reason, date and note, as in {@code POST /patients/{id}/status}.
 *
 * @param status the management status
 * @param reason required iff {@code status} is TERMINATED
 * @param date when the status took effect; in a pushed update, the day the tablet made the change
 *     when absent
 * @param note free text; optional
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PatientStatusValue(
    @NotNull ManagementStatus status,
    @Nullable TerminationReason reason,
    @Nullable LocalDate date,
    @Nullable @Size(max = 200) String note) {}
