package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Sex;

/**
 * Registers a patient ({@code POST /api/v1/patients}).
 *
 * @param id the client-generated id (UUIDv7); a repeat with the same id and content is a no-op
 * @param name the patient's name
 * @param sex required unless {@code residentId} is given (then it must agree with it)
 * @param birthDate required unless {@code residentId} is given (then it must agree with it)
 * @param residentId the GB 11643 resident ID number (18 characters, or a legacy 15); optional
 * @param phone a phone number; optional
 * @param villageCode the 12-digit code of the patient's village
 * @param address the address; optional
 * @param healthRecordNumber the 17-digit health-record number; optional
 * @param heightCm the height in cm, for BMI; optional
 * @param conditions hypertension and/or type 2 diabetes, each with its diagnosis date
 */
@Serdeable
record PatientCommand(
    @NotNull UUID id,
    @NotBlank @Size(max = 50) String name,
    @Nullable Sex sex,
    @Nullable LocalDate birthDate,
    @Nullable @Size(max = 20) String residentId,
    @Nullable @Pattern(regexp = "[0-9+\\- ]{3,20}") String phone,
    @NotNull @Pattern(regexp = "\\d{12}") String villageCode,
    @Nullable @Size(max = 200) String address,
    @Nullable @Size(max = 20) String healthRecordNumber,
    @Nullable @DecimalMin("50") @DecimalMax("250") @Digits(integer = 3, fraction = 1) BigDecimal heightCm,
    @NotEmpty List<@Valid @NotNull ConditionCommand> conditions) {

  PatientDetails details() {
    return new PatientDetails(name, sex, birthDate, residentId, phone, villageCode, address,
        healthRecordNumber, heightCm, conditions);
  }
}
