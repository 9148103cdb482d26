package org.suifang.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import org.suifang.rules.Sex;

/**
 * A change of some of a patient's fields. Only the fields named here change; every other field
 * keeps its value, and a concurrent edit of another field on another tablet is kept too (each field
 * is its own last-writer-wins register; docs/sync-protocol.md). Setting a nullable field to null
 * clears it; clearing a diagnosis date stops management for that disease. The management status
 * changes through {@link Patients#changeStatus}. Immutable.
 */
public final class PatientUpdate {
  private final Map<String, Object> fields;

  private PatientUpdate(Builder b) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns the named fields and their new values by JSON name ({@code name}, {@code phone}, …); a
   * value may be null (unmodifiable).
   */
  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return "PatientUpdate" + fields;
  }

  /** Builds a {@link PatientUpdate}; each setter names its field. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder() {}

    private Builder put(String field, @Nullable Object value) {
      fields.put(field, value);
      return this;
    }

    /** Changes the name. */
    public Builder name(String name) {
      return put("name", name);
    }

    /** Changes the sex; it must agree with the resident ID number. */
    public Builder sex(Sex sex) {
      return put("sex", sex);
    }

    /** Changes the birth date; it must agree with the resident ID number. */
    public Builder birthDate(LocalDate birthDate) {
      return put("birthDate", birthDate);
    }

    /** Changes or clears the resident ID number. */
    public Builder residentId(@Nullable String residentId) {
      return put("residentId", residentId);
    }

    /** Changes or clears the phone number. */
    public Builder phone(@Nullable String phone) {
      return put("phone", phone);
    }

    /** Moves the patient to another village (the doctor must serve it). */
    public Builder villageCode(String villageCode) {
      return put("villageCode", villageCode);
    }

    /** Changes or clears the address. */
    public Builder address(@Nullable String address) {
      return put("address", address);
    }

    /** Changes or clears the health-record number. */
    public Builder healthRecordNumber(@Nullable String healthRecordNumber) {
      return put("healthRecordNumber", healthRecordNumber);
    }

    /** Changes or clears the height in cm. */
    public Builder heightCm(@Nullable BigDecimal heightCm) {
      return put("heightCm", heightCm);
    }

    /** Sets or clears (stops managing) the hypertension diagnosis date. */
    public Builder hypertensionDiagnosedOn(@Nullable LocalDate date) {
      return put("hypertensionDiagnosedOn", date);
    }

    /** Sets or clears (stops managing) the diabetes diagnosis date. */
    public Builder diabetesDiagnosedOn(@Nullable LocalDate date) {
      return put("diabetesDiagnosedOn", date);
    }

    /** Returns the update; never throws (it is checked when applied). */
    public PatientUpdate build() {
      return new PatientUpdate(this);
    }
  }
}
