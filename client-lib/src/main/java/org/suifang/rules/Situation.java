package org.suifang.rules;

/**
 * The rows of the classification table (domain.md §3) below the danger-sign row, each with its
 * classification, next step, interval and recommended action. Package-private: the public result is
 * the {@link Assessment}.
 */
enum Situation {
  COMPLICATION(Classification.COMPLICATION, NextStep.REFERRAL),
  ADVERSE_REACTION_HARD_TO_CONTROL(Classification.ADVERSE_REACTION, NextStep.REFERRAL),
  ADVERSE_REACTION_FIRST(Classification.ADVERSE_REACTION, NextStep.FIRST_UNCONTROLLED_RECHECK),
  UNCONTROLLED_CONSECUTIVE(Classification.UNCONTROLLED, NextStep.REFERRAL),
  UNCONTROLLED_FIRST(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK),
  CONTROLLED(Classification.CONTROLLED, NextStep.ROUTINE);

  final Classification classification;
  final NextStep nextStep;

  Situation(Classification classification, NextStep nextStep) {
    this.classification = classification;
    this.nextStep = nextStep;
  }

  int intervalDays(RuleSet ruleSet) {
    switch (this) {
      case COMPLICATION:
      case ADVERSE_REACTION_HARD_TO_CONTROL:
      case UNCONTROLLED_CONSECUTIVE:
        return ruleSet.referralFollowUpDays();
      case ADVERSE_REACTION_FIRST:
        return ruleSet.adverseReactionRecheckDays();
      case UNCONTROLLED_FIRST:
        return ruleSet.firstUncontrolledRecheckDays();
      case CONTROLLED:
        return ruleSet.routineFollowUpDays();
      default:
        throw new AssertionError(this);
    }
  }
}
