package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Changes a patient's management status ({@code POST /api/v1/patients/{id}/status}).
 *
 * @param status the new status
 * @param reason required iff {@code status} is TERMINATED
 * @param date when the status took effect (e.g. the date of death); today (China time) if absent
 * @param note free text, e.g. the cause of death or where the patient moved; optional
 * @param version the version the client last read
 */
@Serdeable
record PatientStatusCommand(
    @NotNull ManagementStatus status,
    @Nullable TerminationReason reason,
    @Nullable LocalDate date,
    @Nullable @Size(max = 200) String note,
    @NotNull Long version) {}
