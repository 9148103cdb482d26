package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.VISIT_DATE;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.patientAged;
import static org.suifang.rules.VisitSamples.phone;
import static org.suifang.rules.VisitSamples.previous;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates come from the rule set's intervals: 14 or 90 days by default, configurable. */
class AssessorDueDateTest {

  /** Every interval differs, so each row shows which interval it used. */
  private static final RuleSet DISTINCT_INTERVALS =
      RuleSets.BPHS_2017.toBuilder()
          .id("distinct-intervals")
          .urgentReferralFollowUpDays(3)
          .firstUncontrolledRecheckDays(10)
          .adverseReactionRecheckDays(12)
          .referralFollowUpDays(21)
          .routineFollowUpDays(60)
          .phoneVisitFollowUpDays(5)
          .build();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    // case, mode, SBP, ADR, ADR hard to control, complication, danger sign, previous visit,
    // days under BPHS_2017, days under DISTINCT_INTERVALS
    "controlled,                     CLINIC, 130, false, false, false, false, NONE,         90, 60",
    "first uncontrolled,             CLINIC, 150, false, false, false, false, NONE,         14, 10",
    "second uncontrolled,            CLINIC, 150, false, false, false, false, UNCONTROLLED, 14, 21",
    "first ADR,                      CLINIC, 130, true,  false, false, false, NONE,         14, 12",
    "first ADR + first uncontrolled, CLINIC, 150, true,  false, false, false, NONE,         14, 10",
    "ADR hard to control,            CLINIC, 130, true,  true,  false, false, NONE,         14, 21",
    "complication,                   CLINIC, 130, false, false, true,  false, NONE,         14, 21",
    "complication + first ADR,       CLINIC, 130, true,  false, true,  false, NONE,         14, 12",
    "danger sign,                    CLINIC, 130, false, false, false, true,  NONE,         14, 3",
    "danger sign + complication,     CLINIC, 130, false, false, true,  true,  NONE,         14, 3",
    "phone visit,                    PHONE,     , false, false, false, false, NONE,         14, 5",
    "phone visit after uncontrolled, PHONE,     , false, false, false, false, UNCONTROLLED, 14, 5",
    "phone visit + first ADR,        PHONE,     , true,  false, false, false, NONE,         14, 12",
    "phone visit + danger sign,      PHONE,     , false, false, false, true,  NONE,         14, 3",
  })
  void assess_situation_dueAfterTheRuleSetsInterval(
      String description,
      VisitMode mode,
      Integer systolic,
      boolean adverseReaction,
      boolean hardToControl,
      boolean complication,
      boolean danger,
      String previous,
      int defaultDays,
      int distinctDays) {
    VisitInput.Builder builder = mode == VisitMode.PHONE ? phone() : clinic(systolic, 80, null);
    VisitInput visit =
        builder
            .adverseReaction(adverseReaction)
            .adverseReactionHardToControl(hardToControl)
            .newOrWorseComplication(complication)
            .reportedDangerSigns(
                danger ? new DangerSign[] {DangerSign.ALTERED_CONSCIOUSNESS} : new DangerSign[0])
            .build();

    Assessment byDefault =
        new Assessor(RuleSets.BPHS_2017)
            .assess(Disease.HYPERTENSION, patientAged(50), visit, previous(previous));
    Assessment distinct =
        new Assessor(DISTINCT_INTERVALS)
            .assess(Disease.HYPERTENSION, patientAged(50), visit, previous(previous));

    assertThat(byDefault.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(defaultDays));
    assertThat(distinct.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(distinctDays));
  }

  @ParameterizedTest(name = "[{index}] {0} days")
  @CsvSource({
    "14, 2周, 2 weeks",
    "7,  1周, 1 week",
    "90, 90天, 90 days",
    "1,  1天, 1 day",
  })
  void assess_configuredInterval_appearsInTheAction(int days, String zh, String en) {
    RuleSet ruleSet = RuleSets.BPHS_2017.toBuilder().id("custom").routineFollowUpDays(days).build();

    Assessment assessment =
        new Assessor(ruleSet)
            .assess(Disease.HYPERTENSION, patientAged(50), clinic(120, 70, null).build(), null);

    assertThat(assessment.nextDueDate()).isEqualTo(VISIT_DATE.plusDays(days));
    assertThat(assessment.recommendedActionZh()).contains("（" + zh + "内）");
    assertThat(assessment.recommendedActionEn()).endsWith("within " + en);
  }
}
