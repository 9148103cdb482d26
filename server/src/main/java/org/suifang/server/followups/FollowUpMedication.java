package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.util.UUID;

/** A medication row of a follow-up (table {@code follow_up_medication}, V11). */
@MappedEntity("follow_up_medication")
record FollowUpMedication(
    @Id @GeneratedValue @Nullable Long id,
    UUID followUpId,
    MedicationKind kind,
    int lineNo,
    String drugName,
    @Nullable Integer timesPerDay,
    @Nullable BigDecimal mgPerDose,
    @Nullable String insulinType,
    @Nullable String insulinDosage) {}
