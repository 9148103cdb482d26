package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the outcome of {@link ResidentId#check}: either the parsed {@link ResidentId} or the {@link
 * ResidentIdError} that explains why the input is not valid.
 */
public final class ResidentIdCheck {
  @Nullable private final ResidentId residentId;
  @Nullable private final ResidentIdError error;

  private ResidentIdCheck(@Nullable ResidentId residentId, @Nullable ResidentIdError error) {
    this.residentId = residentId;
    this.error = error;
  }

  static ResidentIdCheck valid(ResidentId residentId) {
    return new ResidentIdCheck(Objects.requireNonNull(residentId, "residentId == null"), null);
  }

  static ResidentIdCheck invalid(ResidentIdError error) {
    return new ResidentIdCheck(null, Objects.requireNonNull(error, "error == null"));
  }

  /** Returns whether the input is a valid ID number. */
  public boolean isValid() {
    return residentId != null;
  }

  /** Returns the parsed ID number, or null if invalid. */
  @Nullable
  public ResidentId residentId() {
    return residentId;
  }

  /** Returns the error, or null if valid. */
  @Nullable
  public ResidentIdError error() {
    return error;
  }

  /**
   * Returns the stable error code ({@code "FORMAT"}, {@code "CHECK_DIGIT"}, …), or null if valid.
   */
  @Nullable
  public String code() {
    return error == null ? null : error.name();
  }

  /** Returns the Chinese error message, or null if valid. */
  @Nullable
  public String messageZh() {
    return error == null ? null : error.messageZh();
  }

  /** Returns the English error message, or null if valid. */
  @Nullable
  public String messageEn() {
    return error == null ? null : error.messageEn();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResidentIdCheck)) {
      return false;
    }
    ResidentIdCheck that = (ResidentIdCheck) o;
    return Objects.equals(residentId, that.residentId) && error == that.error;
  }

  @Override
  public int hashCode() {
    return Objects.hash(residentId, error);
  }

  @Override
  public String toString() {
    return isValid()
        ? "ResidentIdCheck{valid " + residentId + "}"
        : "ResidentIdCheck{" + error + "}";
  }
}
