package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A patient on the overdue list, with each disease that is overdue (docs/worklists.md). Immutable.
 */
public final class OverdueEntry {
  private final WorklistPatient patient;
  private final boolean lostToFollowUp;
  private final LocalDate overdueSince;
  private final long daysOverdue;
  private final List<OverdueDisease> diseases;

  private OverdueEntry(Builder b) {
    this.patient = Objects.requireNonNull(b.patient, "patient == null");
    this.lostToFollowUp = b.lostToFollowUp;
    this.overdueSince = Objects.requireNonNull(b.overdueSince, "overdueSince == null");
    this.daysOverdue = b.daysOverdue;
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

  /** Returns whether the patient is 暂时失访. */
  public boolean lostToFollowUp() {
    return lostToFollowUp;
  }

  /** Returns the earliest {@code overdueSince} of the diseases. */
  public LocalDate overdueSince() {
    return overdueSince;
  }

  /** Returns days from {@code overdueSince} to the reference date. */
  public long daysOverdue() {
    return daysOverdue;
  }

  /** Returns the overdue diseases, hypertension first (unmodifiable). */
  public List<OverdueDisease> diseases() {
    return diseases;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OverdueEntry)) {
      return false;
    }
    OverdueEntry that = (OverdueEntry) o;
    return Objects.equals(patient, that.patient)
        && lostToFollowUp == that.lostToFollowUp
        && Objects.equals(overdueSince, that.overdueSince)
        && daysOverdue == that.daysOverdue
        && Objects.equals(diseases, that.diseases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(patient, lostToFollowUp, overdueSince, daysOverdue, diseases);
  }

  @Override
  public String toString() {
    return "OverdueEntry{"
        + "patient="
        + patient
        + ", lostToFollowUp="
        + lostToFollowUp
        + ", overdueSince="
        + overdueSince
        + ", daysOverdue="
        + daysOverdue
        + ", diseases="
        + diseases
        + "}";
  }

  /** Builds a {@link OverdueEntry}; not thread-safe. */
  public static final class Builder {
    @Nullable private WorklistPatient patient;
    private boolean lostToFollowUp;
    @Nullable private LocalDate overdueSince;
    private long daysOverdue;
    private List<OverdueDisease> diseases = new ArrayList<>();

    private Builder() {}

    private Builder(OverdueEntry source) {
      patient = source.patient;
      lostToFollowUp = source.lostToFollowUp;
      overdueSince = source.overdueSince;
      daysOverdue = source.daysOverdue;
      diseases = new ArrayList<>(source.diseases);
    }

    /** Sets the patient (required). */
    public Builder patient(WorklistPatient patient) {
      this.patient = Objects.requireNonNull(patient, "patient == null");
      return this;
    }

    /** Sets whether the patient is 暂时失访. */
    public Builder lostToFollowUp(boolean lostToFollowUp) {
      this.lostToFollowUp = lostToFollowUp;
      return this;
    }

    /** Sets the earliest {@code overdueSince} of the diseases (required). */
    public Builder overdueSince(LocalDate overdueSince) {
      this.overdueSince = Objects.requireNonNull(overdueSince, "overdueSince == null");
      return this;
    }

    /** Sets days from {@code overdueSince} to the reference date. */
    public Builder daysOverdue(long daysOverdue) {
      this.daysOverdue = daysOverdue;
      return this;
    }

    /** Sets the overdue diseases, hypertension first. */
    public Builder diseases(java.util.Collection<? extends OverdueDisease> diseases) {
      this.diseases = new ArrayList<>(Objects.requireNonNull(diseases, "diseases == null"));
      return this;
    }

    /**
     * Returns the overdueEntry.
     *
     * @throws NullPointerException if a required value is missing
     */
    public OverdueEntry build() {
      return new OverdueEntry(this);
    }
  }
}
