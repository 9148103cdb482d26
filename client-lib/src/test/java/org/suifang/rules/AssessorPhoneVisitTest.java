package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.BPHS;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.patientAged;
import static org.suifang.rules.VisitSamples.phone;
import static org.suifang.rules.VisitSamples.previous;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Telephone visits: no measurement, so no control; danger, ADR and complication rules still apply.
 */
class AssessorPhoneVisitTest {

  @ParameterizedTest
  @EnumSource(Disease.class)
  void assess_plainPhoneVisit_noClassificationAndFaceToFaceDueIn14Days(Disease disease) {
    Assessment assessment =
        BPHS.assess(disease, patientAged(60), phone().build(), previous("UNCONTROLLED"));

    assertThat(assessment.bphsControlled()).isNull();
    assertThat(assessment.clinicalTargetMet()).isNull();
    assertThat(assessment.classification()).isNull();
    assertThat(assessment.nextStep()).isNull();
    assertThat(assessment.urgentReferral()).isFalse();
    assertThat(assessment.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(14));
    assertThat(assessment.recommendedActionZh()).contains("面对面随访");
    assertThat(assessment.recommendedActionEn()).contains("face-to-face visit");
  }

  @Test
  void assess_phoneVisitWithReportedDangerSign_urgentReferralWithoutClassification() {
    VisitInput visit = phone().reportedDangerSigns(DangerSign.SEVERE_HEADACHE_OR_DIZZINESS).build();

    Assessment assessment = BPHS.assess(Disease.HYPERTENSION, patientAged(60), visit, null);

    assertThat(assessment.urgentReferral()).isTrue();
    assertThat(assessment.nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
    assertThat(assessment.classification()).isNull();
    assertThat(assessment.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(14));
    assertThat(assessment.recommendedActionZh()).isEqualTo("初步处理后紧急转诊，2周内主动随访转诊情况");
  }

  @Test
  void assess_phoneVisitWithAdverseReaction_adverseReactionRecheck() {
    VisitInput visit = phone().adverseReaction(true).build();

    Assessment assessment = BPHS.assess(Disease.DIABETES, patientAged(60), visit, null);

    assertThat(assessment.classification()).isEqualTo(Classification.ADVERSE_REACTION);
    assertThat(assessment.nextStep()).isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);
    assertThat(assessment.bphsControlled()).isNull();
  }

  @Test
  void assess_phoneVisitWithComplicationAndDanger_urgentAndComplicationClass() {
    VisitInput visit =
        phone()
            .newOrWorseComplication(true)
            .reportedDangerSigns(DangerSign.UNMANAGEABLE_OTHER_DISEASE)
            .build();

    Assessment assessment = BPHS.assess(Disease.DIABETES, patientAged(60), visit, null);

    assertThat(assessment.classification()).isEqualTo(Classification.COMPLICATION);
    assertThat(assessment.nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
  }

  @Test
  void assess_phoneVisitCarryingValues_dangerComputedButControlUnknown() {
    // Invalid input (the validator rejects it), but a danger is never hidden.
    VisitInput visit = phone().systolic(190).diastolic(100).build();

    Assessment assessment = BPHS.assess(Disease.HYPERTENSION, patientAged(60), visit, null);

    assertThat(assessment.urgentReferral()).isTrue();
    assertThat(assessment.bphsControlled()).isNull();
    assertThat(assessment.classification()).isNull();
  }

  @Test
  void assess_homeVisit_isFaceToFace() {
    VisitInput visit =
        VisitInput.newBuilder()
            .visitDate(VISIT_DATE)
            .mode(VisitMode.HOME)
            .bloodPressure(150, 85)
            .build();

    Assessment assessment = BPHS.assess(Disease.HYPERTENSION, patientAged(60), visit, null);

    assertThat(assessment.bphsControlled()).isFalse();
    assertThat(assessment.classification()).isEqualTo(Classification.UNCONTROLLED);
  }
}
