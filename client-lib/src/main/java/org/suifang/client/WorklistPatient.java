package org.suifang.client;

import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Sex;

/** The patient of a worklist entry: who to contact and where. Immutable. */
public final class WorklistPatient {
  private final UUID id;
  private final String name;
  private final Sex sex;
  private final int age;
  @Nullable private final String phone;

  @Nullable private final String address;

  private final String villageCode;
  private final ManagementStatus status;

  private WorklistPatient(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.name = Objects.requireNonNull(b.name, "name == null");
    this.sex = Objects.requireNonNull(b.sex, "sex == null");
    this.age = b.age;
    this.phone = b.phone;
    this.address = b.address;
    this.villageCode = Objects.requireNonNull(b.villageCode, "villageCode == null");
    this.status = Objects.requireNonNull(b.status, "status == null");
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the patient id. */
  public UUID id() {
    return id;
  }

  /** Returns the name. */
  public String name() {
    return name;
  }

  /** Returns the sex. */
  public Sex sex() {
    return sex;
  }

  /** Returns the age in whole years on the worklist's reference date. */
  public int age() {
    return age;
  }

  /** Returns the phone number, or null. */
  @Nullable
  public String phone() {
    return phone;
  }

  /** Returns the address, or null. */
  @Nullable
  public String address() {
    return address;
  }

  /** Returns the village code. */
  public String villageCode() {
    return villageCode;
  }

  /** Returns ACTIVE, or LOST_TO_FOLLOW_UP (only on the overdue list). */
  public ManagementStatus status() {
    return status;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof WorklistPatient)) {
      return false;
    }
    WorklistPatient that = (WorklistPatient) o;
    return Objects.equals(id, that.id)
        && Objects.equals(name, that.name)
        && Objects.equals(sex, that.sex)
        && age == that.age
        && Objects.equals(phone, that.phone)
        && Objects.equals(address, that.address)
        && Objects.equals(villageCode, that.villageCode)
        && Objects.equals(status, that.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, sex, age, phone, address, villageCode, status);
  }

  @Override
  public String toString() {
    return "WorklistPatient{"
        + "id="
        + id
        + ", name="
        + name
        + ", sex="
        + sex
        + ", age="
        + age
        + ", phone="
        + phone
        + ", address="
        + address
        + ", villageCode="
        + villageCode
        + ", status="
        + status
        + "}";
  }

  /** Builds a {@link WorklistPatient}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private String name;
    @Nullable private Sex sex;
    private int age;
    @Nullable private String phone;
    @Nullable private String address;
    @Nullable private String villageCode;
    @Nullable private ManagementStatus status;

    private Builder() {}

    private Builder(WorklistPatient source) {
      id = source.id;
      name = source.name;
      sex = source.sex;
      age = source.age;
      phone = source.phone;
      address = source.address;
      villageCode = source.villageCode;
      status = source.status;
    }

    /** Sets the patient id (required). */
    public Builder id(UUID id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the name (required). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the sex (required). */
    public Builder sex(Sex sex) {
      this.sex = Objects.requireNonNull(sex, "sex == null");
      return this;
    }

    /** Sets the age in whole years on the worklist's reference date. */
    public Builder age(int age) {
      this.age = age;
      return this;
    }

    /** Sets the phone number. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the address. */
    public Builder address(@Nullable String address) {
      this.address = address;
      return this;
    }

    /** Sets the village code (required). */
    public Builder villageCode(String villageCode) {
      this.villageCode = Objects.requireNonNull(villageCode, "villageCode == null");
      return this;
    }

    /** Sets ACTIVE, or LOST_TO_FOLLOW_UP (only on the overdue list) (required). */
    public Builder status(ManagementStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /**
     * Returns the worklistPatient.
     *
     * @throws NullPointerException if a required value is missing
     */
    public WorklistPatient build() {
      return new WorklistPatient(this);
    }
  }
}
