package org.suifang.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;

/**
 * A patient as the device sees it: the server's copy with the doctor's changes that are not yet
 * confirmed laid over it (so a local edit is never hidden by a pull). Immutable.
 */
public final class Patient {
  private final UUID id;
  private final String name;
  private final Sex sex;
  private final LocalDate birthDate;
  @Nullable private final String residentId;

  @Nullable private final String phone;

  private final String villageCode;
  @Nullable private final String countyCode;

  @Nullable private final String address;

  @Nullable private final String healthRecordNumber;

  @Nullable private final BigDecimal heightCm;

  @Nullable private final LocalDate hypertensionDiagnosedOn;

  @Nullable private final LocalDate diabetesDiagnosedOn;

  private final PatientStatus status;
  @Nullable private final UUID createdBy;

  @Nullable private final Instant createdAt;

  @Nullable private final Instant updatedAt;

  private final RecordState syncState;

  private Patient(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.name = Objects.requireNonNull(b.name, "name == null");
    this.sex = Objects.requireNonNull(b.sex, "sex == null");
    this.birthDate = Objects.requireNonNull(b.birthDate, "birthDate == null");
    this.residentId = b.residentId;
    this.phone = b.phone;
    this.villageCode = Objects.requireNonNull(b.villageCode, "villageCode == null");
    this.countyCode = b.countyCode;
    this.address = b.address;
    this.healthRecordNumber = b.healthRecordNumber;
    this.heightCm = b.heightCm;
    this.hypertensionDiagnosedOn = b.hypertensionDiagnosedOn;
    this.diabetesDiagnosedOn = b.diabetesDiagnosedOn;
    this.status = Objects.requireNonNull(b.status, "status == null");
    this.createdBy = b.createdBy;
    this.createdAt = b.createdAt;
    this.updatedAt = b.updatedAt;
    this.syncState = Objects.requireNonNull(b.syncState, "syncState == null");
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id (a UUIDv7 made by the device that registered the patient). */
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

  /** Returns the birth date. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Returns the resident ID number, 18 characters upper-case, or null. */
  @Nullable
  public String residentId() {
    return residentId;
  }

  /** Returns the phone number, or null. */
  @Nullable
  public String phone() {
    return phone;
  }

  /** Returns the 12-digit code of the patient's village. */
  public String villageCode() {
    return villageCode;
  }

  /** Returns the county code, known once the server has the patient, or null. */
  @Nullable
  public String countyCode() {
    return countyCode;
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

  /** Returns the height in cm, or null. */
  @Nullable
  public BigDecimal heightCm() {
    return heightCm;
  }

  /** Returns the hypertension diagnosis date; null if not managed for hypertension, or null. */
  @Nullable
  public LocalDate hypertensionDiagnosedOn() {
    return hypertensionDiagnosedOn;
  }

  /** Returns the type 2 diabetes diagnosis date; null if not managed for diabetes, or null. */
  @Nullable
  public LocalDate diabetesDiagnosedOn() {
    return diabetesDiagnosedOn;
  }

  /** Returns the management status. */
  public PatientStatus status() {
    return status;
  }

  /** Returns the user who registered the patient, or null. */
  @Nullable
  public UUID createdBy() {
    return createdBy;
  }

  /** Returns when the patient was registered, or null. */
  @Nullable
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns when the server last changed the patient; null before the first sync, or null. */
  @Nullable
  public Instant updatedAt() {
    return updatedAt;
  }

  /** Returns whether local changes await the server. */
  public RecordState syncState() {
    return syncState;
  }

  /** Returns the managed conditions, hypertension first (unmodifiable). */
  public List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    if (hypertensionDiagnosedOn != null) {
      out.add(Condition.of(Disease.HYPERTENSION, hypertensionDiagnosedOn));
    }
    if (diabetesDiagnosedOn != null) {
      out.add(Condition.of(Disease.DIABETES, diabetesDiagnosedOn));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns whether the patient is managed for {@code disease}. */
  public boolean has(Disease disease) {
    return (disease == Disease.HYPERTENSION ? hypertensionDiagnosedOn : diabetesDiagnosedOn)
        != null;
  }

  /** Returns the age in completed years on {@code date}. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Patient)) {
      return false;
    }
    Patient that = (Patient) o;
    return Objects.equals(id, that.id)
        && Objects.equals(name, that.name)
        && Objects.equals(sex, that.sex)
        && Objects.equals(birthDate, that.birthDate)
        && Objects.equals(residentId, that.residentId)
        && Objects.equals(phone, that.phone)
        && Objects.equals(villageCode, that.villageCode)
        && Objects.equals(countyCode, that.countyCode)
        && Objects.equals(address, that.address)
        && Objects.equals(healthRecordNumber, that.healthRecordNumber)
        && Objects.equals(heightCm, that.heightCm)
        && Objects.equals(hypertensionDiagnosedOn, that.hypertensionDiagnosedOn)
        && Objects.equals(diabetesDiagnosedOn, that.diabetesDiagnosedOn)
        && Objects.equals(status, that.status)
        && Objects.equals(createdBy, that.createdBy)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && Objects.equals(syncState, that.syncState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        name,
        sex,
        birthDate,
        residentId,
        phone,
        villageCode,
        countyCode,
        address,
        healthRecordNumber,
        heightCm,
        hypertensionDiagnosedOn,
        diabetesDiagnosedOn,
        status,
        createdBy,
        createdAt,
        updatedAt,
        syncState);
  }

  @Override
  public String toString() {
    return "Patient{"
        + "id="
        + id
        + ", name="
        + name
        + ", sex="
        + sex
        + ", birthDate="
        + birthDate
        + ", residentId="
        + residentId
        + ", phone="
        + phone
        + ", villageCode="
        + villageCode
        + ", countyCode="
        + countyCode
        + ", address="
        + address
        + ", healthRecordNumber="
        + healthRecordNumber
        + ", heightCm="
        + heightCm
        + ", hypertensionDiagnosedOn="
        + hypertensionDiagnosedOn
        + ", diabetesDiagnosedOn="
        + diabetesDiagnosedOn
        + ", status="
        + status
        + ", createdBy="
        + createdBy
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", syncState="
        + syncState
        + "}";
  }

  /** Builds a {@link Patient}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private String name;
    @Nullable private Sex sex;
    @Nullable private LocalDate birthDate;
    @Nullable private String residentId;
    @Nullable private String phone;
    @Nullable private String villageCode;
    @Nullable private String countyCode;
    @Nullable private String address;
    @Nullable private String healthRecordNumber;
    @Nullable private BigDecimal heightCm;
    @Nullable private LocalDate hypertensionDiagnosedOn;
    @Nullable private LocalDate diabetesDiagnosedOn;
    @Nullable private PatientStatus status;
    @Nullable private UUID createdBy;
    @Nullable private Instant createdAt;
    @Nullable private Instant updatedAt;
    @Nullable private RecordState syncState;

    private Builder() {}

    private Builder(Patient source) {
      id = source.id;
      name = source.name;
      sex = source.sex;
      birthDate = source.birthDate;
      residentId = source.residentId;
      phone = source.phone;
      villageCode = source.villageCode;
      countyCode = source.countyCode;
      address = source.address;
      healthRecordNumber = source.healthRecordNumber;
      heightCm = source.heightCm;
      hypertensionDiagnosedOn = source.hypertensionDiagnosedOn;
      diabetesDiagnosedOn = source.diabetesDiagnosedOn;
      status = source.status;
      createdBy = source.createdBy;
      createdAt = source.createdAt;
      updatedAt = source.updatedAt;
      syncState = source.syncState;
    }

    /** Sets the id (a UUIDv7 made by the device that registered the patient) (required). */
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

    /** Sets the birth date (required). */
    public Builder birthDate(LocalDate birthDate) {
      this.birthDate = Objects.requireNonNull(birthDate, "birthDate == null");
      return this;
    }

    /** Sets the resident ID number, 18 characters upper-case. */
    public Builder residentId(@Nullable String residentId) {
      this.residentId = residentId;
      return this;
    }

    /** Sets the phone number. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the 12-digit code of the patient's village (required). */
    public Builder villageCode(String villageCode) {
      this.villageCode = Objects.requireNonNull(villageCode, "villageCode == null");
      return this;
    }

    /** Sets the county code, known once the server has the patient. */
    public Builder countyCode(@Nullable String countyCode) {
      this.countyCode = countyCode;
      return this;
    }

    /** Sets the address. */
    public Builder address(@Nullable String address) {
      this.address = address;
      return this;
    }

    /** Sets the 17-digit health-record number. */
    public Builder healthRecordNumber(@Nullable String healthRecordNumber) {
      this.healthRecordNumber = healthRecordNumber;
      return this;
    }

    /** Sets the height in cm. */
    public Builder heightCm(@Nullable BigDecimal heightCm) {
      this.heightCm = heightCm;
      return this;
    }

    /** Sets the hypertension diagnosis date; null if not managed for hypertension. */
    public Builder hypertensionDiagnosedOn(@Nullable LocalDate hypertensionDiagnosedOn) {
      this.hypertensionDiagnosedOn = hypertensionDiagnosedOn;
      return this;
    }

    /** Sets the type 2 diabetes diagnosis date; null if not managed for diabetes. */
    public Builder diabetesDiagnosedOn(@Nullable LocalDate diabetesDiagnosedOn) {
      this.diabetesDiagnosedOn = diabetesDiagnosedOn;
      return this;
    }

    /** Sets the management status (required). */
    public Builder status(PatientStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /** Sets the user who registered the patient. */
    public Builder createdBy(@Nullable UUID createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    /** Sets when the patient was registered. */
    public Builder createdAt(@Nullable Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets when the server last changed the patient; null before the first sync. */
    public Builder updatedAt(@Nullable Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /** Sets whether local changes await the server (required). */
    public Builder syncState(RecordState syncState) {
      this.syncState = Objects.requireNonNull(syncState, "syncState == null");
      return this;
    }

    /**
     * Returns the patient.
     *
     * @throws NullPointerException if a required value is missing
     */
    public Patient build() {
      return new Patient(this);
    }
  }
}
