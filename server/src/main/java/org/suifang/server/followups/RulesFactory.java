package org.suifang.server.followups;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.suifang.rules.Assessor;
import org.suifang.rules.RuleSet;
import org.suifang.rules.RuleSets;

/** Provides the configured {@link RuleSet} and its {@link Assessor} as beans. */
@Factory
class RulesFactory {

  /** Suffix of the id of a rule set whose age split was switched off by configuration. */
  static final String NO_AGE_SPLIT = "+no-age-split";
  /** Suffix of the id of a rule set whose age split was switched on by configuration. */
  static final String AGE_SPLIT = "+age-split";

  /**
   * Returns the built-in rule set named by {@code suifang.rules.rule-set-id}. When {@code
   * elderly-split} differs from that rule set's own setting, returns a derived rule set whose id
   * carries a suffix, so every stored assessment names the thresholds that really produced it.
   */
  @Singleton
  RuleSet ruleSet(RulesConfiguration configuration) {
    RuleSet base = RuleSets.byId(configuration.ruleSetId());
    if (base.elderlySplitEnabled() == configuration.elderlySplit()) {
      return base;
    }
    return base.toBuilder()
        .id(base.id() + (configuration.elderlySplit() ? AGE_SPLIT : NO_AGE_SPLIT))
        .elderlySplitEnabled(configuration.elderlySplit())
        .build();
  }

  @Singleton
  Assessor assessor(RuleSet ruleSet) {
    return new Assessor(ruleSet);
  }
}
