package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/** One overdue disease of an {@link OverdueEntry}. Immutable. */
public final class OverdueDisease {
  private final Disease disease;
  private final List<OverdueReason> reasons;
  private final LocalDate overdueSince;
  private final long daysOverdue;
  @Nullable private final LocalDate lastVisitDate;

  @Nullable private final VisitMode lastVisitMode;

  @Nullable private final LocalDate lastFaceToFaceDate;

  @Nullable private final Classification lastClassification;

  @Nullable private final LocalDate nextVisitDate;

  private OverdueDisease(Builder b) {
    this.disease = Objects.requireNonNull(b.disease, "disease == null");
    this.reasons = Collections.unmodifiableList(new ArrayList<>(b.reasons));
    this.overdueSince = Objects.requireNonNull(b.overdueSince, "overdueSince == null");
    this.daysOverdue = b.daysOverdue;
    this.lastVisitDate = b.lastVisitDate;
    this.lastVisitMode = b.lastVisitMode;
    this.lastFaceToFaceDate = b.lastFaceToFaceDate;
    this.lastClassification = b.lastClassification;
    this.nextVisitDate = b.nextVisitDate;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the disease. */
  public Disease disease() {
    return disease;
  }

  /** Returns why it is overdue (unmodifiable). */
  public List<OverdueReason> reasons() {
    return reasons;
  }

  /**
   * Returns the first day of the period without a face-to-face visit, or the passed next follow-up
   * date, whichever is earlier.
   */
  public LocalDate overdueSince() {
    return overdueSince;
  }

  /** Returns days from {@code overdueSince} to the reference date. */
  public long daysOverdue() {
    return daysOverdue;
  }

  /** Returns the latest current visit of any mode, or null. */
  @Nullable
  public LocalDate lastVisitDate() {
    return lastVisitDate;
  }

  /** Returns the mode of that visit, or null. */
  @Nullable
  public VisitMode lastVisitMode() {
    return lastVisitMode;
  }

  /** Returns the latest current clinic or home visit, or null. */
  @Nullable
  public LocalDate lastFaceToFaceDate() {
    return lastFaceToFaceDate;
  }

  /** Returns the effective classification of that face-to-face visit, or null. */
  @Nullable
  public Classification lastClassification() {
    return lastClassification;
  }

  /** Returns the next follow-up date agreed at the latest visit, or null. */
  @Nullable
  public LocalDate nextVisitDate() {
    return nextVisitDate;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OverdueDisease)) {
      return false;
    }
    OverdueDisease that = (OverdueDisease) o;
    return Objects.equals(disease, that.disease)
        && Objects.equals(reasons, that.reasons)
        && Objects.equals(overdueSince, that.overdueSince)
        && daysOverdue == that.daysOverdue
        && Objects.equals(lastVisitDate, that.lastVisitDate)
        && Objects.equals(lastVisitMode, that.lastVisitMode)
        && Objects.equals(lastFaceToFaceDate, that.lastFaceToFaceDate)
        && Objects.equals(lastClassification, that.lastClassification)
        && Objects.equals(nextVisitDate, that.nextVisitDate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        disease,
        reasons,
        overdueSince,
        daysOverdue,
        lastVisitDate,
        lastVisitMode,
        lastFaceToFaceDate,
        lastClassification,
        nextVisitDate);
  }

  @Override
  public String toString() {
    return "OverdueDisease{"
        + "disease="
        + disease
        + ", reasons="
        + reasons
        + ", overdueSince="
        + overdueSince
        + ", daysOverdue="
        + daysOverdue
        + ", lastVisitDate="
        + lastVisitDate
        + ", lastVisitMode="
        + lastVisitMode
        + ", lastFaceToFaceDate="
        + lastFaceToFaceDate
        + ", lastClassification="
        + lastClassification
        + ", nextVisitDate="
        + nextVisitDate
        + "}";
  }

  /** Builds a {@link OverdueDisease}; not thread-safe. */
  public static final class Builder {
    @Nullable private Disease disease;
    private List<OverdueReason> reasons = new ArrayList<>();
    @Nullable private LocalDate overdueSince;
    private long daysOverdue;
    @Nullable private LocalDate lastVisitDate;
    @Nullable private VisitMode lastVisitMode;
    @Nullable private LocalDate lastFaceToFaceDate;
    @Nullable private Classification lastClassification;
    @Nullable private LocalDate nextVisitDate;

    private Builder() {}

    private Builder(OverdueDisease source) {
      disease = source.disease;
      reasons = new ArrayList<>(source.reasons);
      overdueSince = source.overdueSince;
      daysOverdue = source.daysOverdue;
      lastVisitDate = source.lastVisitDate;
      lastVisitMode = source.lastVisitMode;
      lastFaceToFaceDate = source.lastFaceToFaceDate;
      lastClassification = source.lastClassification;
      nextVisitDate = source.nextVisitDate;
    }

    /** Sets the disease (required). */
    public Builder disease(Disease disease) {
      this.disease = Objects.requireNonNull(disease, "disease == null");
      return this;
    }

    /** Sets why it is overdue. */
    public Builder reasons(java.util.Collection<? extends OverdueReason> reasons) {
      this.reasons = new ArrayList<>(Objects.requireNonNull(reasons, "reasons == null"));
      return this;
    }

    /**
     * Sets the first day of the period without a face-to-face visit, or the passed next follow-up
     * date, whichever is earlier (required).
     */
    public Builder overdueSince(LocalDate overdueSince) {
      this.overdueSince = Objects.requireNonNull(overdueSince, "overdueSince == null");
      return this;
    }

    /** Sets days from {@code overdueSince} to the reference date. */
    public Builder daysOverdue(long daysOverdue) {
      this.daysOverdue = daysOverdue;
      return this;
    }

    /** Sets the latest current visit of any mode. */
    public Builder lastVisitDate(@Nullable LocalDate lastVisitDate) {
      this.lastVisitDate = lastVisitDate;
      return this;
    }

    /** Sets the mode of that visit. */
    public Builder lastVisitMode(@Nullable VisitMode lastVisitMode) {
      this.lastVisitMode = lastVisitMode;
      return this;
    }

    /** Sets the latest current clinic or home visit. */
    public Builder lastFaceToFaceDate(@Nullable LocalDate lastFaceToFaceDate) {
      this.lastFaceToFaceDate = lastFaceToFaceDate;
      return this;
    }

    /** Sets the effective classification of that face-to-face visit. */
    public Builder lastClassification(@Nullable Classification lastClassification) {
      this.lastClassification = lastClassification;
      return this;
    }

    /** Sets the next follow-up date agreed at the latest visit. */
    public Builder nextVisitDate(@Nullable LocalDate nextVisitDate) {
      this.nextVisitDate = nextVisitDate;
      return this;
    }

    /**
     * Returns the overdueDisease.
     *
     * @throws NullPointerException if a required value is missing
     */
    public OverdueDisease build() {
      return new OverdueDisease(this);
    }
  }
}
