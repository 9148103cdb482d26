package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the outcome of {@link HealthRecordNumber#check}: either the parsed {@link
 * HealthRecordNumber} or the {@link HealthRecordNumberError} that explains why the input is not
 * valid. {@link #code()} is the error's name, e.g. {@code "FORMAT"} or {@code "VILLAGE_SEGMENT"}.
 */
public final class HealthRecordNumberCheck
    extends CheckOutcome<HealthRecordNumber, HealthRecordNumberError> {

  private HealthRecordNumberCheck(
      @Nullable HealthRecordNumber healthRecordNumber, @Nullable HealthRecordNumberError error) {
    super(healthRecordNumber, error);
  }

  static HealthRecordNumberCheck valid(HealthRecordNumber healthRecordNumber) {
    return new HealthRecordNumberCheck(
        Objects.requireNonNull(healthRecordNumber, "healthRecordNumber == null"), null);
  }

  static HealthRecordNumberCheck invalid(HealthRecordNumberError error) {
    return new HealthRecordNumberCheck(null, Objects.requireNonNull(error, "error == null"));
  }

  /** Returns the parsed health record number, or null if invalid. */
  @Nullable
  public HealthRecordNumber healthRecordNumber() {
    return value();
  }
}
