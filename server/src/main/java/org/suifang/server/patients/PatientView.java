package org.suifang.server.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;
import org.suifang.server.common.FieldError;

/**
 * A patient as the API shows it.
 *
 * @param age completed years today (China time)
 * @param villageName the village's name from the region table
 * @param warnings things to review that do not block the record: {@code RESIDENT_ID_MISSING},
 *     {@code BELOW_ENROLMENT_AGE}
 * @param version pass it back on update and status change
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PatientView(
    UUID id,
    String name,
    Sex sex,
    LocalDate birthDate,
    int age,
    @Nullable String residentId,
    @Nullable String phone,
    String villageCode,
    @Nullable String villageName,
    String countyCode,
    @Nullable String address,
    @Nullable String healthRecordNumber,
    @Nullable BigDecimal heightCm,
    List<ConditionView> conditions,
    StatusView status,
    List<FieldError> warnings,
    UUID createdBy,
    Instant createdAt,
    UUID updatedBy,
    Instant updatedAt,
    long version) {

  /** A managed condition. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConditionView(Disease disease, @Nullable LocalDate diagnosedOn) {}

  /** The management status, with the reason (TERMINATED only) and the date it took effect. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StatusView(
      ManagementStatus status,
      @Nullable TerminationReason reason,
      LocalDate date,
      @Nullable String note) {}
}
