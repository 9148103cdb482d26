package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.suifang.rules.Sex;

/**
 * The {@code fields} of a pushed {@code PATIENT_UPDATE} (docs/sync-protocol.md#mutation): only the
 * fields the doctor changed are present; a present null clears an optional field. The constraints
 * are those of {@link PatientCommand}; which fields are present, and the checks beyond these
 * constraints, are the business of {@link PatientUpdateHandler}.
 *
 * @param hypertensionDiagnosedOn null: not managed for hypertension
 * @param diabetesDiagnosedOn null: not managed for type 2 diabetes
 */
@Serdeable
record PatientFieldValues(
    @Nullable @Size(max = 50) String name,
    @Nullable Sex sex,
    @Nullable LocalDate birthDate,
    @Nullable @Size(max = 20) String residentId,
    @Nullable @Pattern(regexp = "[0-9+\\- ]{3,20}") String phone,
    @Nullable @Pattern(regexp = "\\d{12}") String villageCode,
    @Nullable @Size(max = 200) String address,
    @Nullable @Size(max = 20) String healthRecordNumber,
    @Nullable @DecimalMin("50") @DecimalMax("250") @Digits(integer = 3, fraction = 1)
        BigDecimal heightCm,
    @Nullable LocalDate hypertensionDiagnosedOn,
    @Nullable LocalDate diabetesDiagnosedOn,
    @Nullable @Valid PatientStatusValue status) {

  /** The value of one field by its name in {@code ChangeStamps.PATIENT_FIELDS}. */
  @Nullable
  Object get(String field) {
    return switch (field) {
      case "name" -> name;
      case "sex" -> sex;
      case "birthDate" -> birthDate;
      case "residentId" -> residentId;
      case "phone" -> phone;
      case "villageCode" -> villageCode;
      case "address" -> address;
      case "healthRecordNumber" -> healthRecordNumber;
      case "heightCm" -> heightCm;
      case "hypertensionDiagnosedOn" -> hypertensionDiagnosedOn;
      case "diabetesDiagnosedOn" -> diabetesDiagnosedOn;
      case "status" -> status;
      default -> throw new IllegalArgumentException("not a patient field: " + field);
    };
  }
}
