package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;
import org.suifang.rules.Disease;

/**
 * A managed condition: hypertension or type 2 diabetes with its diagnosis date. JSON names of the
 * server's {@code ConditionCommand}.
 */
public final class Condition {
  @Nullable
  @SerializedName("disease")
  private final Disease disease;

  @Nullable
  @SerializedName("diagnosedOn")
  private final LocalDate diagnosedOn;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private Condition() {
    this.disease = null;
    this.diagnosedOn = null;
  }

  private Condition(Disease disease, LocalDate diagnosedOn) {
    this.disease = Objects.requireNonNull(disease, "disease == null");
    this.diagnosedOn = Objects.requireNonNull(diagnosedOn, "diagnosedOn == null");
  }

  /** Returns a condition; the date may not be in the future or before birth. */
  public static Condition of(Disease disease, LocalDate diagnosedOn) {
    return new Condition(disease, diagnosedOn);
  }

  /** Returns the disease. */
  public Disease disease() {
    return Objects.requireNonNull(disease, "disease");
  }

  /** Returns the diagnosis date. */
  public LocalDate diagnosedOn() {
    return Objects.requireNonNull(diagnosedOn, "diagnosedOn");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Condition)) {
      return false;
    }
    Condition that = (Condition) o;
    return disease == that.disease && Objects.equals(diagnosedOn, that.diagnosedOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(disease, diagnosedOn);
  }

  @Override
  public String toString() {
    return disease + " since " + diagnosedOn;
  }
}
