package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.VisitMode;

/**
 * One filled-in follow-up form (随访服务记录表). Its fields and their JSON names are exactly those of the
 * server's {@code FollowUpCommand} (the body of {@code POST /api/v1/patients/{id}/follow-ups}); it
 * is sent as the {@code followUp} payload of a {@code FOLLOW_UP_RECORD} or {@code FOLLOW_UP_AMEND}
 * mutation. Fields not on the disease's form (salt intake on the diabetes form, glucose on the
 * hypertension form) are refused when the form is recorded.
 *
 * <p>Every field is optional here; {@link FollowUps#record} checks the form as the server does and
 * throws a {@link SuifangValidationException} listing what is missing or wrong. Immutable; build
 * one with {@link #newBuilder()}:
 *
 * <pre>{@code
 * VisitForm form = VisitForm.newBuilder()
 *     .disease(Disease.HYPERTENSION).visitDate(today).mode(VisitMode.CLINIC)
 *     .symptoms(HypertensionSymptom.NONE).systolic(148).diastolic(92)
 *     .build();
 * }</pre>
 */
public final class VisitForm {
  @Nullable
  @SerializedName("id")
  private final UUID id;

  @Nullable
  @SerializedName("disease")
  private final Disease disease;

  @Nullable
  @SerializedName("encounterId")
  private final UUID encounterId;

  @Nullable
  @SerializedName("visitDate")
  private final LocalDate visitDate;

  @Nullable
  @SerializedName("mode")
  private final VisitMode mode;

  @Nullable
  @SerializedName("symptoms")
  private final List<String> symptoms;

  @Nullable
  @SerializedName("otherSymptoms")
  private final String otherSymptoms;

  @Nullable
  @SerializedName("systolic")
  private final Integer systolic;

  @Nullable
  @SerializedName("diastolic")
  private final Integer diastolic;

  @Nullable
  @SerializedName("heartRate")
  private final Integer heartRate;

  @Nullable
  @SerializedName("temperature")
  private final BigDecimal temperature;

  @Nullable
  @SerializedName("weightKg")
  private final BigDecimal weightKg;

  @Nullable
  @SerializedName("targetWeightKg")
  private final BigDecimal targetWeightKg;

  @Nullable
  @SerializedName("bmi")
  private final BigDecimal bmi;

  @Nullable
  @SerializedName("targetBmi")
  private final BigDecimal targetBmi;

  @Nullable
  @SerializedName("otherSigns")
  private final String otherSigns;

  @Nullable
  @SerializedName("dorsalisPedis")
  private final DorsalisPedis dorsalisPedis;

  @Nullable
  @SerializedName("dorsalisPedisSide")
  private final BodySide dorsalisPedisSide;

  @Nullable
  @SerializedName("smokingPerDay")
  private final Integer smokingPerDay;

  @Nullable
  @SerializedName("targetSmokingPerDay")
  private final Integer targetSmokingPerDay;

  @Nullable
  @SerializedName("drinkingLiangPerDay")
  private final BigDecimal drinkingLiangPerDay;

  @Nullable
  @SerializedName("targetDrinkingLiangPerDay")
  private final BigDecimal targetDrinkingLiangPerDay;

  @Nullable
  @SerializedName("exerciseTimesPerWeek")
  private final Integer exerciseTimesPerWeek;

  @Nullable
  @SerializedName("exerciseMinutesPerTime")
  private final Integer exerciseMinutesPerTime;

  @Nullable
  @SerializedName("targetExerciseTimesPerWeek")
  private final Integer targetExerciseTimesPerWeek;

  @Nullable
  @SerializedName("targetExerciseMinutesPerTime")
  private final Integer targetExerciseMinutesPerTime;

  @Nullable
  @SerializedName("saltIntake")
  private final SaltIntake saltIntake;

  @Nullable
  @SerializedName("targetSaltIntake")
  private final SaltIntake targetSaltIntake;

  @Nullable
  @SerializedName("stapleFoodGramsPerDay")
  private final Integer stapleFoodGramsPerDay;

  @Nullable
  @SerializedName("targetStapleFoodGramsPerDay")
  private final Integer targetStapleFoodGramsPerDay;

  @Nullable
  @SerializedName("psychologicalAdjustment")
  private final Rating psychologicalAdjustment;

  @Nullable
  @SerializedName("compliance")
  private final Rating compliance;

  @Nullable
  @SerializedName("ancillaryTests")
  private final String ancillaryTests;

  @Nullable
  @SerializedName("fastingGlucose")
  private final BigDecimal fastingGlucose;

  @Nullable
  @SerializedName("glucoseSpecimen")
  private final GlucoseSpecimen glucoseSpecimen;

  @Nullable
  @SerializedName("hba1c")
  private final BigDecimal hba1c;

  @Nullable
  @SerializedName("hba1cTestDate")
  private final LocalDate hba1cTestDate;

  @Nullable
  @SerializedName("medicationAdherence")
  private final MedicationAdherence medicationAdherence;

  @Nullable
  @SerializedName("adverseReaction")
  private final Boolean adverseReaction;

  @Nullable
  @SerializedName("adverseReactionDescription")
  private final String adverseReactionDescription;

  @Nullable
  @SerializedName("adverseReactionHardToControl")
  private final Boolean adverseReactionHardToControl;

  @Nullable
  @SerializedName("newOrWorseComplication")
  private final Boolean newOrWorseComplication;

  @Nullable
  @SerializedName("complicationDescription")
  private final String complicationDescription;

  @Nullable
  @SerializedName("hypoglycaemia")
  private final Hypoglycaemia hypoglycaemia;

  @Nullable
  @SerializedName("medications")
  private final List<Medication> medications;

  @Nullable
  @SerializedName("medicationAdjustments")
  private final List<Medication> medicationAdjustments;

  @Nullable
  @SerializedName("referral")
  private final Referral referral;

  @Nullable
  @SerializedName("previousReferralOutcome")
  private final ReferralOutcome previousReferralOutcome;

  @Nullable
  @SerializedName("reportedDangerSigns")
  private final List<DangerSign> reportedDangerSigns;

  @Nullable
  @SerializedName("pregnantOrBreastfeeding")
  private final Boolean pregnantOrBreastfeeding;

  @Nullable
  @SerializedName("annualCheck")
  private final Boolean annualCheck;

  @Nullable
  @SerializedName("classificationOverride")
  private final Classification classificationOverride;

  @Nullable
  @SerializedName("overrideReason")
  private final String overrideReason;

  @Nullable
  @SerializedName("nextVisitDate")
  private final LocalDate nextVisitDate;

  @Nullable
  @SerializedName("remarks")
  private final String remarks;

  @Nullable
  @SerializedName("recordedAt")
  private final Instant recordedAt;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private VisitForm() {
    this(new Builder());
  }

  private VisitForm(Builder b) {
    this.id = b.id;
    this.disease = b.disease;
    this.encounterId = b.encounterId;
    this.visitDate = b.visitDate;
    this.mode = b.mode;
    this.symptoms = copy(b.symptoms);
    this.otherSymptoms = b.otherSymptoms;
    this.systolic = b.systolic;
    this.diastolic = b.diastolic;
    this.heartRate = b.heartRate;
    this.temperature = b.temperature;
    this.weightKg = b.weightKg;
    this.targetWeightKg = b.targetWeightKg;
    this.bmi = b.bmi;
    this.targetBmi = b.targetBmi;
    this.otherSigns = b.otherSigns;
    this.dorsalisPedis = b.dorsalisPedis;
    this.dorsalisPedisSide = b.dorsalisPedisSide;
    this.smokingPerDay = b.smokingPerDay;
    this.targetSmokingPerDay = b.targetSmokingPerDay;
    this.drinkingLiangPerDay = b.drinkingLiangPerDay;
    this.targetDrinkingLiangPerDay = b.targetDrinkingLiangPerDay;
    this.exerciseTimesPerWeek = b.exerciseTimesPerWeek;
    this.exerciseMinutesPerTime = b.exerciseMinutesPerTime;
    this.targetExerciseTimesPerWeek = b.targetExerciseTimesPerWeek;
    this.targetExerciseMinutesPerTime = b.targetExerciseMinutesPerTime;
    this.saltIntake = b.saltIntake;
    this.targetSaltIntake = b.targetSaltIntake;
    this.stapleFoodGramsPerDay = b.stapleFoodGramsPerDay;
    this.targetStapleFoodGramsPerDay = b.targetStapleFoodGramsPerDay;
    this.psychologicalAdjustment = b.psychologicalAdjustment;
    this.compliance = b.compliance;
    this.ancillaryTests = b.ancillaryTests;
    this.fastingGlucose = b.fastingGlucose;
    this.glucoseSpecimen = b.glucoseSpecimen;
    this.hba1c = b.hba1c;
    this.hba1cTestDate = b.hba1cTestDate;
    this.medicationAdherence = b.medicationAdherence;
    this.adverseReaction = b.adverseReaction;
    this.adverseReactionDescription = b.adverseReactionDescription;
    this.adverseReactionHardToControl = b.adverseReactionHardToControl;
    this.newOrWorseComplication = b.newOrWorseComplication;
    this.complicationDescription = b.complicationDescription;
    this.hypoglycaemia = b.hypoglycaemia;
    this.medications = copy(b.medications);
    this.medicationAdjustments = copy(b.medicationAdjustments);
    this.referral = b.referral;
    this.previousReferralOutcome = b.previousReferralOutcome;
    this.reportedDangerSigns = copy(b.reportedDangerSigns);
    this.pregnantOrBreastfeeding = b.pregnantOrBreastfeeding;
    this.annualCheck = b.annualCheck;
    this.classificationOverride = b.classificationOverride;
    this.overrideReason = b.overrideReason;
    this.nextVisitDate = b.nextVisitDate;
    this.remarks = b.remarks;
    this.recordedAt = b.recordedAt;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this form's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the client-generated id (UUIDv7); {@code record} and {@code amend} make one when it is
   * not set, or null.
   */
  @Nullable
  public UUID id() {
    return id;
  }

  /** Returns which form this is (required), or null. */
  @Nullable
  public Disease disease() {
    return disease;
  }

  /**
   * Returns groups the two forms of a patient with both diseases seen at one encounter, or null.
   */
  @Nullable
  public UUID encounterId() {
    return encounterId;
  }

  /** Returns 随访日期 (China date), not in the future (required), or null. */
  @Nullable
  public LocalDate visitDate() {
    return visitDate;
  }

  /** Returns 随访方式; a PHONE visit carries no measurements (required), or null. */
  @Nullable
  public VisitMode mode() {
    return mode;
  }

  /** Returns the 症状 codes; empty if none were given (unmodifiable). */
  public List<String> symptoms() {
    return symptoms == null
        ? Collections.<String>emptyList()
        : Collections.unmodifiableList(symptoms);
  }

  /** Returns 其他 symptoms, free text (at most 200 characters), or null. */
  @Nullable
  public String otherSymptoms() {
    return otherSymptoms;
  }

  /** Returns systolic blood pressure, mmHg, or null. */
  @Nullable
  public Integer systolic() {
    return systolic;
  }

  /** Returns diastolic blood pressure, mmHg, or null. */
  @Nullable
  public Integer diastolic() {
    return diastolic;
  }

  /** Returns beats/min, or null. */
  @Nullable
  public Integer heartRate() {
    return heartRate;
  }

  /** Returns body temperature, ℃, or null. */
  @Nullable
  public BigDecimal temperature() {
    return temperature;
  }

  /** Returns weight, kg, or null. */
  @Nullable
  public BigDecimal weightKg() {
    return weightKg;
  }

  /** Returns target weight, kg (10-400), or null. */
  @Nullable
  public BigDecimal targetWeightKg() {
    return targetWeightKg;
  }

  /**
   * Returns kg/m² (5-99); computed from the weight and the patient's height when absent, or null.
   */
  @Nullable
  public BigDecimal bmi() {
    return bmi;
  }

  /** Returns target kg/m² (5-99); computed from the target weight when absent, or null. */
  @Nullable
  public BigDecimal targetBmi() {
    return targetBmi;
  }

  /** Returns other signs, free text (at most 200 characters), or null. */
  @Nullable
  public String otherSigns() {
    return otherSigns;
  }

  /** Returns 足背动脉搏动 (diabetes); a side is required with WEAKENED or ABSENT, or null. */
  @Nullable
  public DorsalisPedis dorsalisPedis() {
    return dorsalisPedis;
  }

  /** Returns the side of a weakened or absent pulse, or null. */
  @Nullable
  public BodySide dorsalisPedisSide() {
    return dorsalisPedisSide;
  }

  /** Returns cigarettes per day (0-200), or null. */
  @Nullable
  public Integer smokingPerDay() {
    return smokingPerDay;
  }

  /** Returns target cigarettes per day (0-200), or null. */
  @Nullable
  public Integer targetSmokingPerDay() {
    return targetSmokingPerDay;
  }

  /** Returns 两 of baijiu equivalent per day (0-100), or null. */
  @Nullable
  public BigDecimal drinkingLiangPerDay() {
    return drinkingLiangPerDay;
  }

  /** Returns target 两 per day (0-100), or null. */
  @Nullable
  public BigDecimal targetDrinkingLiangPerDay() {
    return targetDrinkingLiangPerDay;
  }

  /** Returns exercise sessions per week (0-50), or null. */
  @Nullable
  public Integer exerciseTimesPerWeek() {
    return exerciseTimesPerWeek;
  }

  /** Returns minutes per session (0-600), or null. */
  @Nullable
  public Integer exerciseMinutesPerTime() {
    return exerciseMinutesPerTime;
  }

  /** Returns target sessions per week (0-50), or null. */
  @Nullable
  public Integer targetExerciseTimesPerWeek() {
    return targetExerciseTimesPerWeek;
  }

  /** Returns target minutes per session (0-600), or null. */
  @Nullable
  public Integer targetExerciseMinutesPerTime() {
    return targetExerciseMinutesPerTime;
  }

  /** Returns salt intake (hypertension form only), or null. */
  @Nullable
  public SaltIntake saltIntake() {
    return saltIntake;
  }

  /** Returns target salt intake (hypertension form only), or null. */
  @Nullable
  public SaltIntake targetSaltIntake() {
    return targetSaltIntake;
  }

  /** Returns 主食 g/day (diabetes form only, 0-5000), or null. */
  @Nullable
  public Integer stapleFoodGramsPerDay() {
    return stapleFoodGramsPerDay;
  }

  /** Returns target 主食 g/day (diabetes form only, 0-5000), or null. */
  @Nullable
  public Integer targetStapleFoodGramsPerDay() {
    return targetStapleFoodGramsPerDay;
  }

  /** Returns 心理调整, or null. */
  @Nullable
  public Rating psychologicalAdjustment() {
    return psychologicalAdjustment;
  }

  /** Returns 遵医行为, or null. */
  @Nullable
  public Rating compliance() {
    return compliance;
  }

  /** Returns 辅助检查, free text (at most 1000 characters), or null. */
  @Nullable
  public String ancillaryTests() {
    return ancillaryTests;
  }

  /** Returns 空腹血糖 mmol/L (diabetes form), with {@code glucoseSpecimen}, or null. */
  @Nullable
  public BigDecimal fastingGlucose() {
    return fastingGlucose;
  }

  /** Returns the specimen of the glucose value (diabetes form), or null. */
  @Nullable
  public GlucoseSpecimen glucoseSpecimen() {
    return glucoseSpecimen;
  }

  /** Returns 糖化血红蛋白 % (2-25, diabetes form), with {@code hba1cTestDate}, or null. */
  @Nullable
  public BigDecimal hba1c() {
    return hba1c;
  }

  /** Returns the date of the HbA1c test; not after the visit, or null. */
  @Nullable
  public LocalDate hba1cTestDate() {
    return hba1cTestDate;
  }

  /** Returns 服药依从性, or null. */
  @Nullable
  public MedicationAdherence medicationAdherence() {
    return medicationAdherence;
  }

  /** Returns 药物不良反应 有; needs {@code adverseReactionDescription}, or null. */
  @Nullable
  public Boolean adverseReaction() {
    return adverseReaction;
  }

  /** Returns the drug and the reaction (at most 200 characters), or null. */
  @Nullable
  public String adverseReactionDescription() {
    return adverseReactionDescription;
  }

  /** Returns the reaction persists and is hard to control, or null. */
  @Nullable
  public Boolean adverseReactionHardToControl() {
    return adverseReactionHardToControl;
  }

  /** Returns a new complication or a worse existing one, or null. */
  @Nullable
  public Boolean newOrWorseComplication() {
    return newOrWorseComplication;
  }

  /** Returns the complication (at most 200 characters), or null. */
  @Nullable
  public String complicationDescription() {
    return complicationDescription;
  }

  /** Returns 低血糖反应 (diabetes form), or null. */
  @Nullable
  public Hypoglycaemia hypoglycaemia() {
    return hypoglycaemia;
  }

  /** Returns 用药情况, or null if not given (unmodifiable). */
  @Nullable
  public List<Medication> medications() {
    return medications == null ? null : Collections.unmodifiableList(medications);
  }

  /** Returns 用药调整意见, or null if not given (unmodifiable). */
  @Nullable
  public List<Medication> medicationAdjustments() {
    return medicationAdjustments == null
        ? null
        : Collections.unmodifiableList(medicationAdjustments);
  }

  /** Returns 转诊 made at this visit, or null. */
  @Nullable
  public Referral referral() {
    return referral;
  }

  /** Returns 转诊结果 of the referral made at an earlier visit, or null. */
  @Nullable
  public ReferralOutcome previousReferralOutcome() {
    return previousReferralOutcome;
  }

  /**
   * Returns the danger signs ticked by the doctor (the disease's list); measured signs are found by
   * the rules, or null if not given (unmodifiable).
   */
  @Nullable
  public List<DangerSign> reportedDangerSigns() {
    return reportedDangerSigns == null ? null : Collections.unmodifiableList(reportedDangerSigns);
  }

  /** Returns 妊娠期或哺乳期 at this visit, or null. */
  @Nullable
  public Boolean pregnantOrBreastfeeding() {
    return pregnantOrBreastfeeding;
  }

  /** Returns this visit also serves as the annual health check, or null. */
  @Nullable
  public Boolean annualCheck() {
    return annualCheck;
  }

  /**
   * Returns the doctor's classification, if it differs from the rules'; requires {@code
   * overrideReason}, or null.
   */
  @Nullable
  public Classification classificationOverride() {
    return classificationOverride;
  }

  /** Returns why the classification was overridden (at most 200 characters), or null. */
  @Nullable
  public String overrideReason() {
    return overrideReason;
  }

  /** Returns 下次随访日期, after the visit date; the assessment's due date when absent, or null. */
  @Nullable
  public LocalDate nextVisitDate() {
    return nextVisitDate;
  }

  /** Returns remarks (at most 500 characters), or null. */
  @Nullable
  public String remarks() {
    return remarks;
  }

  /**
   * Returns the device time the form was saved; {@code record} sets it when it is not set, or null.
   */
  @Nullable
  public Instant recordedAt() {
    return recordedAt;
  }

  private List<Object> values() {
    return Arrays.<Object>asList(
        id,
        disease,
        encounterId,
        visitDate,
        mode,
        symptoms,
        otherSymptoms,
        systolic,
        diastolic,
        heartRate,
        temperature,
        weightKg,
        targetWeightKg,
        bmi,
        targetBmi,
        otherSigns,
        dorsalisPedis,
        dorsalisPedisSide,
        smokingPerDay,
        targetSmokingPerDay,
        drinkingLiangPerDay,
        targetDrinkingLiangPerDay,
        exerciseTimesPerWeek,
        exerciseMinutesPerTime,
        targetExerciseTimesPerWeek,
        targetExerciseMinutesPerTime,
        saltIntake,
        targetSaltIntake,
        stapleFoodGramsPerDay,
        targetStapleFoodGramsPerDay,
        psychologicalAdjustment,
        compliance,
        ancillaryTests,
        fastingGlucose,
        glucoseSpecimen,
        hba1c,
        hba1cTestDate,
        medicationAdherence,
        adverseReaction,
        adverseReactionDescription,
        adverseReactionHardToControl,
        newOrWorseComplication,
        complicationDescription,
        hypoglycaemia,
        medications,
        medicationAdjustments,
        referral,
        previousReferralOutcome,
        reportedDangerSigns,
        pregnantOrBreastfeeding,
        annualCheck,
        classificationOverride,
        overrideReason,
        nextVisitDate,
        remarks,
        recordedAt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VisitForm)) {
      return false;
    }
    return values().equals(((VisitForm) o).values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("VisitForm{");
    List<Object> values = values();
    String[] names = NAMES;
    String separator = "";
    for (int i = 0; i < names.length; i++) {
      if (values.get(i) != null) {
        s.append(separator).append(names[i]).append('=').append(values.get(i));
        separator = ", ";
      }
    }
    return s.append('}').toString();
  }

  private static final String[] NAMES = {
    "id",
    "disease",
    "encounterId",
    "visitDate",
    "mode",
    "symptoms",
    "otherSymptoms",
    "systolic",
    "diastolic",
    "heartRate",
    "temperature",
    "weightKg",
    "targetWeightKg",
    "bmi",
    "targetBmi",
    "otherSigns",
    "dorsalisPedis",
    "dorsalisPedisSide",
    "smokingPerDay",
    "targetSmokingPerDay",
    "drinkingLiangPerDay",
    "targetDrinkingLiangPerDay",
    "exerciseTimesPerWeek",
    "exerciseMinutesPerTime",
    "targetExerciseTimesPerWeek",
    "targetExerciseMinutesPerTime",
    "saltIntake",
    "targetSaltIntake",
    "stapleFoodGramsPerDay",
    "targetStapleFoodGramsPerDay",
    "psychologicalAdjustment",
    "compliance",
    "ancillaryTests",
    "fastingGlucose",
    "glucoseSpecimen",
    "hba1c",
    "hba1cTestDate",
    "medicationAdherence",
    "adverseReaction",
    "adverseReactionDescription",
    "adverseReactionHardToControl",
    "newOrWorseComplication",
    "complicationDescription",
    "hypoglycaemia",
    "medications",
    "medicationAdjustments",
    "referral",
    "previousReferralOutcome",
    "reportedDangerSigns",
    "pregnantOrBreastfeeding",
    "annualCheck",
    "classificationOverride",
    "overrideReason",
    "nextVisitDate",
    "remarks",
    "recordedAt"
  };

  @Nullable
  private static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Builds a {@link VisitForm}; every setter accepts null to clear a value. Not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private Disease disease;
    @Nullable private UUID encounterId;
    @Nullable private LocalDate visitDate;
    @Nullable private VisitMode mode;
    @Nullable private List<String> symptoms;
    @Nullable private String otherSymptoms;
    @Nullable private Integer systolic;
    @Nullable private Integer diastolic;
    @Nullable private Integer heartRate;
    @Nullable private BigDecimal temperature;
    @Nullable private BigDecimal weightKg;
    @Nullable private BigDecimal targetWeightKg;
    @Nullable private BigDecimal bmi;
    @Nullable private BigDecimal targetBmi;
    @Nullable private String otherSigns;
    @Nullable private DorsalisPedis dorsalisPedis;
    @Nullable private BodySide dorsalisPedisSide;
    @Nullable private Integer smokingPerDay;
    @Nullable private Integer targetSmokingPerDay;
    @Nullable private BigDecimal drinkingLiangPerDay;
    @Nullable private BigDecimal targetDrinkingLiangPerDay;
    @Nullable private Integer exerciseTimesPerWeek;
    @Nullable private Integer exerciseMinutesPerTime;
    @Nullable private Integer targetExerciseTimesPerWeek;
    @Nullable private Integer targetExerciseMinutesPerTime;
    @Nullable private SaltIntake saltIntake;
    @Nullable private SaltIntake targetSaltIntake;
    @Nullable private Integer stapleFoodGramsPerDay;
    @Nullable private Integer targetStapleFoodGramsPerDay;
    @Nullable private Rating psychologicalAdjustment;
    @Nullable private Rating compliance;
    @Nullable private String ancillaryTests;
    @Nullable private BigDecimal fastingGlucose;
    @Nullable private GlucoseSpecimen glucoseSpecimen;
    @Nullable private BigDecimal hba1c;
    @Nullable private LocalDate hba1cTestDate;
    @Nullable private MedicationAdherence medicationAdherence;
    @Nullable private Boolean adverseReaction;
    @Nullable private String adverseReactionDescription;
    @Nullable private Boolean adverseReactionHardToControl;
    @Nullable private Boolean newOrWorseComplication;
    @Nullable private String complicationDescription;
    @Nullable private Hypoglycaemia hypoglycaemia;
    @Nullable private List<Medication> medications;
    @Nullable private List<Medication> medicationAdjustments;
    @Nullable private Referral referral;
    @Nullable private ReferralOutcome previousReferralOutcome;
    @Nullable private List<DangerSign> reportedDangerSigns;
    @Nullable private Boolean pregnantOrBreastfeeding;
    @Nullable private Boolean annualCheck;
    @Nullable private Classification classificationOverride;
    @Nullable private String overrideReason;
    @Nullable private LocalDate nextVisitDate;
    @Nullable private String remarks;
    @Nullable private Instant recordedAt;

    private Builder() {}

    private Builder(VisitForm f) {
      id = f.id;
      disease = f.disease;
      encounterId = f.encounterId;
      visitDate = f.visitDate;
      mode = f.mode;
      symptoms = f.symptoms;
      otherSymptoms = f.otherSymptoms;
      systolic = f.systolic;
      diastolic = f.diastolic;
      heartRate = f.heartRate;
      temperature = f.temperature;
      weightKg = f.weightKg;
      targetWeightKg = f.targetWeightKg;
      bmi = f.bmi;
      targetBmi = f.targetBmi;
      otherSigns = f.otherSigns;
      dorsalisPedis = f.dorsalisPedis;
      dorsalisPedisSide = f.dorsalisPedisSide;
      smokingPerDay = f.smokingPerDay;
      targetSmokingPerDay = f.targetSmokingPerDay;
      drinkingLiangPerDay = f.drinkingLiangPerDay;
      targetDrinkingLiangPerDay = f.targetDrinkingLiangPerDay;
      exerciseTimesPerWeek = f.exerciseTimesPerWeek;
      exerciseMinutesPerTime = f.exerciseMinutesPerTime;
      targetExerciseTimesPerWeek = f.targetExerciseTimesPerWeek;
      targetExerciseMinutesPerTime = f.targetExerciseMinutesPerTime;
      saltIntake = f.saltIntake;
      targetSaltIntake = f.targetSaltIntake;
      stapleFoodGramsPerDay = f.stapleFoodGramsPerDay;
      targetStapleFoodGramsPerDay = f.targetStapleFoodGramsPerDay;
      psychologicalAdjustment = f.psychologicalAdjustment;
      compliance = f.compliance;
      ancillaryTests = f.ancillaryTests;
      fastingGlucose = f.fastingGlucose;
      glucoseSpecimen = f.glucoseSpecimen;
      hba1c = f.hba1c;
      hba1cTestDate = f.hba1cTestDate;
      medicationAdherence = f.medicationAdherence;
      adverseReaction = f.adverseReaction;
      adverseReactionDescription = f.adverseReactionDescription;
      adverseReactionHardToControl = f.adverseReactionHardToControl;
      newOrWorseComplication = f.newOrWorseComplication;
      complicationDescription = f.complicationDescription;
      hypoglycaemia = f.hypoglycaemia;
      medications = f.medications;
      medicationAdjustments = f.medicationAdjustments;
      referral = f.referral;
      previousReferralOutcome = f.previousReferralOutcome;
      reportedDangerSigns = f.reportedDangerSigns;
      pregnantOrBreastfeeding = f.pregnantOrBreastfeeding;
      annualCheck = f.annualCheck;
      classificationOverride = f.classificationOverride;
      overrideReason = f.overrideReason;
      nextVisitDate = f.nextVisitDate;
      remarks = f.remarks;
      recordedAt = f.recordedAt;
    }

    /**
     * Sets the client-generated id (UUIDv7); {@code record} and {@code amend} make one when it is
     * not set.
     */
    public Builder id(@Nullable UUID id) {
      this.id = id;
      return this;
    }

    /** Sets which form this is (required). */
    public Builder disease(@Nullable Disease disease) {
      this.disease = disease;
      return this;
    }

    /** Sets groups the two forms of a patient with both diseases seen at one encounter. */
    public Builder encounterId(@Nullable UUID encounterId) {
      this.encounterId = encounterId;
      return this;
    }

    /** Sets 随访日期 (China date), not in the future (required). */
    public Builder visitDate(@Nullable LocalDate visitDate) {
      this.visitDate = visitDate;
      return this;
    }

    /** Sets 随访方式; a PHONE visit carries no measurements (required). */
    public Builder mode(@Nullable VisitMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * Sets 症状: names of the disease's symptom list ({@code HypertensionSymptom} or {@code
     * DiabetesSymptom}); NONE is exclusive (at least one) (copied).
     */
    public Builder symptoms(@Nullable List<String> symptoms) {
      this.symptoms = symptoms == null ? null : new ArrayList<>(symptoms);
      return this;
    }

    /** Sets the 症状 codes by name. */
    public Builder symptoms(String... symptoms) {
      return symptoms(Arrays.asList(symptoms));
    }

    /** Sets the hypertension form's 症状. */
    public Builder symptoms(HypertensionSymptom... symptoms) {
      List<String> names = new ArrayList<>();
      for (HypertensionSymptom s : symptoms) {
        names.add(s.name());
      }
      return symptoms(names);
    }

    /** Sets the diabetes form's 症状. */
    public Builder symptoms(DiabetesSymptom... symptoms) {
      List<String> names = new ArrayList<>();
      for (DiabetesSymptom s : symptoms) {
        names.add(s.name());
      }
      return symptoms(names);
    }

    /** Sets 其他 symptoms, free text (at most 200 characters). */
    public Builder otherSymptoms(@Nullable String otherSymptoms) {
      this.otherSymptoms = otherSymptoms;
      return this;
    }

    /** Sets systolic blood pressure, mmHg. */
    public Builder systolic(@Nullable Integer systolic) {
      this.systolic = systolic;
      return this;
    }

    /** Sets diastolic blood pressure, mmHg. */
    public Builder diastolic(@Nullable Integer diastolic) {
      this.diastolic = diastolic;
      return this;
    }

    /** Sets beats/min. */
    public Builder heartRate(@Nullable Integer heartRate) {
      this.heartRate = heartRate;
      return this;
    }

    /** Sets body temperature, ℃. */
    public Builder temperature(@Nullable BigDecimal temperature) {
      this.temperature = temperature;
      return this;
    }

    /** Sets weight, kg. */
    public Builder weightKg(@Nullable BigDecimal weightKg) {
      this.weightKg = weightKg;
      return this;
    }

    /** Sets target weight, kg (10-400). */
    public Builder targetWeightKg(@Nullable BigDecimal targetWeightKg) {
      this.targetWeightKg = targetWeightKg;
      return this;
    }

    /** Sets kg/m² (5-99); computed from the weight and the patient's height when absent. */
    public Builder bmi(@Nullable BigDecimal bmi) {
      this.bmi = bmi;
      return this;
    }

    /** Sets target kg/m² (5-99); computed from the target weight when absent. */
    public Builder targetBmi(@Nullable BigDecimal targetBmi) {
      this.targetBmi = targetBmi;
      return this;
    }

    /** Sets other signs, free text (at most 200 characters). */
    public Builder otherSigns(@Nullable String otherSigns) {
      this.otherSigns = otherSigns;
      return this;
    }

    /** Sets 足背动脉搏动 (diabetes); a side is required with WEAKENED or ABSENT. */
    public Builder dorsalisPedis(@Nullable DorsalisPedis dorsalisPedis) {
      this.dorsalisPedis = dorsalisPedis;
      return this;
    }

    /** Sets the side of a weakened or absent pulse. */
    public Builder dorsalisPedisSide(@Nullable BodySide dorsalisPedisSide) {
      this.dorsalisPedisSide = dorsalisPedisSide;
      return this;
    }

    /** Sets cigarettes per day (0-200). */
    public Builder smokingPerDay(@Nullable Integer smokingPerDay) {
      this.smokingPerDay = smokingPerDay;
      return this;
    }

    /** Sets target cigarettes per day (0-200). */
    public Builder targetSmokingPerDay(@Nullable Integer targetSmokingPerDay) {
      this.targetSmokingPerDay = targetSmokingPerDay;
      return this;
    }

    /** Sets 两 of baijiu equivalent per day (0-100). */
    public Builder drinkingLiangPerDay(@Nullable BigDecimal drinkingLiangPerDay) {
      this.drinkingLiangPerDay = drinkingLiangPerDay;
      return this;
    }

    /** Sets target 两 per day (0-100). */
    public Builder targetDrinkingLiangPerDay(@Nullable BigDecimal targetDrinkingLiangPerDay) {
      this.targetDrinkingLiangPerDay = targetDrinkingLiangPerDay;
      return this;
    }

    /** Sets exercise sessions per week (0-50). */
    public Builder exerciseTimesPerWeek(@Nullable Integer exerciseTimesPerWeek) {
      this.exerciseTimesPerWeek = exerciseTimesPerWeek;
      return this;
    }

    /** Sets minutes per session (0-600). */
    public Builder exerciseMinutesPerTime(@Nullable Integer exerciseMinutesPerTime) {
      this.exerciseMinutesPerTime = exerciseMinutesPerTime;
      return this;
    }

    /** Sets target sessions per week (0-50). */
    public Builder targetExerciseTimesPerWeek(@Nullable Integer targetExerciseTimesPerWeek) {
      this.targetExerciseTimesPerWeek = targetExerciseTimesPerWeek;
      return this;
    }

    /** Sets target minutes per session (0-600). */
    public Builder targetExerciseMinutesPerTime(@Nullable Integer targetExerciseMinutesPerTime) {
      this.targetExerciseMinutesPerTime = targetExerciseMinutesPerTime;
      return this;
    }

    /** Sets salt intake (hypertension form only). */
    public Builder saltIntake(@Nullable SaltIntake saltIntake) {
      this.saltIntake = saltIntake;
      return this;
    }

    /** Sets target salt intake (hypertension form only). */
    public Builder targetSaltIntake(@Nullable SaltIntake targetSaltIntake) {
      this.targetSaltIntake = targetSaltIntake;
      return this;
    }

    /** Sets 主食 g/day (diabetes form only, 0-5000). */
    public Builder stapleFoodGramsPerDay(@Nullable Integer stapleFoodGramsPerDay) {
      this.stapleFoodGramsPerDay = stapleFoodGramsPerDay;
      return this;
    }

    /** Sets target 主食 g/day (diabetes form only, 0-5000). */
    public Builder targetStapleFoodGramsPerDay(@Nullable Integer targetStapleFoodGramsPerDay) {
      this.targetStapleFoodGramsPerDay = targetStapleFoodGramsPerDay;
      return this;
    }

    /** Sets 心理调整. */
    public Builder psychologicalAdjustment(@Nullable Rating psychologicalAdjustment) {
      this.psychologicalAdjustment = psychologicalAdjustment;
      return this;
    }

    /** Sets 遵医行为. */
    public Builder compliance(@Nullable Rating compliance) {
      this.compliance = compliance;
      return this;
    }

    /** Sets 辅助检查, free text (at most 1000 characters). */
    public Builder ancillaryTests(@Nullable String ancillaryTests) {
      this.ancillaryTests = ancillaryTests;
      return this;
    }

    /** Sets 空腹血糖 mmol/L (diabetes form), with {@code glucoseSpecimen}. */
    public Builder fastingGlucose(@Nullable BigDecimal fastingGlucose) {
      this.fastingGlucose = fastingGlucose;
      return this;
    }

    /** Sets the specimen of the glucose value (diabetes form). */
    public Builder glucoseSpecimen(@Nullable GlucoseSpecimen glucoseSpecimen) {
      this.glucoseSpecimen = glucoseSpecimen;
      return this;
    }

    /** Sets 糖化血红蛋白 % (2-25, diabetes form), with {@code hba1cTestDate}. */
    public Builder hba1c(@Nullable BigDecimal hba1c) {
      this.hba1c = hba1c;
      return this;
    }

    /** Sets the date of the HbA1c test; not after the visit. */
    public Builder hba1cTestDate(@Nullable LocalDate hba1cTestDate) {
      this.hba1cTestDate = hba1cTestDate;
      return this;
    }

    /** Sets 服药依从性. */
    public Builder medicationAdherence(@Nullable MedicationAdherence medicationAdherence) {
      this.medicationAdherence = medicationAdherence;
      return this;
    }

    /** Sets 药物不良反应 有; needs {@code adverseReactionDescription}. */
    public Builder adverseReaction(@Nullable Boolean adverseReaction) {
      this.adverseReaction = adverseReaction;
      return this;
    }

    /** Sets the drug and the reaction (at most 200 characters). */
    public Builder adverseReactionDescription(@Nullable String adverseReactionDescription) {
      this.adverseReactionDescription = adverseReactionDescription;
      return this;
    }

    /** Sets the reaction persists and is hard to control. */
    public Builder adverseReactionHardToControl(@Nullable Boolean adverseReactionHardToControl) {
      this.adverseReactionHardToControl = adverseReactionHardToControl;
      return this;
    }

    /** Sets a new complication or a worse existing one. */
    public Builder newOrWorseComplication(@Nullable Boolean newOrWorseComplication) {
      this.newOrWorseComplication = newOrWorseComplication;
      return this;
    }

    /** Sets the complication (at most 200 characters). */
    public Builder complicationDescription(@Nullable String complicationDescription) {
      this.complicationDescription = complicationDescription;
      return this;
    }

    /** Sets 低血糖反应 (diabetes form). */
    public Builder hypoglycaemia(@Nullable Hypoglycaemia hypoglycaemia) {
      this.hypoglycaemia = hypoglycaemia;
      return this;
    }

    /** Sets 用药情况 (at most 20 rows) (copied). */
    public Builder medications(@Nullable List<Medication> medications) {
      this.medications = medications == null ? null : new ArrayList<>(medications);
      return this;
    }

    /** Sets 用药情况 (at most 20 rows). */
    public Builder medications(Medication... rows) {
      return medications(Arrays.asList(rows));
    }

    /** Sets 用药调整意见 (at most 20 rows) (copied). */
    public Builder medicationAdjustments(@Nullable List<Medication> medicationAdjustments) {
      this.medicationAdjustments =
          medicationAdjustments == null ? null : new ArrayList<>(medicationAdjustments);
      return this;
    }

    /** Sets 用药调整意见 (at most 20 rows). */
    public Builder medicationAdjustments(Medication... rows) {
      return medicationAdjustments(Arrays.asList(rows));
    }

    /** Sets 转诊 made at this visit. */
    public Builder referral(@Nullable Referral referral) {
      this.referral = referral;
      return this;
    }

    /** Sets 转诊结果 of the referral made at an earlier visit. */
    public Builder previousReferralOutcome(@Nullable ReferralOutcome previousReferralOutcome) {
      this.previousReferralOutcome = previousReferralOutcome;
      return this;
    }

    /**
     * Sets the danger signs ticked by the doctor (the disease's list); measured signs are found by
     * the rules (copied).
     */
    public Builder reportedDangerSigns(@Nullable List<DangerSign> reportedDangerSigns) {
      this.reportedDangerSigns =
          reportedDangerSigns == null ? null : new ArrayList<>(reportedDangerSigns);
      return this;
    }

    /** Sets the danger signs ticked by the doctor. */
    public Builder reportedDangerSigns(DangerSign... signs) {
      return reportedDangerSigns(Arrays.asList(signs));
    }

    /** Sets 妊娠期或哺乳期 at this visit. */
    public Builder pregnantOrBreastfeeding(@Nullable Boolean pregnantOrBreastfeeding) {
      this.pregnantOrBreastfeeding = pregnantOrBreastfeeding;
      return this;
    }

    /** Sets this visit also serves as the annual health check. */
    public Builder annualCheck(@Nullable Boolean annualCheck) {
      this.annualCheck = annualCheck;
      return this;
    }

    /**
     * Sets the doctor's classification, if it differs from the rules'; requires {@code
     * overrideReason}.
     */
    public Builder classificationOverride(@Nullable Classification classificationOverride) {
      this.classificationOverride = classificationOverride;
      return this;
    }

    /** Sets why the classification was overridden (at most 200 characters). */
    public Builder overrideReason(@Nullable String overrideReason) {
      this.overrideReason = overrideReason;
      return this;
    }

    /** Sets 下次随访日期, after the visit date; the assessment's due date when absent. */
    public Builder nextVisitDate(@Nullable LocalDate nextVisitDate) {
      this.nextVisitDate = nextVisitDate;
      return this;
    }

    /** Sets remarks (at most 500 characters). */
    public Builder remarks(@Nullable String remarks) {
      this.remarks = remarks;
      return this;
    }

    /** Sets the device time the form was saved; {@code record} sets it when it is not set. */
    public Builder recordedAt(@Nullable Instant recordedAt) {
      this.recordedAt = recordedAt;
      return this;
    }

    /** Sets both blood pressure values. */
    public Builder bloodPressure(int systolic, int diastolic) {
      this.systolic = systolic;
      this.diastolic = diastolic;
      return this;
    }

    /** Returns the form; never throws (the form is checked when it is recorded). */
    public VisitForm build() {
      return new VisitForm(this);
    }
  }
}
