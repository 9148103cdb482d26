package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the outcome of {@link HealthRecordNumber#check}: either the parsed {@link
 * HealthRecordNumber} or the {@link HealthRecordNumberError} that explains why the input is not
 * valid.
 */
public final class HealthRecordNumberCheck {
  @Nullable private final HealthRecordNumber healthRecordNumber;
  @Nullable private final HealthRecordNumberError error;

  private HealthRecordNumberCheck(
      @Nullable HealthRecordNumber healthRecordNumber, @Nullable HealthRecordNumberError error) {
    this.healthRecordNumber = healthRecordNumber;
    this.error = error;
  }

  static HealthRecordNumberCheck valid(HealthRecordNumber healthRecordNumber) {
    return new HealthRecordNumberCheck(
        Objects.requireNonNull(healthRecordNumber, "healthRecordNumber == null"), null);
  }

  static HealthRecordNumberCheck invalid(HealthRecordNumberError error) {
    return new HealthRecordNumberCheck(null, Objects.requireNonNull(error, "error == null"));
  }

  /** Returns whether the input is a valid health record number. */
  public boolean isValid() {
    return healthRecordNumber != null;
  }

  /** Returns the parsed health record number, or null if invalid. */
  @Nullable
  public HealthRecordNumber healthRecordNumber() {
    return healthRecordNumber;
  }

  /** Returns the error, or null if valid. */
  @Nullable
  public HealthRecordNumberError error() {
    return error;
  }

  /**
   * Returns the stable error code ({@code "FORMAT"}, {@code "VILLAGE_SEGMENT"}, …), or null if
   * valid.
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
    if (!(o instanceof HealthRecordNumberCheck)) {
      return false;
    }
    HealthRecordNumberCheck that = (HealthRecordNumberCheck) o;
    return Objects.equals(healthRecordNumber, that.healthRecordNumber) && error == that.error;
  }

  @Override
  public int hashCode() {
    return Objects.hash(healthRecordNumber, error);
  }

  @Override
  public String toString() {
    return isValid()
        ? "HealthRecordNumberCheck{valid " + healthRecordNumber + "}"
        : "HealthRecordNumberCheck{" + error + "}";
  }
}
