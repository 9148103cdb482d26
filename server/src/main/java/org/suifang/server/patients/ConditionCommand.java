package org.suifang.server.patients;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.suifang.rules.Disease;

/**
 * A managed condition of a patient.
 *
 * @param disease HYPERTENSION or DIABETES (type 2)
 * @param diagnosedOn the diagnosis date; not in the future, not before birth
 */
@Serdeable
record ConditionCommand(@NotNull Disease disease, @NotNull LocalDate diagnosedOn) {}
