package org.suifang.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * One disease of a rechecks {@link DueEntry}: the visit that asked for the two-week recheck.
 * Immutable.
 */
public final class RecheckDisease {
  private final Disease disease;
  private final UUID followUpId;
  private final LocalDate visitDate;
  private final VisitMode mode;
  @Nullable private final Classification classification;

  @Nullable private final Integer systolic;

  @Nullable private final Integer diastolic;

  @Nullable private final BigDecimal fastingGlucose;

  private final LocalDate nextVisitDate;
  private final LocalDate dueDate;
  private final long daysLeft;
  private final boolean past;

  private RecheckDisease(Builder b) {
    this.disease = Objects.requireNonNull(b.disease, "disease == null");
    this.followUpId = Objects.requireNonNull(b.followUpId, "followUpId == null");
    this.visitDate = Objects.requireNonNull(b.visitDate, "visitDate == null");
    this.mode = Objects.requireNonNull(b.mode, "mode == null");
    this.classification = b.classification;
    this.systolic = b.systolic;
    this.diastolic = b.diastolic;
    this.fastingGlucose = b.fastingGlucose;
    this.nextVisitDate = Objects.requireNonNull(b.nextVisitDate, "nextVisitDate == null");
    this.dueDate = Objects.requireNonNull(b.dueDate, "dueDate == null");
    this.daysLeft = b.daysLeft;
    this.past = b.past;
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

  /** Returns the visit that asked for the recheck. */
  public UUID followUpId() {
    return followUpId;
  }

  /** Returns its date. */
  public LocalDate visitDate() {
    return visitDate;
  }

  /** Returns its mode. */
  public VisitMode mode() {
    return mode;
  }

  /** Returns its effective classification, or null. */
  @Nullable
  public Classification classification() {
    return classification;
  }

  /** Returns its systolic blood pressure, or null. */
  @Nullable
  public Integer systolic() {
    return systolic;
  }

  /** Returns its diastolic blood pressure, or null. */
  @Nullable
  public Integer diastolic() {
    return diastolic;
  }

  /** Returns its fasting glucose, or null. */
  @Nullable
  public BigDecimal fastingGlucose() {
    return fastingGlucose;
  }

  /** Returns the next follow-up date agreed at that visit. */
  public LocalDate nextVisitDate() {
    return nextVisitDate;
  }

  /** Returns the visit date plus the recheck days (14 by default). */
  public LocalDate dueDate() {
    return dueDate;
  }

  /** Returns days from the reference date to the due date; negative once past. */
  public long daysLeft() {
    return daysLeft;
  }

  /** Returns whether the due date is before the reference date. */
  public boolean past() {
    return past;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecheckDisease)) {
      return false;
    }
    RecheckDisease that = (RecheckDisease) o;
    return Objects.equals(disease, that.disease)
        && Objects.equals(followUpId, that.followUpId)
        && Objects.equals(visitDate, that.visitDate)
        && Objects.equals(mode, that.mode)
        && Objects.equals(classification, that.classification)
        && Objects.equals(systolic, that.systolic)
        && Objects.equals(diastolic, that.diastolic)
        && Objects.equals(fastingGlucose, that.fastingGlucose)
        && Objects.equals(nextVisitDate, that.nextVisitDate)
        && Objects.equals(dueDate, that.dueDate)
        && daysLeft == that.daysLeft
        && past == that.past;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        disease,
        followUpId,
        visitDate,
        mode,
        classification,
        systolic,
        diastolic,
        fastingGlucose,
        nextVisitDate,
        dueDate,
        daysLeft,
        past);
  }

  @Override
  public String toString() {
    return "RecheckDisease{"
        + "disease="
        + disease
        + ", followUpId="
        + followUpId
        + ", visitDate="
        + visitDate
        + ", mode="
        + mode
        + ", classification="
        + classification
        + ", systolic="
        + systolic
        + ", diastolic="
        + diastolic
        + ", fastingGlucose="
        + fastingGlucose
        + ", nextVisitDate="
        + nextVisitDate
        + ", dueDate="
        + dueDate
        + ", daysLeft="
        + daysLeft
        + ", past="
        + past
        + "}";
  }

  /** Builds a {@link RecheckDisease}; not thread-safe. */
  public static final class Builder {
    @Nullable private Disease disease;
    @Nullable private UUID followUpId;
    @Nullable private LocalDate visitDate;
    @Nullable private VisitMode mode;
    @Nullable private Classification classification;
    @Nullable private Integer systolic;
    @Nullable private Integer diastolic;
    @Nullable private BigDecimal fastingGlucose;
    @Nullable private LocalDate nextVisitDate;
    @Nullable private LocalDate dueDate;
    private long daysLeft;
    private boolean past;

    private Builder() {}

    private Builder(RecheckDisease source) {
      disease = source.disease;
      followUpId = source.followUpId;
      visitDate = source.visitDate;
      mode = source.mode;
      classification = source.classification;
      systolic = source.systolic;
      diastolic = source.diastolic;
      fastingGlucose = source.fastingGlucose;
      nextVisitDate = source.nextVisitDate;
      dueDate = source.dueDate;
      daysLeft = source.daysLeft;
      past = source.past;
    }

    /** Sets the disease (required). */
    public Builder disease(Disease disease) {
      this.disease = Objects.requireNonNull(disease, "disease == null");
      return this;
    }

    /** Sets the visit that asked for the recheck (required). */
    public Builder followUpId(UUID followUpId) {
      this.followUpId = Objects.requireNonNull(followUpId, "followUpId == null");
      return this;
    }

    /** Sets its date (required). */
    public Builder visitDate(LocalDate visitDate) {
      this.visitDate = Objects.requireNonNull(visitDate, "visitDate == null");
      return this;
    }

    /** Sets its mode (required). */
    public Builder mode(VisitMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** Sets its effective classification. */
    public Builder classification(@Nullable Classification classification) {
      this.classification = classification;
      return this;
    }

    /** Sets its systolic blood pressure. */
    public Builder systolic(@Nullable Integer systolic) {
      this.systolic = systolic;
      return this;
    }

    /** Sets its diastolic blood pressure. */
    public Builder diastolic(@Nullable Integer diastolic) {
      this.diastolic = diastolic;
      return this;
    }

    /** Sets its fasting glucose. */
    public Builder fastingGlucose(@Nullable BigDecimal fastingGlucose) {
      this.fastingGlucose = fastingGlucose;
      return this;
    }

    /** Sets the next follow-up date agreed at that visit (required). */
    public Builder nextVisitDate(LocalDate nextVisitDate) {
      this.nextVisitDate = Objects.requireNonNull(nextVisitDate, "nextVisitDate == null");
      return this;
    }

    /** Sets the visit date plus the recheck days (14 by default) (required). */
    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = Objects.requireNonNull(dueDate, "dueDate == null");
      return this;
    }

    /** Sets days from the reference date to the due date; negative once past. */
    public Builder daysLeft(long daysLeft) {
      this.daysLeft = daysLeft;
      return this;
    }

    /** Sets whether the due date is before the reference date. */
    public Builder past(boolean past) {
      this.past = past;
      return this;
    }

    /**
     * Returns the recheckDisease.
     *
     * @throws NullPointerException if a required value is missing
     */
    public RecheckDisease build() {
      return new RecheckDisease(this);
    }
  }
}
