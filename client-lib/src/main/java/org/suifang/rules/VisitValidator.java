package org.suifang.rules;

import java.time.LocalDate;
import java.util.Collections;

/** Validates a visit's values before it is saved: hard errors and soft warnings (domain.md §4.4). */
public final class VisitValidator {
  private VisitValidator() {}

  /** Validates {@code visit} for {@code disease} on {@code today}. */
  public static ValidationResult validate(
      RuleSet ruleSet, Disease disease, PatientContext patient, VisitInput visit, LocalDate today) {
    return ValidationResult.of(Collections.<Issue>emptyList(), Collections.<Issue>emptyList());
  }
}
