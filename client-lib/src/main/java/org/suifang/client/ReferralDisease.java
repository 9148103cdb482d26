package org.suifang.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.VisitMode;

/** One referred disease of a referral {@link DueEntry}. Immutable. */
public final class ReferralDisease {
  private final Disease disease;
  private final UUID followUpId;
  private final LocalDate referralDate;
  private final VisitMode mode;
  private final boolean urgent;
  @Nullable private final NextStep nextStep;

  @Nullable private final Classification classification;

  private final List<DangerSign> dangerSigns;
  @Nullable private final String reason;

  @Nullable private final String facility;

  @Nullable private final String department;

  private final LocalDate dueDate;
  private final long daysLeft;
  private final boolean past;

  private ReferralDisease(Builder b) {
    this.disease = Objects.requireNonNull(b.disease, "disease == null");
    this.followUpId = Objects.requireNonNull(b.followUpId, "followUpId == null");
    this.referralDate = Objects.requireNonNull(b.referralDate, "referralDate == null");
    this.mode = Objects.requireNonNull(b.mode, "mode == null");
    this.urgent = b.urgent;
    this.nextStep = b.nextStep;
    this.classification = b.classification;
    this.dangerSigns = Collections.unmodifiableList(new ArrayList<>(b.dangerSigns));
    this.reason = b.reason;
    this.facility = b.facility;
    this.department = b.department;
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

  /** Returns the visit that made the referral. */
  public UUID followUpId() {
    return followUpId;
  }

  /** Returns its date. */
  public LocalDate referralDate() {
    return referralDate;
  }

  /** Returns its mode. */
  public VisitMode mode() {
    return mode;
  }

  /** Returns whether it was an urgent referral (紧急转诊) for a danger sign. */
  public boolean urgent() {
    return urgent;
  }

  /** Returns its next step, or null. */
  @Nullable
  public NextStep nextStep() {
    return nextStep;
  }

  /** Returns its effective classification, or null. */
  @Nullable
  public Classification classification() {
    return classification;
  }

  /** Returns the danger signs found at that visit (unmodifiable). */
  public List<DangerSign> dangerSigns() {
    return dangerSigns;
  }

  /** Returns 转诊原因 as recorded, or null. */
  @Nullable
  public String reason() {
    return reason;
  }

  /** Returns 转诊机构 as recorded, or null. */
  @Nullable
  public String facility() {
    return facility;
  }

  /** Returns 科别 as recorded, or null. */
  @Nullable
  public String department() {
    return department;
  }

  /** Returns the referral date plus the referral follow-up days (14 by default). */
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
    if (!(o instanceof ReferralDisease)) {
      return false;
    }
    ReferralDisease that = (ReferralDisease) o;
    return Objects.equals(disease, that.disease)
        && Objects.equals(followUpId, that.followUpId)
        && Objects.equals(referralDate, that.referralDate)
        && Objects.equals(mode, that.mode)
        && urgent == that.urgent
        && Objects.equals(nextStep, that.nextStep)
        && Objects.equals(classification, that.classification)
        && Objects.equals(dangerSigns, that.dangerSigns)
        && Objects.equals(reason, that.reason)
        && Objects.equals(facility, that.facility)
        && Objects.equals(department, that.department)
        && Objects.equals(dueDate, that.dueDate)
        && daysLeft == that.daysLeft
        && past == that.past;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        disease,
        followUpId,
        referralDate,
        mode,
        urgent,
        nextStep,
        classification,
        dangerSigns,
        reason,
        facility,
        department,
        dueDate,
        daysLeft,
        past);
  }

  @Override
  public String toString() {
    return "ReferralDisease{"
        + "disease="
        + disease
        + ", followUpId="
        + followUpId
        + ", referralDate="
        + referralDate
        + ", mode="
        + mode
        + ", urgent="
        + urgent
        + ", nextStep="
        + nextStep
        + ", classification="
        + classification
        + ", dangerSigns="
        + dangerSigns
        + ", reason="
        + reason
        + ", facility="
        + facility
        + ", department="
        + department
        + ", dueDate="
        + dueDate
        + ", daysLeft="
        + daysLeft
        + ", past="
        + past
        + "}";
  }

  /** Builds a {@link ReferralDisease}; not thread-safe. */
  public static final class Builder {
    @Nullable private Disease disease;
    @Nullable private UUID followUpId;
    @Nullable private LocalDate referralDate;
    @Nullable private VisitMode mode;
    private boolean urgent;
    @Nullable private NextStep nextStep;
    @Nullable private Classification classification;
    private List<DangerSign> dangerSigns = new ArrayList<>();
    @Nullable private String reason;
    @Nullable private String facility;
    @Nullable private String department;
    @Nullable private LocalDate dueDate;
    private long daysLeft;
    private boolean past;

    private Builder() {}

    private Builder(ReferralDisease source) {
      disease = source.disease;
      followUpId = source.followUpId;
      referralDate = source.referralDate;
      mode = source.mode;
      urgent = source.urgent;
      nextStep = source.nextStep;
      classification = source.classification;
      dangerSigns = new ArrayList<>(source.dangerSigns);
      reason = source.reason;
      facility = source.facility;
      department = source.department;
      dueDate = source.dueDate;
      daysLeft = source.daysLeft;
      past = source.past;
    }

    /** Sets the disease (required). */
    public Builder disease(Disease disease) {
      this.disease = Objects.requireNonNull(disease, "disease == null");
      return this;
    }

    /** Sets the visit that made the referral (required). */
    public Builder followUpId(UUID followUpId) {
      this.followUpId = Objects.requireNonNull(followUpId, "followUpId == null");
      return this;
    }

    /** Sets its date (required). */
    public Builder referralDate(LocalDate referralDate) {
      this.referralDate = Objects.requireNonNull(referralDate, "referralDate == null");
      return this;
    }

    /** Sets its mode (required). */
    public Builder mode(VisitMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** Sets whether it was an urgent referral (紧急转诊) for a danger sign. */
    public Builder urgent(boolean urgent) {
      this.urgent = urgent;
      return this;
    }

    /** Sets its next step. */
    public Builder nextStep(@Nullable NextStep nextStep) {
      this.nextStep = nextStep;
      return this;
    }

    /** Sets its effective classification. */
    public Builder classification(@Nullable Classification classification) {
      this.classification = classification;
      return this;
    }

    /** Sets the danger signs found at that visit. */
    public Builder dangerSigns(java.util.Collection<? extends DangerSign> dangerSigns) {
      this.dangerSigns =
          new ArrayList<>(Objects.requireNonNull(dangerSigns, "dangerSigns == null"));
      return this;
    }

    /** Sets 转诊原因 as recorded. */
    public Builder reason(@Nullable String reason) {
      this.reason = reason;
      return this;
    }

    /** Sets 转诊机构 as recorded. */
    public Builder facility(@Nullable String facility) {
      this.facility = facility;
      return this;
    }

    /** Sets 科别 as recorded. */
    public Builder department(@Nullable String department) {
      this.department = department;
      return this;
    }

    /** Sets the referral date plus the referral follow-up days (14 by default) (required). */
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
     * Returns the referralDisease.
     *
     * @throws NullPointerException if a required value is missing
     */
    public ReferralDisease build() {
      return new ReferralDisease(this);
    }
  }
}
