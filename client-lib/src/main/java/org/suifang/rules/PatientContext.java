package org.suifang.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the facts about a patient that the rules need: birth date (for the age split), sex, the
 * diseases under management and whether the patient is pregnant or breastfeeding at the visit.
 */
public final class PatientContext {
  private final LocalDate birthDate;
  @Nullable private final Sex sex;
  private final boolean hasHypertension;
  private final boolean hasDiabetes;
  private final boolean pregnantOrBreastfeeding;

  private PatientContext(Builder builder) {
    this.birthDate = Objects.requireNonNull(builder.birthDate, "birthDate == null");
    this.sex = builder.sex;
    this.hasHypertension = builder.hasHypertension;
    this.hasDiabetes = builder.hasDiabetes;
    this.pregnantOrBreastfeeding = builder.pregnantOrBreastfeeding;
  }

  /** Creates a builder; {@link Builder#birthDate} is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised with this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the date of birth. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Returns the sex, or null if unknown. */
  @Nullable
  public Sex sex() {
    return sex;
  }

  /** Returns whether the patient is managed for hypertension. */
  public boolean hasHypertension() {
    return hasHypertension;
  }

  /** Returns whether the patient is managed for type 2 diabetes. */
  public boolean hasDiabetes() {
    return hasDiabetes;
  }

  /** Returns whether the patient is pregnant or breastfeeding (妊娠期或哺乳期) at the visit. */
  public boolean pregnantOrBreastfeeding() {
    return pregnantOrBreastfeeding;
  }

  /**
   * Returns the age in full years (周岁) on {@code date}: the number of birthdays passed, counting a
   * birthday on {@code date} itself. A 29 February birthday is reached on 1 March in common years
   * ({@link Period#between} semantics).
   *
   * @throws IllegalArgumentException if {@code date} is before the birth date
   */
  public int ageOn(LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    if (date.isBefore(birthDate)) {
      throw new IllegalArgumentException("date " + date + " is before the birth date " + birthDate);
    }
    return Period.between(birthDate, date).getYears();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PatientContext)) {
      return false;
    }
    PatientContext that = (PatientContext) o;
    return birthDate.equals(that.birthDate)
        && sex == that.sex
        && hasHypertension == that.hasHypertension
        && hasDiabetes == that.hasDiabetes
        && pregnantOrBreastfeeding == that.pregnantOrBreastfeeding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(birthDate, sex, hasHypertension, hasDiabetes, pregnantOrBreastfeeding);
  }

  @Override
  public String toString() {
    return "PatientContext{birthDate="
        + birthDate
        + ", sex="
        + sex
        + ", hasHypertension="
        + hasHypertension
        + ", hasDiabetes="
        + hasDiabetes
        + ", pregnantOrBreastfeeding="
        + pregnantOrBreastfeeding
        + "}";
  }

  /** Builds a {@link PatientContext}; not thread-safe. */
  public static final class Builder {
    @Nullable private LocalDate birthDate;
    @Nullable private Sex sex;
    private boolean hasHypertension;
    private boolean hasDiabetes;
    private boolean pregnantOrBreastfeeding;

    private Builder() {}

    private Builder(PatientContext source) {
      birthDate = source.birthDate;
      sex = source.sex;
      hasHypertension = source.hasHypertension;
      hasDiabetes = source.hasDiabetes;
      pregnantOrBreastfeeding = source.pregnantOrBreastfeeding;
    }

    /** Sets the date of birth (required). */
    public Builder birthDate(LocalDate birthDate) {
      this.birthDate = Objects.requireNonNull(birthDate, "birthDate == null");
      return this;
    }

    /** Sets the sex, or null if unknown. */
    public Builder sex(@Nullable Sex sex) {
      this.sex = sex;
      return this;
    }

    /** Sets whether the patient is managed for hypertension. */
    public Builder hasHypertension(boolean hasHypertension) {
      this.hasHypertension = hasHypertension;
      return this;
    }

    /** Sets whether the patient is managed for type 2 diabetes. */
    public Builder hasDiabetes(boolean hasDiabetes) {
      this.hasDiabetes = hasDiabetes;
      return this;
    }

    /** Sets whether the patient is pregnant or breastfeeding at the visit. */
    public Builder pregnantOrBreastfeeding(boolean pregnantOrBreastfeeding) {
      this.pregnantOrBreastfeeding = pregnantOrBreastfeeding;
      return this;
    }

    /**
     * Creates the context.
     *
     * @throws NullPointerException if the birth date is not set
     */
    public PatientContext build() {
      return new PatientContext(this);
    }
  }
}
