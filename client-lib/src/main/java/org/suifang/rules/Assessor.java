package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Assesses one follow-up visit for one disease under a {@link RuleSet}: danger signs, urgent
 * referral, classification, next step, recommended action and next due date (domain.md §3).
 * Stateless and thread-safe.
 */
public final class Assessor {
  private final RuleSet ruleSet;

  /** Creates an assessor that applies {@code ruleSet}. */
  public Assessor(RuleSet ruleSet) {
    this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet == null");
  }

  /** Returns the rule set this assessor applies. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * Assesses {@code visit} for {@code disease}.
   *
   * @param previous the previous face-to-face visit for the same disease, or null if none
   */
  public Assessment assess(
      Disease disease, PatientContext patient, VisitInput visit, @Nullable PreviousVisit previous) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
