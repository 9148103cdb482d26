package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Advisory clinical treatment targets from a clinical guideline, used only for {@link
 * Assessment#clinicalTargetMet()}; they never change the BPHS classification, the next step or the
 * control-rate indicator (domain.md §1.8 design rule).
 *
 * <p>Hypertension: patients younger than {@link #htnOlderAge()} must be below {@link
 * #htnSystolicBelow()}/{@link #htnDiastolicBelow()}, older patients below {@link
 * #htnOlderSystolicBelow()}/{@link #htnOlderDiastolicBelow()}. Diabetes: fasting glucose inside
 * {@link #dmFastingGlucoseRange()} (inclusive) and, when blood pressure was measured, below {@link
 * #dmSystolicBelow()}/{@link #dmDiastolicBelow()}.
 */
public final class ClinicalTargets {
  private final String description;
  private final int htnOlderAge;
  private final int htnSystolicBelow;
  private final int htnDiastolicBelow;
  private final int htnOlderSystolicBelow;
  private final int htnOlderDiastolicBelow;
  private final ValueRange dmFastingGlucoseRange;
  private final int dmSystolicBelow;
  private final int dmDiastolicBelow;

  private ClinicalTargets(Builder builder) {
    this.description = Objects.requireNonNull(builder.description, "description == null");
    this.htnOlderAge = required(builder.htnOlderAge, "htnOlderAge");
    this.htnSystolicBelow = required(builder.htnSystolicBelow, "htnSystolicBelow");
    this.htnDiastolicBelow = required(builder.htnDiastolicBelow, "htnDiastolicBelow");
    this.htnOlderSystolicBelow = required(builder.htnOlderSystolicBelow, "htnOlderSystolicBelow");
    this.htnOlderDiastolicBelow =
        required(builder.htnOlderDiastolicBelow, "htnOlderDiastolicBelow");
    this.dmFastingGlucoseRange =
        Objects.requireNonNull(builder.dmFastingGlucoseRange, "dmFastingGlucoseRange == null");
    this.dmSystolicBelow = required(builder.dmSystolicBelow, "dmSystolicBelow");
    this.dmDiastolicBelow = required(builder.dmDiastolicBelow, "dmDiastolicBelow");
  }

  private static int required(@Nullable Integer value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }

  /** Creates an empty builder; every value must be set before {@link Builder#build()}. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised with this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns a human-readable description of the guideline(s), e.g. "基层高血压指南2025 …". */
  public String description() {
    return description;
  }

  /** Returns the age (full years) from which the older hypertension target applies (80). */
  public int htnOlderAge() {
    return htnOlderAge;
  }

  /**
   * Returns the systolic target for patients younger than {@link #htnOlderAge()} (SBP &lt; 130).
   */
  public int htnSystolicBelow() {
    return htnSystolicBelow;
  }

  /**
   * Returns the diastolic target for patients younger than {@link #htnOlderAge()} (DBP &lt; 80).
   */
  public int htnDiastolicBelow() {
    return htnDiastolicBelow;
  }

  /** Returns the systolic target from {@link #htnOlderAge()} on (SBP &lt; 150). */
  public int htnOlderSystolicBelow() {
    return htnOlderSystolicBelow;
  }

  /** Returns the diastolic target from {@link #htnOlderAge()} on (DBP &lt; 90). */
  public int htnOlderDiastolicBelow() {
    return htnOlderDiastolicBelow;
  }

  /** Returns the inclusive fasting-glucose target range for diabetes (4.4–7.0 mmol/L). */
  public ValueRange dmFastingGlucoseRange() {
    return dmFastingGlucoseRange;
  }

  /** Returns the systolic target for diabetes patients (SBP &lt; 130). */
  public int dmSystolicBelow() {
    return dmSystolicBelow;
  }

  /** Returns the diastolic target for diabetes patients (DBP &lt; 80). */
  public int dmDiastolicBelow() {
    return dmDiastolicBelow;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClinicalTargets)) {
      return false;
    }
    ClinicalTargets that = (ClinicalTargets) o;
    return description.equals(that.description)
        && htnOlderAge == that.htnOlderAge
        && htnSystolicBelow == that.htnSystolicBelow
        && htnDiastolicBelow == that.htnDiastolicBelow
        && htnOlderSystolicBelow == that.htnOlderSystolicBelow
        && htnOlderDiastolicBelow == that.htnOlderDiastolicBelow
        && dmFastingGlucoseRange.equals(that.dmFastingGlucoseRange)
        && dmSystolicBelow == that.dmSystolicBelow
        && dmDiastolicBelow == that.dmDiastolicBelow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        description,
        htnOlderAge,
        htnSystolicBelow,
        htnDiastolicBelow,
        htnOlderSystolicBelow,
        htnOlderDiastolicBelow,
        dmFastingGlucoseRange,
        dmSystolicBelow,
        dmDiastolicBelow);
  }

  @Override
  public String toString() {
    return "ClinicalTargets{description="
        + description
        + ", htn: age<"
        + htnOlderAge
        + " <"
        + htnSystolicBelow
        + "/"
        + htnDiastolicBelow
        + ", age>="
        + htnOlderAge
        + " <"
        + htnOlderSystolicBelow
        + "/"
        + htnOlderDiastolicBelow
        + ", dm: FPG "
        + dmFastingGlucoseRange
        + ", BP <"
        + dmSystolicBelow
        + "/"
        + dmDiastolicBelow
        + "}";
  }

  /** Builds {@link ClinicalTargets}; not thread-safe. */
  public static final class Builder {
    @Nullable private String description;
    @Nullable private Integer htnOlderAge;
    @Nullable private Integer htnSystolicBelow;
    @Nullable private Integer htnDiastolicBelow;
    @Nullable private Integer htnOlderSystolicBelow;
    @Nullable private Integer htnOlderDiastolicBelow;
    @Nullable private ValueRange dmFastingGlucoseRange;
    @Nullable private Integer dmSystolicBelow;
    @Nullable private Integer dmDiastolicBelow;

    private Builder() {}

    private Builder(ClinicalTargets source) {
      description = source.description;
      htnOlderAge = source.htnOlderAge;
      htnSystolicBelow = source.htnSystolicBelow;
      htnDiastolicBelow = source.htnDiastolicBelow;
      htnOlderSystolicBelow = source.htnOlderSystolicBelow;
      htnOlderDiastolicBelow = source.htnOlderDiastolicBelow;
      dmFastingGlucoseRange = source.dmFastingGlucoseRange;
      dmSystolicBelow = source.dmSystolicBelow;
      dmDiastolicBelow = source.dmDiastolicBelow;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /** Sets the age from which the older hypertension target applies. */
    public Builder htnOlderAge(int htnOlderAge) {
      this.htnOlderAge = htnOlderAge;
      return this;
    }

    /** Sets the systolic target (exclusive) below {@code htnOlderAge}. */
    public Builder htnSystolicBelow(int htnSystolicBelow) {
      this.htnSystolicBelow = htnSystolicBelow;
      return this;
    }

    /** Sets the diastolic target (exclusive) below {@code htnOlderAge}. */
    public Builder htnDiastolicBelow(int htnDiastolicBelow) {
      this.htnDiastolicBelow = htnDiastolicBelow;
      return this;
    }

    /** Sets the systolic target (exclusive) from {@code htnOlderAge} on. */
    public Builder htnOlderSystolicBelow(int htnOlderSystolicBelow) {
      this.htnOlderSystolicBelow = htnOlderSystolicBelow;
      return this;
    }

    /** Sets the diastolic target (exclusive) from {@code htnOlderAge} on. */
    public Builder htnOlderDiastolicBelow(int htnOlderDiastolicBelow) {
      this.htnOlderDiastolicBelow = htnOlderDiastolicBelow;
      return this;
    }

    /** Sets the inclusive diabetes fasting-glucose target range. */
    public Builder dmFastingGlucoseRange(ValueRange dmFastingGlucoseRange) {
      this.dmFastingGlucoseRange =
          Objects.requireNonNull(dmFastingGlucoseRange, "dmFastingGlucoseRange == null");
      return this;
    }

    /** Sets the diabetes systolic target (exclusive). */
    public Builder dmSystolicBelow(int dmSystolicBelow) {
      this.dmSystolicBelow = dmSystolicBelow;
      return this;
    }

    /** Sets the diabetes diastolic target (exclusive). */
    public Builder dmDiastolicBelow(int dmDiastolicBelow) {
      this.dmDiastolicBelow = dmDiastolicBelow;
      return this;
    }

    /**
     * Creates the targets.
     *
     * @throws IllegalStateException if a value is not set
     */
    public ClinicalTargets build() {
      if (description == null) {
        throw new IllegalStateException("description is not set");
      }
      if (dmFastingGlucoseRange == null) {
        throw new IllegalStateException("dmFastingGlucoseRange is not set");
      }
      return new ClinicalTargets(this);
    }
  }
}
