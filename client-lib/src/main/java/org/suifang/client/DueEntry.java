package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A patient on a worklist whose entries fall due on a date, with each disease concerned
 * (docs/worklists.md): the two-week rechecks (第1次控制不满意2周随访, {@code D} = {@link D}) and the referral
 * follow-ups ({@code D} = {@link ReferralDisease}). Immutable.
 *
 * @param <D> the list's per-disease detail
 */
public final class DueEntry<D> {
  private final WorklistPatient patient;
  private final LocalDate dueDate;
  private final long daysLeft;
  private final boolean past;
  private final List<D> diseases;

  private DueEntry(Builder<D> b) {
    this.patient = Objects.requireNonNull(b.patient, "patient == null");
    this.dueDate = Objects.requireNonNull(b.dueDate, "dueDate == null");
    this.daysLeft = b.daysLeft;
    this.past = b.past;
    this.diseases = Collections.unmodifiableList(new ArrayList<>(b.diseases));
  }

  /** Returns an empty builder. */
  public static <D> Builder<D> newBuilder() {
    return new Builder<>();
  }

  /** Returns a builder holding this object's values. */
  public Builder<D> toBuilder() {
    return new Builder<>(this);
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
  public List<D> diseases() {
    return diseases;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DueEntry)) {
      return false;
    }
    DueEntry<?> that = (DueEntry<?>) o;
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
    return "DueEntry{"
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

  /**
   * Builds a {@link DueEntry}; not thread-safe.
   *
   * @param <D> the list's per-disease detail
   */
  public static final class Builder<D> {
    @Nullable private WorklistPatient patient;
    @Nullable private LocalDate dueDate;
    private long daysLeft;
    private boolean past;
    private List<D> diseases = new ArrayList<>();

    private Builder() {}

    private Builder(DueEntry<D> source) {
      patient = source.patient;
      dueDate = source.dueDate;
      daysLeft = source.daysLeft;
      past = source.past;
      diseases = new ArrayList<>(source.diseases);
    }

    /** Sets the patient (required). */
    public Builder<D> patient(WorklistPatient patient) {
      this.patient = Objects.requireNonNull(patient, "patient == null");
      return this;
    }

    /** Sets the earliest due date of the diseases (required). */
    public Builder<D> dueDate(LocalDate dueDate) {
      this.dueDate = Objects.requireNonNull(dueDate, "dueDate == null");
      return this;
    }

    /** Sets days from the reference date to {@code dueDate}; negative once past. */
    public Builder<D> daysLeft(long daysLeft) {
      this.daysLeft = daysLeft;
      return this;
    }

    /** Sets whether {@code dueDate} is before the reference date. */
    public Builder<D> past(boolean past) {
      this.past = past;
      return this;
    }

    /** Sets the diseases, hypertension first. */
    public Builder<D> diseases(java.util.Collection<? extends D> diseases) {
      this.diseases = new ArrayList<>(Objects.requireNonNull(diseases, "diseases == null"));
      return this;
    }

    /**
     * Returns the entry.
     *
     * @throws NullPointerException if a required value is missing
     */
    public DueEntry<D> build() {
      return new DueEntry<>(this);
    }
  }
}
