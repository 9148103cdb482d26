package org.suifang.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Holds the outcome of {@link VisitValidator#validate}: errors, which block saving the visit, and
 * warnings, which the doctor confirms. Both lists are unmodifiable and in check order.
 */
public final class ValidationResult {
  private final List<Issue> errors;
  private final List<Issue> warnings;

  private ValidationResult(List<Issue> errors, List<Issue> warnings) {
    this.errors = errors;
    this.warnings = warnings;
  }

  /** Creates a result from copies of the given lists. */
  public static ValidationResult of(Collection<Issue> errors, Collection<Issue> warnings) {
    Objects.requireNonNull(errors, "errors == null");
    Objects.requireNonNull(warnings, "warnings == null");
    return new ValidationResult(
        Collections.unmodifiableList(new ArrayList<>(errors)),
        Collections.unmodifiableList(new ArrayList<>(warnings)));
  }

  /** Returns the hard errors (unmodifiable, possibly empty). */
  public List<Issue> errors() {
    return errors;
  }

  /** Returns the soft warnings (unmodifiable, possibly empty). */
  public List<Issue> warnings() {
    return warnings;
  }

  /** Returns whether there are no errors; warnings do not make a visit invalid. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ValidationResult)) {
      return false;
    }
    ValidationResult that = (ValidationResult) o;
    return errors.equals(that.errors) && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    return 31 * errors.hashCode() + warnings.hashCode();
  }

  @Override
  public String toString() {
    return "ValidationResult{errors=" + errors + ", warnings=" + warnings + "}";
  }
}
