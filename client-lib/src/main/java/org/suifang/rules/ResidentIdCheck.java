package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the outcome of {@link ResidentId#check}: either the parsed {@link ResidentId} or the {@link
 * ResidentIdError} that explains why the input is not valid. {@link #code()} is one of {@code
 * "FORMAT"}, {@code "CHECK_DIGIT"}, {@code "BIRTH_DATE_INVALID"}, {@code "BIRTH_DATE_IN_FUTURE"}.
 */
public final class ResidentIdCheck extends CheckOutcome<ResidentId, ResidentIdError> {

  private ResidentIdCheck(@Nullable ResidentId residentId, @Nullable ResidentIdError error) {
    super(residentId, error);
  }

  static ResidentIdCheck valid(ResidentId residentId) {
    return new ResidentIdCheck(Objects.requireNonNull(residentId, "residentId == null"), null);
  }

  static ResidentIdCheck invalid(ResidentIdError error) {
    return new ResidentIdCheck(null, Objects.requireNonNull(error, "error == null"));
  }

  /** Returns the parsed ID number, or null if invalid. */
  @Nullable
  public ResidentId residentId() {
    return value();
  }
}
