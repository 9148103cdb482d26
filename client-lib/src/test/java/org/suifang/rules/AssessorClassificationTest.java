package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suifang.rules.VisitSamples.BPHS;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.controlledClinic;
import static org.suifang.rules.VisitSamples.patientAged;
import static org.suifang.rules.VisitSamples.previous;

import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rows of the domain.md §3 table, their combinations and the consecutive-uncontrolled rule. */
class AssessorClassificationTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | disease | SBP | DBP | FPG | ADR | ADR hard to control | complication |
        // previous face-to-face visit | classification | next step | due days | urgent
        "HTN controlled                          | HYPERTENSION | 130 | 80  |      | false | false | false | NONE                  | CONTROLLED       | ROUTINE                    | 90 | false",
        "HTN controlled after uncontrolled       | HYPERTENSION | 130 | 80  |      | false | false | false | UNCONTROLLED          | CONTROLLED       | ROUTINE                    | 90 | false",
        "HTN uncontrolled, no previous           | HYPERTENSION | 150 | 85  |      | false | false | false | NONE                  | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN uncontrolled, previous controlled   | HYPERTENSION | 150 | 85  |      | false | false | false | CONTROLLED            | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN uncontrolled, previous uncontrolled | HYPERTENSION | 150 | 85  |      | false | false | false | UNCONTROLLED          | UNCONTROLLED     | REFERRAL                   | 14 | false",
        "HTN uncontrolled, prev ADR + BP high    | HYPERTENSION | 135 | 95  |      | false | false | false | ADVERSE_REACTION:false| UNCONTROLLED     | REFERRAL                   | 14 | false",
        "HTN uncontrolled, prev ADR + BP ok      | HYPERTENSION | 135 | 95  |      | false | false | false | ADVERSE_REACTION:true | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN uncontrolled, prev class 2 but met  | HYPERTENSION | 150 | 85  |      | false | false | false | UNCONTROLLED:true     | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN uncontrolled, prev class 1 not met  | HYPERTENSION | 150 | 85  |      | false | false | false | CONTROLLED:false      | UNCONTROLLED     | REFERRAL                   | 14 | false",
        "HTN uncontrolled, prev complication     | HYPERTENSION | 150 | 85  |      | false | false | false | COMPLICATION          | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN first ADR                           | HYPERTENSION | 130 | 80  |      | true  | false | false | NONE                  | ADVERSE_REACTION | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN ADR hard to control                 | HYPERTENSION | 130 | 80  |      | true  | true  | false | NONE                  | ADVERSE_REACTION | REFERRAL                   | 14 | false",
        "HTN ADR hard without ADR flag           | HYPERTENSION | 130 | 80  |      | false | true  | false | NONE                  | ADVERSE_REACTION | REFERRAL                   | 14 | false",
        "HTN complication                        | HYPERTENSION | 130 | 80  |      | false | false | true  | NONE                  | COMPLICATION     | REFERRAL                   | 14 | false",
        "HTN 2nd uncontrolled + first ADR        | HYPERTENSION | 150 | 85  |      | true  | false | false | UNCONTROLLED          | ADVERSE_REACTION | REFERRAL                   | 14 | false",
        "HTN 1st uncontrolled + first ADR        | HYPERTENSION | 150 | 85  |      | true  | false | false | NONE                  | ADVERSE_REACTION | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "HTN 1st uncontrolled + complication     | HYPERTENSION | 150 | 85  |      | false | false | true  | NONE                  | COMPLICATION     | REFERRAL                   | 14 | false",
        "HTN first ADR + complication            | HYPERTENSION | 130 | 80  |      | true  | false | true  | NONE                  | COMPLICATION     | REFERRAL                   | 14 | false",
        "HTN everything but danger               | HYPERTENSION | 150 | 95  |      | true  | true  | true  | UNCONTROLLED          | COMPLICATION     | REFERRAL                   | 14 | false",
        "HTN danger SBP 182                      | HYPERTENSION | 182 | 95  |      | false | false | false | NONE                  | UNCONTROLLED     | URGENT_REFERRAL            | 14 | true",
        "HTN danger, 2nd uncontrolled            | HYPERTENSION | 182 | 95  |      | false | false | false | UNCONTROLLED          | UNCONTROLLED     | URGENT_REFERRAL            | 14 | true",
        "HTN danger DBP 112 + complication       | HYPERTENSION | 150 | 112 |      | false | false | true  | NONE                  | COMPLICATION     | URGENT_REFERRAL            | 14 | true",
        "HTN danger + ADR                        | HYPERTENSION | 185 | 100 |      | true  | false | false | NONE                  | ADVERSE_REACTION | URGENT_REFERRAL            | 14 | true",
        "DM controlled                           | DIABETES     |     |     | 6.5  | false | false | false | NONE                  | CONTROLLED       | ROUTINE                    | 90 | false",
        "DM uncontrolled, no previous            | DIABETES     |     |     | 8.2  | false | false | false | NONE                  | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "DM uncontrolled, previous controlled    | DIABETES     |     |     | 8.2  | false | false | false | CONTROLLED:true       | UNCONTROLLED     | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "DM uncontrolled, previous uncontrolled  | DIABETES     |     |     | 8.2  | false | false | false | UNCONTROLLED:false    | UNCONTROLLED     | REFERRAL                   | 14 | false",
        "DM first ADR                            | DIABETES     |     |     | 6.5  | true  | false | false | NONE                  | ADVERSE_REACTION | FIRST_UNCONTROLLED_RECHECK | 14 | false",
        "DM ADR hard to control                  | DIABETES     |     |     | 6.5  | true  | true  | false | NONE                  | ADVERSE_REACTION | REFERRAL                   | 14 | false",
        "DM complication                         | DIABETES     |     |     | 6.5  | false | false | true  | NONE                  | COMPLICATION     | REFERRAL                   | 14 | false",
        "DM 2nd uncontrolled + first ADR         | DIABETES     |     |     | 9.0  | true  | false | false | UNCONTROLLED          | ADVERSE_REACTION | REFERRAL                   | 14 | false",
        "DM danger glucose 17.0                  | DIABETES     |     |     | 17.0 | false | false | false | NONE                  | UNCONTROLLED     | URGENT_REFERRAL            | 14 | true",
        "DM danger glucose 3.5                   | DIABETES     |     |     | 3.5  | false | false | false | NONE                  | CONTROLLED       | URGENT_REFERRAL            | 14 | true",
        "DM danger BP, glucose controlled        | DIABETES     | 180 | 90  | 6.0  | false | false | false | NONE                  | CONTROLLED       | URGENT_REFERRAL            | 14 | true",
        "DM BP 175 does not affect DM class      | DIABETES     | 175 | 100 | 6.0  | false | false | false | NONE                  | CONTROLLED       | ROUTINE                    | 90 | false",
      })
  void assess_situation_classifiesAndSchedules(
      String description,
      Disease disease,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Double fastingGlucose,
      boolean adverseReaction,
      boolean hardToControl,
      boolean complication,
      String previous,
      Classification classification,
      NextStep nextStep,
      int days,
      boolean urgent) {
    VisitInput visit =
        clinic(systolic, diastolic, fastingGlucose)
            .adverseReaction(adverseReaction)
            .adverseReactionHardToControl(hardToControl)
            .newOrWorseComplication(complication)
            .build();

    Assessment assessment = BPHS.assess(disease, patientAged(50), visit, previous(previous));

    assertThat(assessment.classification()).as("classification").isEqualTo(classification);
    assertThat(assessment.nextStep()).as("next step").isEqualTo(nextStep);
    assertThat(assessment.nextDueDate()).as("due").isEqualTo(VISIT_DATE.plusDays(days));
    assertThat(assessment.urgentReferral()).as("urgent").isEqualTo(urgent);
    assertThat(assessment.dangerSigns().isEmpty()).as("no danger signs").isEqualTo(!urgent);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "URGENT_REFERRAL            | HYPERTENSION | 185 | false | false | false | NONE         | 初步处理后紧急转诊，2周内主动随访转诊情况 | Give initial treatment and refer urgently; follow up the referral within 2 weeks",
        "COMPLICATION               | HYPERTENSION | 130 | false | false | true  | NONE         | 出现新的并发症或原有并发症加重，建议转诊到上级医院，2周内主动随访转诊情况 | New or worsening complication: advise referral to a higher-level hospital; follow up the referral within 2 weeks",
        "ADR hard                   | HYPERTENSION | 130 | true  | true  | false | NONE         | 药物不良反应难以控制，建议转诊到上级医院，2周内主动随访转诊情况 | Adverse drug reaction hard to control: advise referral to a higher-level hospital; follow up the referral within 2 weeks",
        "ADR first                  | HYPERTENSION | 130 | true  | false | false | NONE         | 出现药物不良反应，结合服药依从性，必要时增加现用药物剂量、更换或增加不同类的降压药物，2周内随访 | Adverse drug reaction: considering adherence, increase the dose, switch, or add another class of antihypertensive drug if needed; follow up within 2 weeks",
        "uncontrolled twice         | HYPERTENSION | 150 | false | false | false | UNCONTROLLED | 连续两次出现血压控制不满意，建议转诊到上级医院，2周内主动随访转诊情况 | Blood pressure uncontrolled at two consecutive visits: advise referral to a higher-level hospital; follow up the referral within 2 weeks",
        "uncontrolled first         | HYPERTENSION | 150 | false | false | false | NONE         | 第一次出现血压控制不满意，结合服药依从性，必要时增加现用药物剂量、更换或增加不同类的降压药物，2周内随访 | Blood pressure uncontrolled for the first time: considering adherence, increase the dose, switch, or add another class of antihypertensive drug if needed; follow up within 2 weeks",
        "controlled                 | HYPERTENSION | 130 | false | false | false | NONE         | 血压控制满意，继续现有治疗并进行健康教育，预约下一次随访（90天内） | Blood pressure controlled: continue treatment and health education; book the next follow-up within 90 days",
        "DM uncontrolled first      | DIABETES     | 150 | false | false | false | NONE         | 第一次出现空腹血糖控制不满意，结合服药依从性，必要时增加现用药物剂量、更换或增加不同类的降糖药物，2周内随访 | Fasting glucose uncontrolled for the first time: considering adherence, increase the dose, switch, or add another class of glucose-lowering drug if needed; follow up within 2 weeks",
        "2nd uncontrolled + ADR     | HYPERTENSION | 150 | true  | false | false | UNCONTROLLED | 连续两次出现血压控制不满意，建议转诊到上级医院，2周内主动随访转诊情况 | Blood pressure uncontrolled at two consecutive visits: advise referral to a higher-level hospital; follow up the referral within 2 weeks",
      })
  void assess_eachRow_recommendsTheRowsAction(
      String description,
      Disease disease,
      int systolic,
      boolean adverseReaction,
      boolean hardToControl,
      boolean complication,
      String previous,
      String actionZh,
      String actionEn) {
    double glucose = systolic >= 150 ? 8.0 : 6.0;
    VisitInput visit =
        clinic(systolic, 85, glucose)
            .adverseReaction(adverseReaction)
            .adverseReactionHardToControl(hardToControl)
            .newOrWorseComplication(complication)
            .build();

    Assessment assessment = BPHS.assess(disease, patientAged(50), visit, previous(previous));

    assertThat(assessment.recommendedActionZh()).isEqualTo(actionZh);
    assertThat(assessment.recommendedActionEn()).isEqualTo(actionEn);
  }

  @Test
  void assess_controlledVisit_recordsRuleSetAgeAndControl() {
    Assessment assessment =
        BPHS.assess(Disease.HYPERTENSION, patientAged(67), controlledClinic().build(), null);

    assertThat(assessment.ruleSetId()).isEqualTo("bphs-2017");
    assertThat(assessment.disease()).isEqualTo(Disease.HYPERTENSION);
    assertThat(assessment.visitDate()).isEqualTo(VISIT_DATE);
    assertThat(assessment.ageAtVisit()).isEqualTo(67);
    assertThat(assessment.bphsControlled()).isTrue();
    assertThat(assessment.clinicalTargetMet()).isNull();
    assertThat(assessment.dangerSigns()).isEmpty();
  }

  @Test
  void assess_previousVisitAfterThisVisit_throws() {
    PreviousVisit later =
        PreviousVisit.of(VISIT_DATE.plusDays(1), Classification.UNCONTROLLED, false);

    assertThatThrownBy(
            () ->
                BPHS.assess(
                    Disease.HYPERTENSION, patientAged(50), controlledClinic().build(), later))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-06-17");
  }

  @Test
  void assess_visitBeforeBirth_throws() {
    PatientContext unborn = PatientContext.newBuilder().birthDate(VISIT_DATE.plusDays(1)).build();

    assertThatThrownBy(
            () -> BPHS.assess(Disease.HYPERTENSION, unborn, controlledClinic().build(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assess_nullArguments_throwNamedNpe() {
    VisitInput visit = controlledClinic().build();
    PatientContext patient = patientAged(50);

    assertThatThrownBy(() -> BPHS.assess(null, patient, visit, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("disease == null");
    assertThatThrownBy(() -> BPHS.assess(Disease.DIABETES, null, visit, null))
        .hasMessage("patient == null");
    assertThatThrownBy(() -> BPHS.assess(Disease.DIABETES, patient, null, null))
        .hasMessage("visit == null");
    assertThatThrownBy(() -> new Assessor(null)).hasMessage("ruleSet == null");
  }
}
