package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.BPHS;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.controlledClinic;
import static org.suifang.rules.VisitSamples.patientAged;
import static org.suifang.rules.VisitSamples.pregnantPatient;

import java.util.EnumSet;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every danger sign of domain.md §1.4 and §2.4, and the measured thresholds at their boundaries.
 */
class AssessorDangerSignTest {

  /** Pins each constant to its list(s) in §1.4 (HTN) and §2.4 (DM), and measured vs reported. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "BLOOD_PRESSURE_VERY_HIGH,                      true,  true,  true",
    "ALTERED_CONSCIOUSNESS,                         true,  false, false",
    "SEVERE_HEADACHE_OR_DIZZINESS,                  true,  false, false",
    "NAUSEA_AND_VOMITING,                           true,  false, false",
    "BLURRED_VISION_OR_EYE_PAIN,                    true,  false, false",
    "PALPITATIONS_OR_CHEST_TIGHTNESS,               true,  false, false",
    "WHEEZING_UNABLE_TO_LIE_FLAT,                   true,  false, false",
    "PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH, true,  false, true",
    "GLUCOSE_VERY_HIGH,                             false, true,  true",
    "GLUCOSE_VERY_LOW,                              false, true,  true",
    "TACHYCARDIA,                                   false, true,  true",
    "HIGH_FEVER,                                    false, true,  true",
    "PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH,        false, true,  true",
    "ALTERED_CONSCIOUSNESS_OR_BEHAVIOUR,            false, true,  false",
    "ACETONE_BREATH,                                false, true,  false",
    "PALPITATIONS,                                  false, true,  false",
    "SWEATING,                                      false, true,  false",
    "LOSS_OF_APPETITE,                              false, true,  false",
    "NAUSEA,                                        false, true,  false",
    "VOMITING,                                      false, true,  false",
    "POLYDIPSIA,                                    false, true,  false",
    "POLYURIA,                                      false, true,  false",
    "ABDOMINAL_PAIN,                                false, true,  false",
    "DEEP_RAPID_BREATHING,                          false, true,  false",
    "FLUSHED_SKIN,                                  false, true,  false",
    "SUDDEN_VISION_LOSS,                            false, true,  false",
    "UNMANAGEABLE_OTHER_DISEASE,                    true,  true,  false",
  })
  void dangerSign_eachConstant_belongsToItsListsAndKind(
      DangerSign sign, boolean hypertension, boolean diabetes, boolean measured) {
    EnumSet<Disease> expected = EnumSet.noneOf(Disease.class);
    if (hypertension) {
      expected.add(Disease.HYPERTENSION);
    }
    if (diabetes) {
      expected.add(Disease.DIABETES);
    }

    assertThat(sign.diseases()).isEqualTo(expected);
    assertThat(sign.measured()).isEqualTo(measured);
    assertThat(sign.labelZh()).isNotBlank();
    assertThat(sign.labelEn()).isNotBlank();
  }

  @Test
  void dangerSign_lists_haveTheStandardsItemCounts() {
    // §1.4: BP, 6 reported symptoms, pregnancy BP, other disease = 9.
    assertThat(DangerSign.of(Disease.HYPERTENSION)).hasSize(9);
    // §2.4: BP, glucose high/low, HR, temperature, pregnancy glucose (6), 13 reported, other = 20.
    assertThat(DangerSign.of(Disease.DIABETES)).hasSize(20);
  }

  @ParameterizedTest(name = "{0} reported in a {1} assessment")
  @EnumSource(DangerSign.class)
  void assess_reportedSign_urgentOnlyForItsOwnList(DangerSign sign) {
    for (Disease disease : Disease.values()) {
      VisitInput visit = controlledClinic().reportedDangerSigns(sign).build();

      Assessment assessment = BPHS.assess(disease, patientAged(50), visit, null);

      boolean applies = sign.diseases().contains(disease);
      assertThat(assessment.urgentReferral()).as(disease.name()).isEqualTo(applies);
      if (applies) {
        assertThat(assessment.dangerSigns()).containsExactly(sign);
        assertThat(assessment.nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
        assertThat(assessment.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(14));
        assertThat(assessment.classification()).isEqualTo(Classification.CONTROLLED);
      } else {
        assertThat(assessment.dangerSigns()).isEmpty();
        assertThat(assessment.nextStep()).isEqualTo(NextStep.ROUTINE);
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1}/{2}")
  @CsvSource({
    "HYPERTENSION, 179, 100, false",
    "HYPERTENSION, 180, 100, true",
    "HYPERTENSION, 150, 109, false",
    "HYPERTENSION, 150, 110, true",
    "HYPERTENSION, 200, 120, true",
    "HYPERTENSION, 180,    , true",
    "HYPERTENSION,    , 110, true",
    "DIABETES,     179, 100, false",
    "DIABETES,     180, 100, true",
    "DIABETES,     150, 109, false",
    "DIABETES,     150, 110, true",
  })
  void assess_bloodPressureAtBoundary_dangerOnlyFrom180Or110(
      Disease disease, @Nullable Integer systolic, @Nullable Integer diastolic, boolean danger) {
    VisitInput visit = clinic(systolic, diastolic, 6.0).build();

    Assessment assessment = BPHS.assess(disease, patientAged(50), visit, null);

    assertThat(assessment.urgentReferral()).isEqualTo(danger);
    if (danger) {
      assertThat(assessment.dangerSigns()).containsExactly(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    }
  }

  @ParameterizedTest(name = "[{index}] FPG {0} HR {1} T {2}")
  @CsvSource({
    "16.6,    ,     , ",
    "16.7,    ,     , GLUCOSE_VERY_HIGH",
    "25.0,    ,     , GLUCOSE_VERY_HIGH",
    "4.0,     ,     , ",
    "3.9,     ,     , GLUCOSE_VERY_LOW",
    "2.1,     ,     , GLUCOSE_VERY_LOW",
    "6.0,  100,     , ",
    "6.0,  101,     , TACHYCARDIA",
    "6.0,     , 39.0, ",
    "6.0,     , 39.1, HIGH_FEVER",
    "6.0,     , 38.9, ",
  })
  void assess_diabetesMeasuredSignAtBoundary_matchesThreshold(
      double glucose,
      @Nullable Integer heartRate,
      @Nullable Double temperature,
      @Nullable DangerSign expected) {
    VisitInput visit =
        clinic(120, 75, glucose).heartRate(heartRate).temperature(temperature).build();

    Assessment assessment = BPHS.assess(Disease.DIABETES, patientAged(50), visit, null);

    if (expected == null) {
      assertThat(assessment.dangerSigns()).isEmpty();
      assertThat(assessment.urgentReferral()).isFalse();
    } else {
      assertThat(assessment.dangerSigns()).containsExactly(expected);
      assertThat(assessment.urgentReferral()).isTrue();
      assertThat(assessment.nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
    }
  }

  @Test
  void assess_glucoseFromBinaryArithmetic_stillComparedAsDecimal() {
    // 16.6 + 0.1 is 16.700000000000003 in binary; 3.8 + 0.1 is 3.9 exactly after rounding.
    VisitInput high = clinic(120, 75, 16.6 + 0.1).build();
    VisitInput low = clinic(120, 75, 4.1 - 0.2).build();

    assertThat(BPHS.assess(Disease.DIABETES, patientAged(50), high, null).dangerSigns())
        .containsExactly(DangerSign.GLUCOSE_VERY_HIGH);
    assertThat(BPHS.assess(Disease.DIABETES, patientAged(50), low, null).dangerSigns())
        .containsExactly(DangerSign.GLUCOSE_VERY_LOW);
  }

  @ParameterizedTest(name = "[{index}] pregnant={0} {1}/{2}")
  @CsvSource({
    "true,  139, 89, false",
    "true,  140, 80, true",
    "true,  130, 90, true",
    "false, 145, 85, false",
  })
  void assess_pregnantHypertensionPatient_bloodPressureAboveNormalIsDanger(
      boolean pregnant, int systolic, int diastolic, boolean danger) {
    PatientContext patient =
        pregnantPatient().toBuilder().pregnantOrBreastfeeding(pregnant).build();

    Assessment assessment =
        BPHS.assess(Disease.HYPERTENSION, patient, clinic(systolic, diastolic, null).build(), null);

    assertThat(assessment.urgentReferral()).isEqualTo(danger);
    if (danger) {
      assertThat(assessment.dangerSigns())
          .containsExactly(DangerSign.PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH);
      assertThat(assessment.classification()).isEqualTo(Classification.UNCONTROLLED);
    }
  }

  @ParameterizedTest(name = "[{index}] pregnant={0} FPG {1}")
  @CsvSource({
    "true,  6.9, false",
    "true,  7.0, true",
    "false, 7.5, false",
  })
  void assess_pregnantDiabetesPatient_glucoseAboveNormalIsDanger(
      boolean pregnant, double glucose, boolean danger) {
    PatientContext patient =
        pregnantPatient().toBuilder().pregnantOrBreastfeeding(pregnant).build();

    Assessment assessment =
        BPHS.assess(Disease.DIABETES, patient, clinic(null, null, glucose).build(), null);

    assertThat(assessment.urgentReferral()).isEqualTo(danger);
    if (danger) {
      assertThat(assessment.dangerSigns())
          .containsExactly(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH);
    }
  }

  @Test
  void assess_pregnancyGlucoseThresholdIsASetting_derivedRuleSetHonoursIt() {
    Assessor strict =
        new Assessor(
            RuleSets.BPHS_2017.toBuilder()
                .id("strict-pregnancy")
                .pregnancyGlucoseAtLeast(5.1)
                .build());

    Assessment assessment =
        strict.assess(Disease.DIABETES, pregnantPatient(), clinic(null, null, 5.1).build(), null);

    assertThat(assessment.dangerSigns())
        .containsExactly(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH);
    assertThat(assessment.classification()).isEqualTo(Classification.CONTROLLED);
  }

  @Test
  void assess_severalSigns_listedInEnumOrder() {
    VisitInput visit =
        clinic(185, 100, 20.0)
            .heartRate(120)
            .reportedDangerSigns(
                DangerSign.UNMANAGEABLE_OTHER_DISEASE,
                DangerSign.ACETONE_BREATH,
                DangerSign.SEVERE_HEADACHE_OR_DIZZINESS)
            .build();

    assertThat(BPHS.assess(Disease.DIABETES, patientAged(50), visit, null).dangerSigns())
        .containsExactly(
            DangerSign.BLOOD_PRESSURE_VERY_HIGH,
            DangerSign.GLUCOSE_VERY_HIGH,
            DangerSign.TACHYCARDIA,
            DangerSign.ACETONE_BREATH,
            DangerSign.UNMANAGEABLE_OTHER_DISEASE);
    assertThat(BPHS.assess(Disease.HYPERTENSION, patientAged(50), visit, null).dangerSigns())
        .containsExactly(
            DangerSign.BLOOD_PRESSURE_VERY_HIGH,
            DangerSign.SEVERE_HEADACHE_OR_DIZZINESS,
            DangerSign.UNMANAGEABLE_OTHER_DISEASE);
  }

  @Test
  void assess_reportedMeasuredSign_countsLikeAComputedOne() {
    VisitInput visit = controlledClinic().reportedDangerSigns(DangerSign.GLUCOSE_VERY_LOW).build();

    Assessment assessment = BPHS.assess(Disease.DIABETES, patientAged(50), visit, null);

    assertThat(assessment.dangerSigns()).containsExactly(DangerSign.GLUCOSE_VERY_LOW);
    assertThat(assessment.urgentReferral()).isTrue();
  }
}
