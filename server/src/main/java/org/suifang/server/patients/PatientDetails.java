package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.suifang.rules.Sex;

/**
 * The editable part of a patient, shared by create and update. After {@link
 * PatientService#normalise} it is canonical: trimmed, resident id upper-case with 18 characters,
 * sex and birth date filled from the id, conditions in disease order, height with one decimal. Its JSON is hashed to recognise a repeated create.
 */
@Serdeable
record PatientDetails(
    String name,
    @Nullable Sex sex,
    @Nullable LocalDate birthDate,
    @Nullable String residentId,
    @Nullable String phone,
    String villageCode,
    @Nullable String address,
    @Nullable String healthRecordNumber,
    @Nullable BigDecimal heightCm,
    List<ConditionCommand> conditions) {}
