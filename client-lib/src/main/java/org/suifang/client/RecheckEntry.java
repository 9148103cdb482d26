package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A patient waiting for a two-week recheck (第1次控制不满意2周随访), with each disease concerned
 * (docs/worklists.md). Immutable.
 */
public final class RecheckEntry {
  private final WorklistPatient patient;
  private final LocalDate dueDate;
  private final long daysLeft;
  private final boolean past;
  private final List<RecheckDisease> diseases;

  private RecheckEntry(Builder b) {
    this.patient = Objects.requireNonNull(b.patient, "patient == null");
    this.dueDate = Objects.requireNonNull(b.dueDate, "dueDate == null");
    this.daysLeft = b.daysLeft;
    this.past = b.past;
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

  /** Returns the earliest due date of the diseases. */
  public LocalDate dueDate() {
    return dueDate;
  }

  /** Returns days from the reference date to {@code dueDate}; negative once past. */
  public long daysLeft() {
    return daysLeft;
  }

  /** Returns whether {@code dueDate} is before the reference date. */
  public boolean past() {
    return past;
  }

  /** Returns the diseases, hypertension first (unmodifiable). */
  public List<RecheckDisease> diseases() {
    return diseases;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecheckEntry)) {
      return false;
    }
    RecheckEntry that = (RecheckEntry) o;
    return Objects.equals(patient, that.patient)
        && Objects.equals(dueDate, that.dueDate)
        && daysLeft == that.daysLeft
        && past == that.past
        && Objects.equals(diseases, that.diseases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(patient, dueDate, daysLeft, past, diseases);
  }

  @Override
  public String toString() {
    return "RecheckEntry{"
        + "patient="
        + patient
        + ", dueDate="
        + dueDate
        + ", daysLeft="
        + daysLeft
        + ", past="
        + past
        + ", diseases="
        + diseases
        + "}";
  }

  /** Builds a {@link RecheckEntry}; not thread-safe. */
  public static final class Builder {
    @Nullable private WorklistPatient patient;
    @Nullable private LocalDate dueDate;
    private long daysLeft;
    private boolean past;
    private List<RecheckDisease> diseases = new ArrayList<>();

    private Builder() {}

    private Builder(RecheckEntry source) {
      patient = source.patient;
      dueDate = source.dueDate;
      daysLeft = source.daysLeft;
      past = source.past;
      diseases = new ArrayList<>(source.diseases);
    }

    /** Sets the patient (required). */
    public Builder patient(WorklistPatient patient) {
      this.patient = Objects.requireNonNull(patient, "patient == null");
      return this;
    }

    /** Sets the earliest due date of the diseases (required). */
    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = Objects.requireNonNull(dueDate, "dueDate == null");
      return this;
    }

    /** Sets days from the reference date to {@code dueDate}; negative once past. */
    public Builder daysLeft(long daysLeft) {
      this.daysLeft = daysLeft;
      return this;
    }

    /** Sets whether {@code dueDate} is before the reference date. */
    public Builder past(boolean past) {
      this.past = past;
      return this;
    }

    /** Sets the diseases, hypertension first. */
    public Builder diseases(java.util.Collection<? extends RecheckDisease> diseases) {
      this.diseases = new ArrayList<>(Objects.requireNonNull(diseases, "diseases == null"));
      return this;
    }

    /**
     * Returns the recheckEntry.
     *
     * @throws NullPointerException if a required value is missing
     */
    public RecheckEntry build() {
      return new RecheckEntry(this);
    }
  }
}
