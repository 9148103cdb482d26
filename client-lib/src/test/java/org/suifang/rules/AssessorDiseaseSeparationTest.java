package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.BPHS;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.patientAged;

import org.junit.jupiter.api.Test;

/** One encounter recording both diseases is assessed separately for each (domain.md §1.4, §2.4). */
class AssessorDiseaseSeparationTest {

  @Test
  void assess_sbp185AndFpg8_urgentReferralForBothDiseases() {
    VisitInput visit = clinic(185, 95, 8.0).build();

    Assessment htn = BPHS.assess(Disease.HYPERTENSION, patientAged(55), visit, null);
    Assessment dm = BPHS.assess(Disease.DIABETES, patientAged(55), visit, null);

    assertThat(htn.urgentReferral()).isTrue();
    assertThat(htn.dangerSigns()).containsExactly(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    assertThat(htn.classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(dm.urgentReferral()).isTrue();
    assertThat(dm.dangerSigns()).containsExactly(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    assertThat(dm.classification()).isEqualTo(Classification.UNCONTROLLED);
  }

  @Test
  void assess_heartRate120_dangerSignOnlyForDiabetes() {
    VisitInput visit = clinic(130, 80, 6.0).heartRate(120).build();

    Assessment htn = BPHS.assess(Disease.HYPERTENSION, patientAged(55), visit, null);
    Assessment dm = BPHS.assess(Disease.DIABETES, patientAged(55), visit, null);

    assertThat(htn.urgentReferral()).isFalse();
    assertThat(htn.classification()).isEqualTo(Classification.CONTROLLED);
    assertThat(htn.nextStep()).isEqualTo(NextStep.ROUTINE);
    assertThat(dm.urgentReferral()).isTrue();
    assertThat(dm.dangerSigns()).containsExactly(DangerSign.TACHYCARDIA);
    assertThat(dm.classification()).isEqualTo(Classification.CONTROLLED);
    assertThat(dm.nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
  }

  @Test
  void assess_feverAndGlucoseExtremes_ignoredByHypertension() {
    VisitInput high = clinic(130, 80, 20.0).temperature(39.5).build();
    VisitInput low = clinic(130, 80, 3.0).build();

    assertThat(BPHS.assess(Disease.HYPERTENSION, patientAged(55), high, null).urgentReferral())
        .isFalse();
    assertThat(BPHS.assess(Disease.HYPERTENSION, patientAged(55), low, null).urgentReferral())
        .isFalse();
    assertThat(BPHS.assess(Disease.DIABETES, patientAged(55), high, null).dangerSigns())
        .containsExactly(DangerSign.GLUCOSE_VERY_HIGH, DangerSign.HIGH_FEVER);
  }

  @Test
  void assess_controlMeasures_bloodPressureForHypertensionGlucoseForDiabetes() {
    VisitInput visit = clinic(160, 100, 6.0).build();

    Assessment htn = BPHS.assess(Disease.HYPERTENSION, patientAged(55), visit, null);
    Assessment dm = BPHS.assess(Disease.DIABETES, patientAged(55), visit, null);

    assertThat(htn.bphsControlled()).isFalse();
    assertThat(htn.classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(dm.bphsControlled()).isTrue();
    assertThat(dm.classification()).isEqualTo(Classification.CONTROLLED);
  }

  @Test
  void assess_pregnantWithHighBloodPressureAndGlucose_eachDiseaseGetsItsOwnSign() {
    PatientContext patient = patientAged(36).toBuilder().pregnantOrBreastfeeding(true).build();
    VisitInput visit = clinic(145, 85, 7.2).build();

    assertThat(BPHS.assess(Disease.HYPERTENSION, patient, visit, null).dangerSigns())
        .containsExactly(DangerSign.PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH);
    assertThat(BPHS.assess(Disease.DIABETES, patient, visit, null).dangerSigns())
        .containsExactly(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH);
  }
}
