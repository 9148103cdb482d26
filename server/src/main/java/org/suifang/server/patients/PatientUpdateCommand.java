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
import org.suifang.rules.Sex;

/**
 * Replaces a patient's demographics and conditions ({@code PUT /api/v1/patients/{id}}). The fields
 * are those of {@link PatientCommand}; {@code version} is the version the client last read.
 */
@Serdeable
record PatientUpdateCommand(
    @NotNull Long version,
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
