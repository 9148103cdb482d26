package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.patientAged;

import java.time.LocalDate;
import java.util.List;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hard errors and soft warnings of domain.md §4.4 and the brief. */
class VisitValidatorTest {
  private static final LocalDate TODAY = VISIT_DATE;

  private static ValidationResult validate(Disease disease, VisitInput visit) {
    return VisitValidator.validate(RuleSets.BPHS_2017, disease, patientAged(50), visit, TODAY);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource({
    "HYPERTENSION, CLINIC, 130, 80,    ",
    "HYPERTENSION, HOME,   130, 80,    ",
    "DIABETES,     CLINIC,    ,   , 6.1",
    "DIABETES,     CLINIC, 130, 80, 6.1",
    "HYPERTENSION, PHONE,     ,   ,    ",
    "DIABETES,     PHONE,     ,   ,    ",
  })
  void validate_completeVisit_noIssues(
      Disease disease,
      VisitMode mode,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Double glucose) {
    VisitInput visit =
        VisitInput.newBuilder()
            .visitDate(VISIT_DATE)
            .mode(mode)
            .systolic(systolic)
            .diastolic(diastolic)
            .fastingGlucose(glucose)
            .build();

    ValidationResult result = validate(disease, visit);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.isValid()).isTrue();
  }

  /**
   * Each row sets one value on an otherwise valid face-to-face visit for both diseases (130/80
   * mmHg, FPG 6.0) and expects exactly one issue, or none.
   */
  @ParameterizedTest(name = "[{index}] {0}={1}")
  @CsvSource({
    // field,         value, severity, code
    "systolic,        39,    ERROR,   OUT_OF_RANGE",
    "systolic,        40,    WARNING, IMPLAUSIBLE",
    "systolic,        59,    WARNING, IMPLAUSIBLE",
    "systolic,        81,    ,        ",
    "systolic,        300,   ,        ",
    "systolic,        301,   ERROR,   OUT_OF_RANGE",
    "diastolic,       19,    ERROR,   OUT_OF_RANGE",
    "diastolic,       20,    WARNING, IMPLAUSIBLE",
    "diastolic,       29,    WARNING, IMPLAUSIBLE",
    "diastolic,       30,    ,        ",
    "heartRate,       14,    ERROR,   OUT_OF_RANGE",
    "heartRate,       29,    WARNING, IMPLAUSIBLE",
    "heartRate,       30,    ,        ",
    "heartRate,       220,   ,        ",
    "heartRate,       221,   WARNING, IMPLAUSIBLE",
    "heartRate,       300,   WARNING, IMPLAUSIBLE",
    "heartRate,       301,   ERROR,   OUT_OF_RANGE",
    "temperature,     24.9,  ERROR,   OUT_OF_RANGE",
    "temperature,     33.9,  WARNING, IMPLAUSIBLE",
    "temperature,     36.5,  ,        ",
    "temperature,     42.1,  WARNING, IMPLAUSIBLE",
    "temperature,     45.1,  ERROR,   OUT_OF_RANGE",
    "fastingGlucose,  0.4,   ERROR,   OUT_OF_RANGE",
    "fastingGlucose,  0.5,   WARNING, IMPLAUSIBLE",
    "fastingGlucose,  0.9,   WARNING, IMPLAUSIBLE",
    "fastingGlucose,  1.0,   ,        ",
    "fastingGlucose,  33.3,  ,        ",
    "fastingGlucose,  33.4,  WARNING, IMPLAUSIBLE",
    "fastingGlucose,  40.0,  WARNING, IMPLAUSIBLE",
    "fastingGlucose,  40.1,  ERROR,   OUT_OF_RANGE",
    "weightKg,        9.9,   ERROR,   OUT_OF_RANGE",
    "weightKg,        19.9,  WARNING, IMPLAUSIBLE",
    "weightKg,        20,    ,        ",
    "weightKg,        250,   ,        ",
    "weightKg,        250.1, WARNING, IMPLAUSIBLE",
    "weightKg,        400.1, ERROR,   OUT_OF_RANGE",
  })
  void validate_valueAtRangeBoundary_errorOrWarningAsConfigured(
      String field, String value, @Nullable String severity, @Nullable String code) {
    VisitInput.Builder builder = VisitSamples.clinic(130, 80, 6.0);
    switch (field) {
      case "systolic":
        builder.systolic(Integer.valueOf(value)).diastolic(Integer.valueOf(value) > 80 ? 80 : 30);
        break;
      case "diastolic":
        builder.diastolic(Integer.valueOf(value));
        break;
      case "heartRate":
        builder.heartRate(Integer.valueOf(value));
        break;
      case "temperature":
        builder.temperature(Double.valueOf(value));
        break;
      case "fastingGlucose":
        builder.fastingGlucose(Double.valueOf(value));
        break;
      case "weightKg":
        builder.weightKg(Double.valueOf(value));
        break;
      default:
        throw new AssertionError(field);
    }
    VisitInput visit = builder.build();

    for (Disease disease : Disease.values()) {
      ValidationResult result = validate(disease, visit);

      List<Issue> expected = "ERROR".equals(severity) ? result.errors() : result.warnings();
      List<Issue> other = "ERROR".equals(severity) ? result.warnings() : result.errors();
      if (severity == null) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
      } else {
        assertThat(expected)
            .extracting(Issue::field, Issue::code)
            .containsExactly(tuple(field, code));
        assertThat(other).isEmpty();
      }
    }
  }

  @Test
  void validate_outOfRange_messagesNameValueAndRange() {
    VisitInput visit = VisitSamples.clinic(350, 80, 45.5).build();

    ValidationResult result = validate(Disease.DIABETES, visit);

    assertThat(result.errors())
        .extracting(Issue::field, Issue::code, Issue::messageZh, Issue::messageEn)
        .containsExactly(
            tuple(
                "systolic",
                "OUT_OF_RANGE",
                "收缩压 350 mmHg 超出允许范围 40–300 mmHg",
                "Systolic BP 350 mmHg is outside the allowed range 40–300 mmHg"),
            tuple(
                "fastingGlucose",
                "OUT_OF_RANGE",
                "空腹血糖 45.5 mmol/L 超出允许范围 0.5–40 mmol/L",
                "Fasting glucose 45.5 mmol/L is outside the allowed range 0.5–40 mmol/L"));
  }

  @Test
  void validate_implausible_warningNamesValueAndPlausibleRange() {
    VisitInput visit = VisitSamples.clinic(130, 80, 35.0).heartRate(25).build();

    ValidationResult result = validate(Disease.DIABETES, visit);

    assertThat(result.isValid()).isTrue();
    assertThat(result.warnings())
        .extracting(Issue::messageZh, Issue::messageEn)
        .containsExactly(
            tuple(
                "心率 25 次/分钟 不在常见范围 30–220 次/分钟 内，请核实",
                "Heart rate 25 beats/min is outside the plausible range 30–220 beats/min; please check"),
            tuple(
                "空腹血糖 35.0 mmol/L 不在常见范围 1–33.3 mmol/L 内，请核实",
                "Fasting glucose 35.0 mmol/L is outside the plausible range 1–33.3 mmol/L; please check"));
  }

  @ParameterizedTest(name = "[{index}] {0}/{1}")
  @CsvSource({"120, 120, true", "110, 120, true", "121, 120, false", "90, 89, false"})
  void validate_systolicNotAboveDiastolic_error(int systolic, int diastolic, boolean error) {
    ValidationResult result =
        validate(Disease.HYPERTENSION, VisitSamples.clinic(systolic, diastolic, null).build());

    if (error) {
      assertThat(result.errors())
          .extracting(Issue::field, Issue::code)
          .containsExactly(tuple("systolic", "SBP_NOT_ABOVE_DBP"));
      assertThat(result.errors().get(0).messageZh()).contains(String.valueOf(systolic));
    } else {
      assertThat(result.errors()).isEmpty();
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}/{2} FPG {3}")
  @CsvSource({
    "HYPERTENSION, CLINIC,    , 80, 6.0, systolic",
    "HYPERTENSION, HOME,   130,   , 6.0, diastolic",
    "DIABETES,     CLINIC, 130, 80,    , fastingGlucose",
    "DIABETES,     HOME,      ,   ,    , fastingGlucose",
  })
  void validate_faceToFaceWithoutRequiredMeasurement_requiredError(
      Disease disease,
      VisitMode mode,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Double glucose,
      String field) {
    VisitInput visit =
        VisitInput.newBuilder()
            .visitDate(VISIT_DATE)
            .mode(mode)
            .systolic(systolic)
            .diastolic(diastolic)
            .fastingGlucose(glucose)
            .build();

    ValidationResult result = validate(disease, visit);

    assertThat(result.errors())
        .extracting(Issue::field, Issue::code)
        .containsExactly(tuple(field, "REQUIRED"));
  }

  @Test
  void validate_hypertensionVisitWithoutBloodPressure_bothRequired() {
    ValidationResult result = validate(Disease.HYPERTENSION, VisitSamples.clinic().build());

    assertThat(result.errors())
        .extracting(Issue::field, Issue::code)
        .containsExactly(tuple("systolic", "REQUIRED"), tuple("diastolic", "REQUIRED"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"systolic", "diastolic", "heartRate", "temperature", "fastingGlucose", "weightKg"})
  void validate_phoneVisitWithMeasurement_error(String field) {
    VisitInput.Builder builder = VisitSamples.phone();
    switch (field) {
      case "systolic":
        builder.systolic(130);
        break;
      case "diastolic":
        builder.diastolic(80);
        break;
      case "heartRate":
        builder.heartRate(70);
        break;
      case "temperature":
        builder.temperature(36.5);
        break;
      case "fastingGlucose":
        builder.fastingGlucose(6.0);
        break;
      case "weightKg":
        builder.weightKg(60.0);
        break;
      default:
        throw new AssertionError(field);
    }

    for (Disease disease : Disease.values()) {
      ValidationResult result = validate(disease, builder.build());

      assertThat(result.errors())
          .extracting(Issue::field, Issue::code)
          .containsExactly(tuple(field, "PHONE_VISIT_HAS_MEASUREMENTS"));
    }
  }

  @Test
  void validate_visitAfterToday_futureDateError() {
    VisitInput tomorrow = VisitSamples.clinic(130, 80, 6.0).visitDate(TODAY.plusDays(1)).build();

    ValidationResult result = validate(Disease.HYPERTENSION, tomorrow);

    assertThat(result.errors())
        .extracting(Issue::field, Issue::code, Issue::messageEn)
        .containsExactly(
            tuple(
                "visitDate",
                "FUTURE_DATE",
                "The visit date 2025-06-17 is after today, 2025-06-16"));
  }

  @Test
  void validate_visitBeforeBirth_beforeBirthError() {
    PatientContext patient = PatientContext.newBuilder().birthDate(VISIT_DATE.plusDays(1)).build();

    ValidationResult result =
        VisitValidator.validate(
            RuleSets.BPHS_2017,
            Disease.HYPERTENSION,
            patient,
            VisitSamples.clinic(130, 80, null).build(),
            TODAY.plusDays(10));

    assertThat(result.errors())
        .extracting(Issue::field, Issue::code)
        .containsExactly(tuple("visitDate", "BEFORE_BIRTH"));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} other={2}")
  @CsvSource({
    "HYPERTENSION, NONE,                   ,      false",
    "HYPERTENSION, NONE HEADACHE_DIZZINESS, ,      true",
    "HYPERTENSION, NONE,                   咳嗽,  true",
    "HYPERTENSION, NONE,                   '  ',  false",
    "HYPERTENSION, HEADACHE_DIZZINESS,     咳嗽,  false",
    "DIABETES,     NONE,                   ,      false",
    "DIABETES,     NONE POLYURIA,          ,      true",
    "DIABETES,     NONE,                   乏力,  true",
  })
  void validate_noSymptomsTicked_exclusiveOfOtherSymptoms(
      Disease disease, String symptoms, @Nullable String other, boolean error) {
    VisitInput.Builder builder = VisitSamples.clinic(130, 80, 6.0).otherSymptoms(other);
    for (String name : symptoms.split(" ")) {
      if (disease == Disease.HYPERTENSION) {
        java.util.Set<HypertensionSymptom> set =
            new java.util.HashSet<>(builder.build().hypertensionSymptoms());
        set.add(HypertensionSymptom.valueOf(name));
        builder.hypertensionSymptoms(set);
      } else {
        java.util.Set<DiabetesSymptom> set =
            new java.util.HashSet<>(builder.build().diabetesSymptoms());
        set.add(DiabetesSymptom.valueOf(name));
        builder.diabetesSymptoms(set);
      }
    }

    ValidationResult result = validate(disease, builder.build());

    String field = disease == Disease.HYPERTENSION ? "hypertensionSymptoms" : "diabetesSymptoms";
    if (error) {
      assertThat(result.errors())
          .extracting(Issue::field, Issue::code)
          .containsExactly(tuple(field, "NO_SYMPTOMS_WITH_OTHERS"));
    } else {
      assertThat(result.errors()).isEmpty();
    }
  }

  @Test
  void validate_otherDiseasesSymptoms_notCheckedForThisDisease() {
    VisitInput visit =
        VisitSamples.clinic(130, 80, 6.0)
            .diabetesSymptoms(DiabetesSymptom.NONE, DiabetesSymptom.POLYURIA)
            .build();

    assertThat(validate(Disease.HYPERTENSION, visit).isValid()).isTrue();
    assertThat(validate(Disease.DIABETES, visit).isValid()).isFalse();
  }

  @Test
  void validate_derivedRuleSetRanges_honoured() {
    RuleSet wide =
        RuleSets.BPHS_2017.toBuilder()
            .id("wide")
            .systolicHardRange(ValueRange.of(50, 500))
            .systolicPlausibleRange(ValueRange.of(50, 500))
            .build();

    ValidationResult result =
        VisitValidator.validate(
            wide,
            Disease.HYPERTENSION,
            patientAged(50),
            VisitSamples.clinic(310, 80, null).build(),
            TODAY);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void validationResult_lists_areUnmodifiableCopies() {
    java.util.List<Issue> errors = new java.util.ArrayList<>();
    errors.add(Issue.of("systolic", Issue.REQUIRED, "zh", "en"));
    ValidationResult result = ValidationResult.of(errors, new java.util.ArrayList<Issue>());
    errors.clear();

    assertThat(result.errors()).hasSize(1);
    assertThat(result.isValid()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.errors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
