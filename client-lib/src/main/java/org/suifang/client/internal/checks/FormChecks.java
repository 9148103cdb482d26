package org.suifang.client.internal.checks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.suifang.client.DorsalisPedis;
import org.suifang.client.FieldError;
import org.suifang.client.Medication;
import org.suifang.client.Referral;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.VisitForm;
import org.suifang.rules.DangerSign;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.Issue;
import org.suifang.rules.PatientContext;
import org.suifang.rules.RuleSet;
import org.suifang.rules.ValidationResult;
import org.suifang.rules.VisitInput;
import org.suifang.rules.VisitMode;
import org.suifang.rules.VisitValidator;

/**
 * The server's checks of a follow-up form: the {@code FollowUpCommand} constraints, the form checks
 * of {@code FollowUpService} (codes belong to the disease's form, fields belong on the form,
 * dependent fields come together) and the rule library's {@link VisitValidator}. Field paths carry
 * {@code prefix} ({@code "followUp."} on an amendment), as the server's do.
 */
public final class FormChecks {
  private static final List<String> NOT_ON_HYPERTENSION_FORM =
      Collections.unmodifiableList(
          java.util.Arrays.asList(
              "dorsalisPedis",
              "dorsalisPedisSide",
              "stapleFoodGramsPerDay",
              "targetStapleFoodGramsPerDay",
              "fastingGlucose",
              "glucoseSpecimen",
              "hba1c",
              "hba1cTestDate",
              "hypoglycaemia"));
  private static final List<String> NOT_ON_DIABETES_FORM =
      Collections.unmodifiableList(java.util.Arrays.asList("saltIntake", "targetSaltIntake"));

  private FormChecks() {}

  /** A form that passed: what the rules need, and the soft warnings to store with it. */
  public static final class Checked {
    public final PatientContext context;
    public final VisitInput input;
    public final List<FieldError> warnings;

    Checked(PatientContext context, VisitInput input, List<FieldError> warnings) {
      this.context = context;
      this.input = input;
      this.warnings = warnings;
    }
  }

  /**
   * Checks {@code c} for a patient with the given context facts; throws with every error found, as
   * the server answers {@code VALIDATION_FAILED}.
   *
   * @param hasHypertension whether the patient is managed for hypertension
   * @param hasDiabetes whether the patient is managed for diabetes
   */
  public static Checked check(
      VisitForm c,
      LocalDate birthDate,
      org.suifang.rules.Sex sex,
      boolean hasHypertension,
      boolean hasDiabetes,
      RuleSet ruleSet,
      LocalDate today,
      String prefix)
      throws SuifangValidationException {
    Errors bean = new Errors(prefix);
    constraints(c, bean);
    bean.throwIfAny();
    Disease disease = c.disease();
    LocalDate visitDate = c.visitDate();
    VisitMode mode = c.mode();
    if (disease == null || visitDate == null || mode == null) {
      throw new IllegalStateException("constraints let a required field through");
    }

    Errors errors = new Errors(prefix);
    boolean managed = disease == Disease.HYPERTENSION ? hasHypertension : hasDiabetes;
    if (!managed) {
      errors.add(
          "disease",
          "NOT_A_CONDITION",
          "该患者未登记此疾病，请先在患者资料中添加。",
          "The patient is not managed for this disease; add the condition to the patient first.");
    }
    Set<HypertensionSymptom> htn = EnumSet.noneOf(HypertensionSymptom.class);
    Set<DiabetesSymptom> dm = EnumSet.noneOf(DiabetesSymptom.class);
    List<String> symptoms = c.symptoms();
    for (int i = 0; i < symptoms.size(); i++) {
      String code = symptoms.get(i) == null ? "" : symptoms.get(i).trim();
      try {
        if (disease == Disease.HYPERTENSION) {
          htn.add(HypertensionSymptom.valueOf(code));
        } else {
          dm.add(DiabetesSymptom.valueOf(code));
        }
      } catch (IllegalArgumentException e) {
        errors.add(
            "symptoms[" + i + "]",
            "UNKNOWN_CODE",
            "“" + code + "”不是本随访表的选项。",
            "\"" + code + "\" is not an option of this form.");
      }
    }
    Set<DangerSign> reported = EnumSet.noneOf(DangerSign.class);
    List<DangerSign> signs = c.reportedDangerSigns();
    if (signs != null) {
      for (int i = 0; i < signs.size(); i++) {
        DangerSign sign = signs.get(i);
        if (sign != null && sign.appliesTo(disease)) {
          reported.add(sign);
        } else {
          errors.add(
              "reportedDangerSigns[" + i + "]",
              "NOT_ON_LIST",
              "该危急情况不在本病的危急情况清单上。",
              "This danger sign is not on this disease's list.");
        }
      }
    }

    Map<String, Object> present = new LinkedHashMap<>();
    present.put("dorsalisPedis", c.dorsalisPedis());
    present.put("dorsalisPedisSide", c.dorsalisPedisSide());
    present.put("stapleFoodGramsPerDay", c.stapleFoodGramsPerDay());
    present.put("targetStapleFoodGramsPerDay", c.targetStapleFoodGramsPerDay());
    present.put("fastingGlucose", c.fastingGlucose());
    present.put("glucoseSpecimen", c.glucoseSpecimen());
    present.put("hba1c", c.hba1c());
    present.put("hba1cTestDate", c.hba1cTestDate());
    present.put("hypoglycaemia", c.hypoglycaemia());
    present.put("saltIntake", c.saltIntake());
    present.put("targetSaltIntake", c.targetSaltIntake());
    for (String field :
        disease == Disease.HYPERTENSION ? NOT_ON_HYPERTENSION_FORM : NOT_ON_DIABETES_FORM) {
      if (present.get(field) != null) {
        errors.add(
            field,
            "NOT_ON_FORM",
            "该项不在" + disease.labelZh() + "随访表上。",
            "This field is not on the " + disease.labelEn().toLowerCase(Locale.ROOT) + " form.");
      }
    }

    if (mode == VisitMode.PHONE) {
      if (c.dorsalisPedis() != null) {
        phoneMeasurement(errors, "dorsalisPedis");
      }
      if (c.bmi() != null) {
        phoneMeasurement(errors, "bmi");
      }
    }
    boolean sideNeeded =
        c.dorsalisPedis() == DorsalisPedis.WEAKENED || c.dorsalisPedis() == DorsalisPedis.ABSENT;
    if (sideNeeded && c.dorsalisPedisSide() == null) {
      required(
          errors,
          "dorsalisPedisSide",
          "足背动脉搏动减弱或消失时须填写侧别",
          "The side is required when the pulse is weakened or absent");
    } else if (!sideNeeded && c.dorsalisPedisSide() != null && disease == Disease.DIABETES) {
      notAllowed(
          errors,
          "dorsalisPedisSide",
          "只有减弱或消失时才填写侧别",
          "A side is given only for a weakened or absent pulse");
    }
    if (c.fastingGlucose() != null && c.glucoseSpecimen() == null && disease == Disease.DIABETES) {
      required(
          errors,
          "glucoseSpecimen",
          "请填写血糖标本类型（末梢血或血浆）",
          "The specimen type (CAPILLARY or PLASMA) is required with a glucose value");
    } else if (c.fastingGlucose() == null
        && c.glucoseSpecimen() != null
        && disease == Disease.DIABETES) {
      notAllowed(
          errors,
          "glucoseSpecimen",
          "没有血糖值时不填写标本类型",
          "A specimen type is given only with a glucose value");
    }
    if (c.hba1c() != null && c.hba1cTestDate() == null && disease == Disease.DIABETES) {
      required(errors, "hba1cTestDate", "请填写糖化血红蛋白的检查日期", "The HbA1c test date is required");
    }
    if (c.hba1cTestDate() != null && c.hba1cTestDate().isAfter(visitDate)) {
      errors.add(
          "hba1cTestDate",
          "AFTER_VISIT",
          "检查日期不能晚于随访日期。",
          "The test date cannot be after the visit date.");
    }
    if (isTrue(c.adverseReaction()) && Errors.blank(c.adverseReactionDescription())) {
      required(
          errors,
          "adverseReactionDescription",
          "有药物不良反应时请写明药物和反应",
          "Describe the drug and the reaction");
    }
    if (isTrue(c.adverseReactionHardToControl()) && !isTrue(c.adverseReaction())) {
      errors.add(
          "adverseReactionHardToControl",
          "NEEDS_ADVERSE_REACTION",
          "难以控制的不良反应须先勾选“有不良反应”。",
          "A hard-to-control reaction needs adverseReaction = true.");
    }
    if (c.classificationOverride() != null && Errors.blank(c.overrideReason())) {
      required(
          errors,
          "overrideReason",
          "修改随访分类时必须说明理由",
          "A reason is required to override the classification");
    } else if (c.classificationOverride() == null && !Errors.blank(c.overrideReason())) {
      notAllowed(
          errors,
          "overrideReason",
          "没有修改随访分类时不填写理由",
          "A reason is given only with a classification override");
    }
    if (c.nextVisitDate() != null && !c.nextVisitDate().isAfter(visitDate)) {
      errors.add(
          "nextVisitDate",
          "NOT_AFTER_VISIT",
          "下次随访日期应晚于本次随访日期。",
          "The next visit date must be after the visit date.");
    }
    medications(disease, "medications", c.medications(), errors);
    medications(disease, "medicationAdjustments", c.medicationAdjustments(), errors);

    PatientContext context =
        PatientContext.newBuilder()
            .birthDate(birthDate)
            .sex(sex)
            .hasHypertension(hasHypertension)
            .hasDiabetes(hasDiabetes)
            .pregnantOrBreastfeeding(isTrue(c.pregnantOrBreastfeeding()))
            .build();
    VisitInput.Builder input =
        VisitInput.newBuilder()
            .visitDate(visitDate)
            .mode(mode)
            .systolic(c.systolic())
            .diastolic(c.diastolic())
            .heartRate(c.heartRate())
            .temperature(toDouble(c.temperature()))
            .fastingGlucose(toDouble(c.fastingGlucose()))
            .weightKg(toDouble(c.weightKg()))
            .otherSymptoms(Errors.trimToNull(c.otherSymptoms()))
            .reportedDangerSigns(reported)
            .adverseReaction(isTrue(c.adverseReaction()))
            .adverseReactionHardToControl(isTrue(c.adverseReactionHardToControl()))
            .newOrWorseComplication(isTrue(c.newOrWorseComplication()));
    if (disease == Disease.HYPERTENSION) {
      input.hypertensionSymptoms(htn);
    } else {
      input.diabetesSymptoms(dm);
    }
    VisitInput visit = input.build();
    ValidationResult validation = VisitValidator.validate(ruleSet, disease, context, visit, today);
    for (Issue issue : validation.errors()) {
      errors.add(jsonField(issue.field()), issue.code(), issue.messageZh(), issue.messageEn());
    }
    errors.throwIfAny();
    List<FieldError> warnings = new ArrayList<>();
    for (Issue w : validation.warnings()) {
      warnings.add(new FieldError(jsonField(w.field()), w.code(), w.messageZh(), w.messageEn()));
    }
    return new Checked(context, visit, warnings);
  }

  /** Returns the violations of the {@code FollowUpCommand} constraints, with {@code prefix}. */
  public static List<FieldError> constraints(VisitForm c, String prefix) {
    Errors e = new Errors(prefix);
    constraints(c, e);
    return e.list();
  }

  /** The bean-validation constraints of {@code FollowUpCommand} and its parts. */
  private static void constraints(VisitForm c, Errors e) {
    if (c.disease() == null) {
      e.required("disease", "疾病", "The disease");
    }
    if (c.visitDate() == null) {
      e.required("visitDate", "随访日期", "The visit date");
    }
    if (c.mode() == null) {
      e.required("mode", "随访方式", "The visit mode");
    }
    if (c.symptoms().isEmpty()) {
      e.required("symptoms", "症状（无症状时选“无症状”）", "The symptoms (NONE if none)");
    }
    e.maxLength("otherSymptoms", c.otherSymptoms(), 200);
    e.maxLength("otherSigns", c.otherSigns(), 200);
    e.maxLength("ancillaryTests", c.ancillaryTests(), 1000);
    e.maxLength("adverseReactionDescription", c.adverseReactionDescription(), 200);
    e.maxLength("complicationDescription", c.complicationDescription(), 200);
    e.maxLength("overrideReason", c.overrideReason(), 200);
    e.maxLength("remarks", c.remarks(), 500);
    e.range("targetWeightKg", c.targetWeightKg(), "10", "400");
    e.range("bmi", c.bmi(), "5", "99");
    e.range("targetBmi", c.targetBmi(), "5", "99");
    e.range("smokingPerDay", c.smokingPerDay(), 0, 200);
    e.range("targetSmokingPerDay", c.targetSmokingPerDay(), 0, 200);
    e.range("drinkingLiangPerDay", c.drinkingLiangPerDay(), "0", "100");
    e.range("targetDrinkingLiangPerDay", c.targetDrinkingLiangPerDay(), "0", "100");
    e.range("exerciseTimesPerWeek", c.exerciseTimesPerWeek(), 0, 50);
    e.range("exerciseMinutesPerTime", c.exerciseMinutesPerTime(), 0, 600);
    e.range("targetExerciseTimesPerWeek", c.targetExerciseTimesPerWeek(), 0, 50);
    e.range("targetExerciseMinutesPerTime", c.targetExerciseMinutesPerTime(), 0, 600);
    e.range("stapleFoodGramsPerDay", c.stapleFoodGramsPerDay(), 0, 5000);
    e.range("targetStapleFoodGramsPerDay", c.targetStapleFoodGramsPerDay(), 0, 5000);
    e.range("hba1c", c.hba1c(), "2", "25");
    medicationConstraints("medications", c.medications(), e);
    medicationConstraints("medicationAdjustments", c.medicationAdjustments(), e);
    Referral r = c.referral();
    if (r != null) {
      if (Errors.blank(r.reason())) {
        e.required("referral.reason", "转诊原因", "The referral reason");
      }
      e.maxLength("referral.reason", r.reason(), 200);
      if (Errors.blank(r.facility())) {
        e.required("referral.facility", "转诊机构", "The receiving facility");
      }
      e.maxLength("referral.facility", r.facility(), 100);
      e.maxLength("referral.department", r.department(), 50);
      e.maxLength("referral.contact", r.contact(), 50);
      e.maxLength("referral.contactPhone", r.contactPhone(), 20);
    }
  }

  private static void medicationConstraints(
      String field, @Nullable List<Medication> rows, Errors e) {
    if (rows == null) {
      return;
    }
    if (rows.size() > 20) {
      e.outOfRange(field, "最多20行。", "At most 20 rows.");
    }
    for (int i = 0; i < rows.size(); i++) {
      Medication m = rows.get(i);
      String path = field + "[" + i + "]";
      if (m == null) {
        e.required(path, "用药行", "The row");
        continue;
      }
      if (Errors.blank(m.drugName())) {
        e.required(path + ".drugName", "药物名称", "The drug name");
      }
      e.maxLength(path + ".drugName", m.drugName(), 100);
      e.range(path + ".timesPerDay", m.timesPerDay(), 1, 24);
      BigDecimal mg = m.mgPerDose();
      if (mg != null && (mg.signum() <= 0 || mg.compareTo(new BigDecimal("100000")) > 0)) {
        e.outOfRange(
            path + ".mgPerDose",
            "每次剂量应大于0且不超过100000 mg。",
            "The dose must be above 0 and at most 100000 mg.");
      }
      e.maxLength(path + ".insulinType", m.insulinType(), 50);
      e.maxLength(path + ".insulinDosage", m.insulinDosage(), 100);
    }
  }

  private static void medications(
      Disease disease, String field, @Nullable List<Medication> rows, Errors errors) {
    if (rows == null) {
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      Medication m = rows.get(i);
      String path = field + "[" + i + "]";
      boolean insulin = !Errors.blank(m.insulinType()) || !Errors.blank(m.insulinDosage());
      if (insulin && disease != Disease.DIABETES) {
        errors.add(
            path + ".insulinType",
            "NOT_ON_FORM",
            "胰岛素只在糖尿病随访表上填写。",
            "Insulin is recorded on the diabetes form only.");
      } else if (insulin) {
        if (Errors.blank(m.insulinType())) {
          required(errors, path + ".insulinType", "请填写胰岛素种类", "The insulin type is required");
        }
        if (Errors.blank(m.insulinDosage())) {
          required(
              errors,
              path + ".insulinDosage",
              "请填写胰岛素用法和用量",
              "The insulin regimen and dose are required");
        }
      } else {
        if (m.timesPerDay() == null) {
          required(errors, path + ".timesPerDay", "请填写每日次数", "Times per day is required");
        }
        if (m.mgPerDose() == null) {
          required(errors, path + ".mgPerDose", "请填写每次剂量（mg）", "The dose (mg) is required");
        }
      }
    }
  }

  /** Maps a VisitInput property named by the rule library to the form's JSON field. */
  private static String jsonField(String visitInputField) {
    if (visitInputField.equals("hypertensionSymptoms")
        || visitInputField.equals("diabetesSymptoms")) {
      return "symptoms";
    }
    return visitInputField;
  }

  private static void phoneMeasurement(Errors errors, String field) {
    errors.add(
        field,
        Issue.PHONE_VISIT_HAS_MEASUREMENTS,
        "电话随访不能填写测量或查体结果。",
        "A telephone visit carries no measurements or examination findings.");
  }

  private static void required(Errors errors, String field, String zh, String en) {
    errors.add(field, Issue.REQUIRED, zh + "。", en + ".");
  }

  private static void notAllowed(Errors errors, String field, String zh, String en) {
    errors.add(field, "NOT_ALLOWED", zh + "。", en + ".");
  }

  @Nullable
  private static Double toDouble(@Nullable BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static boolean isTrue(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
