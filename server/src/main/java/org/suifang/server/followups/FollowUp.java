package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.VisitMode;

/**
 * A follow-up row (table {@code follow_up}, V11): one disease form of one encounter with its stored
 * assessment. Code sets (symptoms, danger signs) are comma-separated enum names. Only the void
 * columns ever change after insert. {@code clientAssessment} is the tablet's own assessment as JSON
 * ({@link ClientAssessment}), {@code assessmentMismatch} what differed from the stored one, and
 * {@code clockSuspect} marks a record whose device time is not plausible (docs/sync-protocol.md).
 * Never serialised: see {@link FollowUpView}.
 */
@MappedEntity("follow_up")
record FollowUp(
    @Id UUID id,
    UUID patientId,
    Disease disease,
    @Nullable UUID encounterId,
    LocalDate visitDate,
    VisitMode mode,
    String symptoms,
    @Nullable String otherSymptoms,
    @Nullable Integer systolic,
    @Nullable Integer diastolic,
    @Nullable BigDecimal weightKg,
    @Nullable BigDecimal targetWeightKg,
    @Nullable BigDecimal bmi,
    @Nullable BigDecimal targetBmi,
    @Nullable Integer heartRate,
    @Nullable BigDecimal temperature,
    @Nullable String otherSigns,
    @Nullable DorsalisPedis dorsalisPedis,
    @Nullable BodySide dorsalisPedisSide,
    @Nullable Integer smokingPerDay,
    @Nullable Integer targetSmokingPerDay,
    @Nullable BigDecimal drinkingLiangPerDay,
    @Nullable BigDecimal targetDrinkingLiangPerDay,
    @Nullable Integer exerciseTimesPerWeek,
    @Nullable Integer exerciseMinutesPerTime,
    @Nullable Integer targetExerciseTimesPerWeek,
    @Nullable Integer targetExerciseMinutesPerTime,
    @Nullable SaltIntake saltIntake,
    @Nullable SaltIntake targetSaltIntake,
    @MappedProperty("staple_food_g_per_day") @Nullable Integer stapleFoodGramsPerDay,
    @MappedProperty("target_staple_food_g_per_day") @Nullable Integer targetStapleFoodGramsPerDay,
    @Nullable Rating psychologicalAdjustment,
    @Nullable Rating compliance,
    @Nullable String ancillaryTests,
    @Nullable BigDecimal fastingGlucose,
    @Nullable GlucoseSpecimen glucoseSpecimen,
    @Nullable BigDecimal hba1c,
    @Nullable LocalDate hba1cTestDate,
    @Nullable MedicationAdherence medicationAdherence,
    boolean adverseReaction,
    @Nullable String adverseReactionDescription,
    boolean adverseReactionHardToControl,
    boolean newOrWorseComplication,
    @Nullable String complicationDescription,
    @Nullable Hypoglycaemia hypoglycaemia,
    @Nullable String referralReason,
    @Nullable String referralFacility,
    @Nullable String referralDepartment,
    @Nullable String referralContact,
    @Nullable String referralContactPhone,
    @Nullable ReferralOutcome previousReferralOutcome,
    String reportedDangerSigns,
    boolean pregnantOrBreastfeeding,
    boolean annualCheck,
    LocalDate nextVisitDate,
    @Nullable String remarks,
    UUID doctorId,
    @Nullable Instant recordedAt,
    Instant receivedAt,
    String ruleSetId,
    int ageAtVisit,
    String dangerSigns,
    boolean urgentReferral,
    @Nullable Classification classification,
    @Nullable NextStep nextStep,
    String recommendedActionZh,
    String recommendedActionEn,
    LocalDate dueDate,
    @Nullable Boolean bphsControlled,
    @Nullable Boolean clinicalTargetMet,
    @Nullable Classification classificationOverride,
    @Nullable String overrideReason,
    @Nullable UUID amends,
    @Nullable String amendReason,
    @Nullable Instant voidedAt,
    @Nullable UUID voidedBy,
    @Nullable String voidReason,
    @Nullable String clientAssessment,
    @Nullable String assessmentMismatch,
    boolean clockSuspect,
    String requestHash,
    Instant updatedAt,
    @Version long version) {

  /** Returns the classification that counts: the doctor's override, else the computed one. */
  @Nullable
  Classification effectiveClassification() {
    return classificationOverride != null ? classificationOverride : classification;
  }
}
