package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.BPHS;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.patientAged;
import static org.suifang.rules.VisitSamples.patientAgedDayBeforeBirthday;

import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BPHS control thresholds: 140/90, 150/90 from age 65, FPG 7.0, and the elderly-split setting. */
class AssessorControlTest {

  @ParameterizedTest(name = "[{index}] age {0} (birthday today={1}) {2}/{3}")
  @CsvSource({
    // age, birthday on the visit date?, SBP, DBP, controlled
    "50, true,  139, 89, true",
    "50, true,  140, 80, false",
    "50, true,  130, 89, true",
    "50, true,  130, 90, false",
    "64, true,  139, 80, true",
    "64, true,  140, 80, false",
    "64, true,  149, 80, false",
    "64, false, 139, 80, true",
    "64, false, 140, 80, false",
    "64, false, 149, 80, false",
    "65, true,  149, 80, true",
    "65, true,  150, 80, false",
    "65, true,  149, 89, true",
    "65, true,  149, 90, false",
    "65, true,  140, 85, true",
    "65, false, 149, 80, true",
    "65, false, 150, 80, false",
    "80, true,  149, 89, true",
  })
  void assess_hypertensionAtAgeBoundary_usesAgeAtVisitDate(
      int age, boolean birthdayToday, int systolic, int diastolic, boolean controlled) {
    PatientContext patient = birthdayToday ? patientAged(age) : patientAgedDayBeforeBirthday(age);

    Assessment assessment =
        BPHS.assess(Disease.HYPERTENSION, patient, clinic(systolic, diastolic, null).build(), null);

    assertThat(assessment.ageAtVisit()).isEqualTo(age);
    assertThat(assessment.bphsControlled()).isEqualTo(controlled);
    assertThat(assessment.classification())
        .isEqualTo(controlled ? Classification.CONTROLLED : Classification.UNCONTROLLED);
    assertThat(assessment.nextStep())
        .isEqualTo(controlled ? NextStep.ROUTINE : NextStep.FIRST_UNCONTROLLED_RECHECK);
  }

  @ParameterizedTest(name = "[{index}] age {0} {1}/{2}")
  @CsvSource({
    "70, 139, 89, true",
    "70, 140, 80, false",
    "70, 145, 80, false",
    "70, 130, 90, false",
    "50, 140, 80, false",
  })
  void assess_elderlySplitOff_appliesGeneralLimitsToEveryone(
      int age, int systolic, int diastolic, boolean controlled) {
    RuleSet noSplit =
        RuleSets.BPHS_2017.toBuilder()
            .id("bphs-2017-no-age-split")
            .elderlySplitEnabled(false)
            .build();

    Assessment assessment =
        new Assessor(noSplit)
            .assess(
                Disease.HYPERTENSION,
                patientAged(age),
                clinic(systolic, diastolic, null).build(),
                null);

    assertThat(assessment.bphsControlled()).isEqualTo(controlled);
    assertThat(assessment.ruleSetId()).isEqualTo("bphs-2017-no-age-split");
  }

  @Test
  void assess_elderlyAgeChanged_derivedRuleSetMovesTheSplit() {
    RuleSet from60 = RuleSets.BPHS_2017.toBuilder().id("split-60").elderlyAge(60).build();

    Assessment assessment =
        new Assessor(from60)
            .assess(Disease.HYPERTENSION, patientAged(60), clinic(145, 85, null).build(), null);

    assertThat(assessment.bphsControlled()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] FPG {0}")
  @CsvSource({
    "4.0,  true",
    "6.9,  true",
    "7.0,  false",
    "7.1,  false",
    "16.6, false",
  })
  void assess_diabetesGlucoseAtBoundary_controlledBelow7(double glucose, boolean controlled) {
    Assessment assessment =
        BPHS.assess(Disease.DIABETES, patientAged(70), clinic(null, null, glucose).build(), null);

    assertThat(assessment.bphsControlled()).isEqualTo(controlled);
    assertThat(assessment.classification())
        .isEqualTo(controlled ? Classification.CONTROLLED : Classification.UNCONTROLLED);
    assertThat(assessment.urgentReferral()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}/{1}")
  @CsvSource({
    "150,    , false",
    "   ,  95, false",
    "130,    , ",
    "   ,  80, ",
    "   ,    , ",
  })
  void assess_hypertensionWithPartialBloodPressure_controlIsFalseOnlyWhenAValueFails(
      @Nullable Integer systolic, @Nullable Integer diastolic, @Nullable Boolean controlled) {
    Assessment assessment =
        BPHS.assess(
            Disease.HYPERTENSION, patientAged(50), clinic(systolic, diastolic, null).build(), null);

    assertThat(assessment.bphsControlled()).isEqualTo(controlled);
  }

  @Test
  void assess_faceToFaceWithoutMeasurement_noClassificationAndFaceToFaceDue() {
    Assessment assessment =
        BPHS.assess(Disease.DIABETES, patientAged(50), clinic(130, 80, null).build(), null);

    assertThat(assessment.bphsControlled()).isNull();
    assertThat(assessment.classification()).isNull();
    assertThat(assessment.nextStep()).isNull();
    assertThat(assessment.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(14));
    assertThat(assessment.recommendedActionZh()).contains("未测量空腹血糖");
    assertThat(assessment.recommendedActionEn()).contains("not measured");
  }

  @Test
  void ageOn_leapDayBirthday_turnsOlderOn1MarchInCommonYears() {
    PatientContext leap =
        PatientContext.newBuilder().birthDate(java.time.LocalDate.of(1960, 2, 29)).build();

    assertThat(leap.ageOn(java.time.LocalDate.of(2025, 2, 28))).isEqualTo(64);
    assertThat(leap.ageOn(java.time.LocalDate.of(2025, 3, 1))).isEqualTo(65);
    assertThat(leap.ageOn(java.time.LocalDate.of(2024, 2, 29))).isEqualTo(64);
    assertThat(leap.ageOn(java.time.LocalDate.of(1960, 2, 29))).isZero();
  }
}
