package org.suifang.server.followups;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * A follow-up record as the API shows it: the form as recorded (see {@link FollowUpCommand} for the
 * fields), the rules' assessment, the effective classification, stored warnings, who signed it and
 * when, and whether it still counts ({@code state}).
 *
 * @param faceToFace false for a telephone visit, which never counts as face-to-face
 * @param effectiveClassification the override when there is one, else the assessment's
 * @param doctorId the signing doctor (the user who recorded it)
 * @param recordedAt the device time sent by the client
 * @param receivedAt when the server stored it
 * @param amends the record this one corrects
 * @param supersededBy the record that corrects this one
 * @param assessmentMismatch for a record pushed by a tablet, what differed between the tablet's
 *     assessment and the server's (which is the one stored); null when they agree or the tablet
 *     sent none
 * @param clockSuspect the tablet's clock was off when it recorded this (its time is implausible, or
 *     the server re-stamped the mutation)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record FollowUpView(
    UUID id,
    UUID patientId,
    Disease disease,
    @Nullable UUID encounterId,
    LocalDate visitDate,
    VisitMode mode,
    boolean faceToFace,
    List<LabelView> symptoms,
    @Nullable String otherSymptoms,
    @Nullable Integer systolic,
    @Nullable Integer diastolic,
    @Nullable Integer heartRate,
    @Nullable BigDecimal temperature,
    @Nullable BigDecimal weightKg,
    @Nullable BigDecimal targetWeightKg,
    @Nullable BigDecimal bmi,
    @Nullable BigDecimal targetBmi,
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
    @Nullable Integer stapleFoodGramsPerDay,
    @Nullable Integer targetStapleFoodGramsPerDay,
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
    List<MedicationView> medications,
    List<MedicationView> medicationAdjustments,
    @Nullable ReferralView referral,
    @Nullable ReferralOutcome previousReferralOutcome,
    List<LabelView> reportedDangerSigns,
    boolean pregnantOrBreastfeeding,
    boolean annualCheck,
    AssessmentView assessment,
    @Nullable Classification classificationOverride,
    @Nullable String overrideReason,
    @Nullable LabelView effectiveClassification,
    LocalDate nextVisitDate,
    @Nullable String remarks,
    List<WarningView> warnings,
    UUID doctorId,
    @Nullable String doctorName,
    @Nullable Instant recordedAt,
    Instant receivedAt,
    RecordState state,
    @Nullable UUID amends,
    @Nullable String amendReason,
    @Nullable UUID supersededBy,
    @Nullable Instant voidedAt,
    @Nullable UUID voidedBy,
    @Nullable String voidReason,
    @Nullable String assessmentMismatch,
    boolean clockSuspect,
    long version) {

  /**
   * A coded value with its labels, e.g. {@code {"code":"URGENT_REFERRAL","formCode":4,
   * "labelZh":"紧急转诊","labelEn":"Urgent referral"}}.
   *
   * @param code the stable enum name
   * @param formCode the number printed on the paper form, where the form has one
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record LabelView(String code, @Nullable Integer formCode, String labelZh, String labelEn) {}

  /**
   * What the rules concluded for this visit, stored as computed.
   *
   * @param ruleSetId the rule set that made the assessment
   * @param dangerSigns the danger signs found (measured or reported); any one means urgent referral
   * @param classification the rules' suggestion; null when nothing could be classified
   * @param nextStep 下一步管理措施; null when nothing could be classified and nothing is urgent
   * @param nextDueDate when the next follow-up (or referral follow-up) is due
   * @param bphsControlled whether the BPHS thresholds were met (the indicator); null if not
   *     measured
   * @param clinicalTargetMet the advisory guideline targets; null if not applicable
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record AssessmentView(
      String ruleSetId,
      int ageAtVisit,
      List<LabelView> dangerSigns,
      boolean urgentReferral,
      @Nullable LabelView classification,
      @Nullable LabelView nextStep,
      String recommendedActionZh,
      String recommendedActionEn,
      LocalDate nextDueDate,
      @Nullable Boolean bphsControlled,
      @Nullable Boolean clinicalTargetMet) {}

  /** A medication row. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MedicationView(
      String drugName,
      @Nullable Integer timesPerDay,
      @Nullable BigDecimal mgPerDose,
      @Nullable String insulinType,
      @Nullable String insulinDosage) {}

  /** The referral made at this visit. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ReferralView(
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department,
      @Nullable String contact,
      @Nullable String contactPhone) {}

  /** A soft warning of the validation, confirmed by recording the visit anyway. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record WarningView(@Nullable String field, String code, String messageZh, String messageEn) {}
}
