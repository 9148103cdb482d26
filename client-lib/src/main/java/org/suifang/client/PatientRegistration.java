package org.suifang.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;

/**
 * A new patient, as {@code POST /api/v1/patients} takes it (without the id, which {@link
 * Patients#register} makes). Sex and birth date may be left out when the resident ID number is
 * given; at least one condition is required. Checked when registered, not when built. Immutable.
 */
public final class PatientRegistration {
  @Nullable private final String name;
  @Nullable private final Sex sex;
  @Nullable private final LocalDate birthDate;
  @Nullable private final String residentId;
  @Nullable private final String phone;
  @Nullable private final String villageCode;
  @Nullable private final String address;
  @Nullable private final String healthRecordNumber;
  @Nullable private final BigDecimal heightCm;
  private final List<Condition> conditions;

  private PatientRegistration(Builder b) {
    name = b.name;
    sex = b.sex;
    birthDate = b.birthDate;
    residentId = b.residentId;
    phone = b.phone;
    villageCode = b.villageCode;
    address = b.address;
    healthRecordNumber = b.healthRecordNumber;
    heightCm = b.heightCm;
    conditions = Collections.unmodifiableList(new ArrayList<>(b.conditions));
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns the name (required, at most 50 characters), or null. */
  @Nullable
  public String name() {
    return name;
  }

  /** Returns the sex, or null to take it from the resident ID number. */
  @Nullable
  public Sex sex() {
    return sex;
  }

  /** Returns the birth date, or null to take it from the resident ID number. */
  @Nullable
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Returns the resident ID number (18 characters, or a legacy 15), or null. */
  @Nullable
  public String residentId() {
    return residentId;
  }

  /** Returns the phone number, or null. */
  @Nullable
  public String phone() {
    return phone;
  }

  /** Returns the 12-digit village code (required), or null. */
  @Nullable
  public String villageCode() {
    return villageCode;
  }

  /** Returns the address, or null. */
  @Nullable
  public String address() {
    return address;
  }

  /** Returns the 17-digit health-record number, or null. */
  @Nullable
  public String healthRecordNumber() {
    return healthRecordNumber;
  }

  /** Returns the height in cm (50-250, one decimal), or null. */
  @Nullable
  public BigDecimal heightCm() {
    return heightCm;
  }

  /** Returns the conditions (unmodifiable). */
  public List<Condition> conditions() {
    return conditions;
  }

  @Override
  public String toString() {
    return "PatientRegistration{" + name + ", " + villageCode + ", " + conditions + "}";
  }

  /** Builds a {@link PatientRegistration}; not thread-safe. */
  public static final class Builder {
    @Nullable private String name;
    @Nullable private Sex sex;
    @Nullable private LocalDate birthDate;
    @Nullable private String residentId;
    @Nullable private String phone;
    @Nullable private String villageCode;
    @Nullable private String address;
    @Nullable private String healthRecordNumber;
    @Nullable private BigDecimal heightCm;
    private final List<Condition> conditions = new ArrayList<>();

    private Builder() {}

    /** Sets the name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets the sex. */
    public Builder sex(@Nullable Sex sex) {
      this.sex = sex;
      return this;
    }

    /** Sets the birth date. */
    public Builder birthDate(@Nullable LocalDate birthDate) {
      this.birthDate = birthDate;
      return this;
    }

    /** Sets the resident ID number. */
    public Builder residentId(@Nullable String residentId) {
      this.residentId = residentId;
      return this;
    }

    /** Sets the phone number. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the village code. */
    public Builder villageCode(@Nullable String villageCode) {
      this.villageCode = villageCode;
      return this;
    }

    /** Sets the address. */
    public Builder address(@Nullable String address) {
      this.address = address;
      return this;
    }

    /** Sets the health-record number. */
    public Builder healthRecordNumber(@Nullable String healthRecordNumber) {
      this.healthRecordNumber = healthRecordNumber;
      return this;
    }

    /** Sets the height in cm. */
    public Builder heightCm(@Nullable BigDecimal heightCm) {
      this.heightCm = heightCm;
      return this;
    }

    /** Adds a condition. */
    public Builder condition(Disease disease, LocalDate diagnosedOn) {
      conditions.add(Condition.of(disease, diagnosedOn));
      return this;
    }

    /** Replaces the conditions. */
    public Builder conditions(List<Condition> conditions) {
      Objects.requireNonNull(conditions, "conditions == null");
      this.conditions.clear();
      this.conditions.addAll(conditions);
      return this;
    }

    /** Returns the registration; never throws (it is checked when registered). */
    public PatientRegistration build() {
      return new PatientRegistration(this);
    }
  }
}
