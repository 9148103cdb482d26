package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A patient without an annual health check (健康体检) in the current assessment year, with each disease
 * concerned (docs/worklists.md). Immutable.
 */
public final class AnnualCheckEntry {
  private final WorklistPatient patient;
  @Nullable private final LocalDate lastAnnualCheckDate;

  private final List<AnnualCheckDisease> diseases;

  private AnnualCheckEntry(Builder b) {
    this.patient = Objects.requireNonNull(b.patient, "patient == null");
    this.lastAnnualCheckDate = b.lastAnnualCheckDate;
    this.diseases = Collections.unmodifiableList(new ArrayList<>(b.diseases));
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the patient. */
  public WorklistPatient patient() {
    return patient;
  }

  /** Returns the oldest last check of the diseases; null if one was never checked, or null. */
  @Nullable
  public LocalDate lastAnnualCheckDate() {
    return lastAnnualCheckDate;
  }

  /** Returns the diseases, hypertension first (unmodifiable). */
  public List<AnnualCheckDisease> diseases() {
    return diseases;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AnnualCheckEntry)) {
      return false;
    }
    AnnualCheckEntry that = (AnnualCheckEntry) o;
    return Objects.equals(patient, that.patient)
        && Objects.equals(lastAnnualCheckDate, that.lastAnnualCheckDate)
        && Objects.equals(diseases, that.diseases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(patient, lastAnnualCheckDate, diseases);
  }

  @Override
  public String toString() {
    return "AnnualCheckEntry{"
        + "patient="
        + patient
        + ", lastAnnualCheckDate="
        + lastAnnualCheckDate
        + ", diseases="
        + diseases
        + "}";
  }

  /** Builds a {@link AnnualCheckEntry}; not thread-safe. */
  public static final class Builder {
    @Nullable private WorklistPatient patient;
    @Nullable private LocalDate lastAnnualCheckDate;
    private List<AnnualCheckDisease> diseases = new ArrayList<>();

    private Builder() {}

    private Builder(AnnualCheckEntry source) {
      patient = source.patient;
      lastAnnualCheckDate = source.lastAnnualCheckDate;
      diseases = new ArrayList<>(source.diseases);
    }

    /** Sets the patient (required). */
    public Builder patient(WorklistPatient patient) {
      this.patient = Objects.requireNonNull(patient, "patient == null");
      return this;
    }

    /** Sets the oldest last check of the diseases; null if one was never checked. */
    public Builder lastAnnualCheckDate(@Nullable LocalDate lastAnnualCheckDate) {
      this.lastAnnualCheckDate = lastAnnualCheckDate;
      return this;
    }

    /** Sets the diseases, hypertension first. */
    public Builder diseases(java.util.Collection<? extends AnnualCheckDisease> diseases) {
      this.diseases = new ArrayList<>(Objects.requireNonNull(diseases, "diseases == null"));
      return this;
    }

    /**
     * Returns the annualCheckEntry.
     *
     * @throws NullPointerException if a required value is missing
     */
    public AnnualCheckEntry build() {
      return new AnnualCheckEntry(this);
    }
  }
}
