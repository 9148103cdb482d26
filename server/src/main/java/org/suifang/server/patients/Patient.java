package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;

/**
 * A patient row (table {@code patient}, V10). Mutable: every change bumps {@code version}.
 * Other features read it through {@link PatientService}; it is never serialised.
 */
@MappedEntity("patient")
public record Patient(
    @Id UUID id,
    String name,
    Sex sex,
    LocalDate birthDate,
    @Nullable String residentId,
    String countyCode,
    String villageCode,
    @Nullable String phone,
    @Nullable String address,
    @Nullable String healthRecordNumber,
    @Nullable BigDecimal heightCm,
    boolean hypertension,
    @Nullable LocalDate hypertensionDiagnosedOn,
    boolean diabetes,
    @Nullable LocalDate diabetesDiagnosedOn,
    ManagementStatus status,
    @Nullable TerminationReason statusReason,
    LocalDate statusDate,
    @Nullable String statusNote,
    String requestHash,
    UUID createdBy,
    Instant createdAt,
    UUID updatedBy,
    Instant updatedAt,
    @Version long version) {

  /** Returns true if the patient is managed for the disease. */
  public boolean has(Disease disease) {
    return disease == Disease.HYPERTENSION ? hypertension : diabetes;
  }
}
