package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.suifang.rules.RuleSet;
import org.suifang.rules.RuleSets;

/** The rule set the server assesses with, from the settings; plain constructors, no context. */
class RulesFactoryTest {

  private final RulesFactory factory = new RulesFactory();

  @Test
  void ruleSet_defaults_isTheBuiltInBphs2017() {
    RuleSet ruleSet = factory.ruleSet(new RulesConfiguration("bphs-2017", true));

    assertThat(ruleSet).isSameAs(RuleSets.BPHS_2017);
  }

  @Test
  void ruleSet_elderlySplitOff_derivedRuleSetWithItsOwnId() {
    RuleSet ruleSet = factory.ruleSet(new RulesConfiguration("bphs-2017", false));

    assertThat(ruleSet.id()).isEqualTo("bphs-2017+no-age-split");
    assertThat(ruleSet.elderlySplitEnabled()).isFalse();
    assertThat(ruleSet.htnControlledSystolicBelow()).isEqualTo(RuleSets.BPHS_2017.htnControlledSystolicBelow());
    assertThat(ruleSet.id().length()).isLessThanOrEqualTo(40);
  }

  @Test
  void ruleSet_otherBuiltInSetById() {
    assertThat(factory.ruleSet(new RulesConfiguration("bphs-2017+guideline-2025", true)).id())
        .isEqualTo("bphs-2017+guideline-2025");
    assertThatThrownBy(() -> factory.ruleSet(new RulesConfiguration("no-such-set", true)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
