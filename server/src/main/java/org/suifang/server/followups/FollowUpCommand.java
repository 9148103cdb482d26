package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * One filled-in follow-up form (domain.md §4.1 hypertension, §4.2 diabetes). Fields that are not on
 * the {@code disease}'s form (e.g. salt intake on the diabetes form, glucose on the hypertension
 * form) are rejected. Values are checked by the rule library's {@code VisitValidator}: hard errors
 * are 400s, soft warnings are stored with the record. Current/target pairs: the plain field is the
 * current value, {@code target…} the goal agreed for the next visit.
 *
 * @param id the client-generated id (UUIDv7); a repeat with the same id and content is a no-op
 * @param disease which form this is
 * @param encounterId groups the two forms of a patient with both diseases seen at one encounter
 * @param visitDate 随访日期 (China date); not in the future
 * @param mode 随访方式; a PHONE visit carries no measurements
 * @param symptoms 症状: names of the disease's symptom list (HypertensionSymptom or DiabetesSymptom);
 *     NONE is exclusive
 * @param otherSymptoms 其他 symptoms, free text
 * @param temperature ℃; not on the paper forms but a diabetes danger sign (&gt; 39 ℃)
 * @param bmi kg/m²; computed from the weight and the patient's height when absent
 * @param targetBmi kg/m²; computed from the target weight and the height when absent
 * @param heartRate beats/min (the diabetes form has no row, but HR &gt; 100 is a danger sign)
 * @param dorsalisPedis 足背动脉搏动 (diabetes); {@code dorsalisPedisSide} is required with WEAKENED or
 *     ABSENT
 * @param drinkingLiangPerDay 两 of baijiu equivalent per day
 * @param saltIntake hypertension only
 * @param stapleFoodGramsPerDay 主食 g/day, diabetes only
 * @param fastingGlucose 空腹血糖 mmol/L (diabetes), with {@code glucoseSpecimen}
 * @param hba1c 糖化血红蛋白 % (diabetes), with {@code hba1cTestDate}
 * @param adverseReaction 药物不良反应 有; needs {@code adverseReactionDescription}
 * @param adverseReactionHardToControl the reaction persists and is hard to control
 * @param newOrWorseComplication a new complication or a worse existing one
 * @param hypoglycaemia 低血糖反应 (diabetes)
 * @param medications 用药情况
 * @param medicationAdjustments 用药调整意见
 * @param referral 转诊 made at this visit
 * @param previousReferralOutcome 转诊结果 of the referral made at an earlier visit
 * @param reportedDangerSigns the danger-sign checklist ticked by the doctor (the disease's list);
 *     measured signs are found by the rules from the values
 * @param pregnantOrBreastfeeding 妊娠期或哺乳期 at this visit
 * @param annualCheck this visit also serves as the annual health check
 * @param classificationOverride the doctor's classification, if it differs from the rules';
 *     requires {@code overrideReason}
 * @param nextVisitDate 下次随访日期; the assessment's due date when absent
 * @param recordedAt the device time the form was saved, as the tablet saw it
 */
@Serdeable
record FollowUpCommand(
    @NotNull UUID id,
    @NotNull Disease disease,
    @Nullable UUID encounterId,
    @NotNull LocalDate visitDate,
    @NotNull VisitMode mode,
    @NotEmpty List<@NotNull String> symptoms,
    @Nullable @Size(max = 200) String otherSymptoms,
    @Nullable Integer systolic,
    @Nullable Integer diastolic,
    @Nullable Integer heartRate,
    @Nullable BigDecimal temperature,
    @Nullable BigDecimal weightKg,
    @Nullable @DecimalMin("10") @DecimalMax("400") BigDecimal targetWeightKg,
    @Nullable @DecimalMin("5") @DecimalMax("99") BigDecimal bmi,
    @Nullable @DecimalMin("5") @DecimalMax("99") BigDecimal targetBmi,
    @Nullable @Size(max = 200) String otherSigns,
    @Nullable DorsalisPedis dorsalisPedis,
    @Nullable BodySide dorsalisPedisSide,
    @Nullable @Min(0) @Max(200) Integer smokingPerDay,
    @Nullable @Min(0) @Max(200) Integer targetSmokingPerDay,
    @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal drinkingLiangPerDay,
    @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal targetDrinkingLiangPerDay,
    @Nullable @Min(0) @Max(50) Integer exerciseTimesPerWeek,
    @Nullable @Min(0) @Max(600) Integer exerciseMinutesPerTime,
    @Nullable @Min(0) @Max(50) Integer targetExerciseTimesPerWeek,
    @Nullable @Min(0) @Max(600) Integer targetExerciseMinutesPerTime,
    @Nullable SaltIntake saltIntake,
    @Nullable SaltIntake targetSaltIntake,
    @Nullable @Min(0) @Max(5000) Integer stapleFoodGramsPerDay,
    @Nullable @Min(0) @Max(5000) Integer targetStapleFoodGramsPerDay,
    @Nullable Rating psychologicalAdjustment,
    @Nullable Rating compliance,
    @Nullable @Size(max = 1000) String ancillaryTests,
    @Nullable BigDecimal fastingGlucose,
    @Nullable GlucoseSpecimen glucoseSpecimen,
    @Nullable @DecimalMin("2") @DecimalMax("25") BigDecimal hba1c,
    @Nullable LocalDate hba1cTestDate,
    @Nullable MedicationAdherence medicationAdherence,
    @Nullable Boolean adverseReaction,
    @Nullable @Size(max = 200) String adverseReactionDescription,
    @Nullable Boolean adverseReactionHardToControl,
    @Nullable Boolean newOrWorseComplication,
    @Nullable @Size(max = 200) String complicationDescription,
    @Nullable Hypoglycaemia hypoglycaemia,
    @Nullable @Size(max = 20) List<@Valid @NotNull MedicationCommand> medications,
    @Nullable @Size(max = 20) List<@Valid @NotNull MedicationCommand> medicationAdjustments,
    @Nullable @Valid ReferralCommand referral,
    @Nullable ReferralOutcome previousReferralOutcome,
    @Nullable List<@NotNull DangerSign> reportedDangerSigns,
    @Nullable Boolean pregnantOrBreastfeeding,
    @Nullable Boolean annualCheck,
    @Nullable Classification classificationOverride,
    @Nullable @Size(max = 200) String overrideReason,
    @Nullable LocalDate nextVisitDate,
    @Nullable @Size(max = 500) String remarks,
    @Nullable Instant recordedAt) {

  /**
   * The form's id only: equal forms have equal ids, so this agrees with the record's {@code
   * equals}. The bean validator keeps every bean it validates in a hash set, and the record's own
   * hash of about 80 components and their lists, computed on each entry and exit, was a twentieth
   * of a pushed visit's CPU (docs/performance.md, "Server: push and pull throughput").
   */
  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
