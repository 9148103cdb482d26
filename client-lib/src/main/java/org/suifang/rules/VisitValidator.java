package org.suifang.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Validates a visit before it is saved (domain.md §4.4), returning hard errors, which block saving,
 * and soft warnings, which the doctor confirms. Every range comes from the {@link RuleSet}.
 *
 * <p>Errors: the visit date after {@code today} ({@link Issue#FUTURE_DATE}) or before the birth
 * date ({@link Issue#BEFORE_BIRTH}); "无症状" together with another symptom or "other" text ({@link
 * Issue#NO_SYMPTOMS_WITH_OTHERS}); on a face-to-face visit, missing SBP and DBP (hypertension) or
 * FPG (diabetes) ({@link Issue#REQUIRED}); any measured value on a telephone visit ({@link
 * Issue#PHONE_VISIT_HAS_MEASUREMENTS}); a value outside its hard range ({@link
 * Issue#OUT_OF_RANGE}); SBP not above DBP ({@link Issue#SBP_NOT_ABOVE_DBP}). Warnings: a value
 * inside its hard range but outside its plausible range ({@link Issue#IMPLAUSIBLE}).
 *
 * <p>Range checks cover every value present, whichever disease is validated; the symptom check
 * covers the validated disease's symptom list.
 */
public final class VisitValidator {
  private VisitValidator() {}

  /**
   * Validates {@code visit} for {@code disease}; {@code today} is the current date in China
   * Standard Time, passed in because the rules never read a clock.
   */
  public static ValidationResult validate(
      RuleSet ruleSet, Disease disease, PatientContext patient, VisitInput visit, LocalDate today) {
    Objects.requireNonNull(ruleSet, "ruleSet == null");
    Objects.requireNonNull(disease, "disease == null");
    Objects.requireNonNull(patient, "patient == null");
    Objects.requireNonNull(visit, "visit == null");
    Objects.requireNonNull(today, "today == null");
    List<Issue> errors = new ArrayList<>();
    List<Issue> warnings = new ArrayList<>();

    LocalDate date = visit.visitDate();
    if (date.isAfter(today)) {
      errors.add(
          Issue.of(
              "visitDate",
              Issue.FUTURE_DATE,
              "随访日期 " + date + " 晚于今天 " + today,
              "The visit date " + date + " is after today, " + today));
    }
    if (date.isBefore(patient.birthDate())) {
      errors.add(
          Issue.of(
              "visitDate",
              Issue.BEFORE_BIRTH,
              "随访日期 " + date + " 早于出生日期 " + patient.birthDate(),
              "The visit date " + date + " is before the birth date " + patient.birthDate()));
    }

    boolean otherText = visit.otherSymptoms() != null && !visit.otherSymptoms().trim().isEmpty();
    if (disease == Disease.HYPERTENSION) {
      checkNoSymptoms(
          visit.hypertensionSymptoms(),
          HypertensionSymptom.NONE,
          otherText,
          "hypertensionSymptoms",
          errors);
    } else {
      checkNoSymptoms(
          visit.diabetesSymptoms(), DiabetesSymptom.NONE, otherText, "diabetesSymptoms", errors);
    }

    List<Measure> measures = measures(ruleSet, visit);
    if (!visit.mode().isFaceToFace()) {
      for (Measure m : measures) {
        if (m.value != null) {
          errors.add(
              Issue.of(
                  m.field,
                  Issue.PHONE_VISIT_HAS_MEASUREMENTS,
                  "电话随访不能记录测量值：" + m.labelZh + " " + m.formattedZh(),
                  "A phone visit cannot carry measured values: "
                      + m.labelEn
                      + " "
                      + m.formattedEn()));
        }
      }
      return ValidationResult.of(errors, warnings);
    }

    for (Measure m : measures) {
      if (m.value == null) {
        if (m.requiredFor(disease)) {
          errors.add(
              Issue.of(
                  m.field,
                  Issue.REQUIRED,
                  "面对面随访必须填写" + m.labelZh,
                  capitalise(m.labelEn) + " is required on a face-to-face visit"));
        }
        continue;
      }
      if (!m.hard.contains(m.value)) {
        errors.add(
            Issue.of(
                m.field,
                Issue.OUT_OF_RANGE,
                m.labelZh + " " + m.formattedZh() + " 超出允许范围 " + m.rangeZh(m.hard),
                capitalise(m.labelEn)
                    + " "
                    + m.formattedEn()
                    + " is outside the allowed range "
                    + m.rangeEn(m.hard)));
      } else if (!m.plausible.contains(m.value)) {
        warnings.add(
            Issue.of(
                m.field,
                Issue.IMPLAUSIBLE,
                m.labelZh + " " + m.formattedZh() + " 不在常见范围 " + m.rangeZh(m.plausible) + " 内，请核实",
                capitalise(m.labelEn)
                    + " "
                    + m.formattedEn()
                    + " is outside the plausible range "
                    + m.rangeEn(m.plausible)
                    + "; please check"));
      }
    }

    Integer sbp = visit.systolic();
    Integer dbp = visit.diastolic();
    if (sbp != null && dbp != null && sbp <= dbp) {
      errors.add(
          Issue.of(
              "systolic",
              Issue.SBP_NOT_ABOVE_DBP,
              "收缩压 " + sbp + " mmHg 应高于舒张压 " + dbp + " mmHg",
              "Systolic BP " + sbp + " mmHg must be above diastolic BP " + dbp + " mmHg"));
    }
    return ValidationResult.of(errors, warnings);
  }

  private static <E extends Enum<E>> void checkNoSymptoms(
      Set<E> symptoms, E none, boolean otherText, String field, List<Issue> errors) {
    if (symptoms.contains(none) && (symptoms.size() > 1 || otherText)) {
      errors.add(
          Issue.of(
              field,
              Issue.NO_SYMPTOMS_WITH_OTHERS,
              "选择“无症状”时不能同时选择或填写其他症状",
              "\"No symptoms\" cannot be combined with other symptoms"));
    }
  }

  private static List<Measure> measures(RuleSet r, VisitInput v) {
    List<Measure> list = new ArrayList<>();
    list.add(
        new Measure(
            "systolic",
            "收缩压",
            "systolic BP",
            "mmHg",
            integer(v.systolic()),
            r.systolicHardRange(),
            r.systolicPlausibleRange(),
            Disease.HYPERTENSION));
    list.add(
        new Measure(
            "diastolic",
            "舒张压",
            "diastolic BP",
            "mmHg",
            integer(v.diastolic()),
            r.diastolicHardRange(),
            r.diastolicPlausibleRange(),
            Disease.HYPERTENSION));
    list.add(
        new Measure(
            "heartRate",
            "心率",
            "heart rate",
            "次/分钟",
            "beats/min",
            integer(v.heartRate()),
            r.heartRateHardRange(),
            r.heartRatePlausibleRange(),
            null));
    list.add(
        new Measure(
            "temperature",
            "体温",
            "temperature",
            "℃",
            decimal(v.temperature()),
            r.temperatureHardRange(),
            r.temperaturePlausibleRange(),
            null));
    list.add(
        new Measure(
            "fastingGlucose",
            "空腹血糖",
            "fasting glucose",
            "mmol/L",
            decimal(v.fastingGlucose()),
            r.fastingGlucoseHardRange(),
            r.fastingGlucosePlausibleRange(),
            Disease.DIABETES));
    list.add(
        new Measure(
            "weightKg",
            "体重",
            "weight",
            "kg",
            decimal(v.weightKg()),
            r.weightHardRange(),
            r.weightPlausibleRange(),
            null));
    return list;
  }

  @Nullable
  private static BigDecimal integer(@Nullable Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  @Nullable
  private static BigDecimal decimal(@Nullable Double value) {
    return value == null ? null : Decimals.of(value);
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** One measured field with its labels, unit, ranges and the disease that requires it. */
  private static final class Measure {
    final String field;
    final String labelZh;
    final String labelEn;
    final String unitZh;
    final String unitEn;
    @Nullable final BigDecimal value;
    final ValueRange hard;
    final ValueRange plausible;
    @Nullable final Disease requiredFor;

    Measure(
        String field,
        String labelZh,
        String labelEn,
        String unit,
        @Nullable BigDecimal value,
        ValueRange hard,
        ValueRange plausible,
        @Nullable Disease requiredFor) {
      this(field, labelZh, labelEn, unit, unit, value, hard, plausible, requiredFor);
    }

    Measure(
        String field,
        String labelZh,
        String labelEn,
        String unitZh,
        String unitEn,
        @Nullable BigDecimal value,
        ValueRange hard,
        ValueRange plausible,
        @Nullable Disease requiredFor) {
      this.field = field;
      this.labelZh = labelZh;
      this.labelEn = labelEn;
      this.unitZh = unitZh;
      this.unitEn = unitEn;
      this.value = value;
      this.hard = hard;
      this.plausible = plausible;
      this.requiredFor = requiredFor;
    }

    boolean requiredFor(Disease disease) {
      return requiredFor == disease;
    }

    String formattedZh() {
      return Objects.requireNonNull(value).toPlainString() + " " + unitZh;
    }

    String formattedEn() {
      return Objects.requireNonNull(value).toPlainString() + " " + unitEn;
    }

    String rangeZh(ValueRange range) {
      return range.format() + " " + unitZh;
    }

    String rangeEn(ValueRange range) {
      return range.format() + " " + unitEn;
    }
  }
}
