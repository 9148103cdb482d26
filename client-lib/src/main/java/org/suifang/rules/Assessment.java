package org.suifang.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds the result of assessing one visit for one disease: the danger signs found, whether an
 * urgent referral is required, the suggested classification (此次随访分类), the next management step
 * (下一步管理措施), the recommended action, and the due date of the next follow-up.
 *
 * <p>The classification is a suggestion: the doctor may override it (with a reason) in the app;
 * this value records what the rules computed. Created by {@link Assessor#assess}.
 */
public final class Assessment {
  private final String ruleSetId;
  private final Disease disease;
  private final LocalDate visitDate;
  private final List<DangerSign> dangerSigns;
  private final boolean urgentReferral;
  @Nullable private final Classification classification;
  @Nullable private final NextStep nextStep;
  private final String recommendedActionZh;
  private final String recommendedActionEn;
  private final LocalDate nextDueDate;
  @Nullable private final Boolean bphsControlled;
  @Nullable private final Boolean clinicalTargetMet;
  private final int ageAtVisit;

  private Assessment(Builder b) {
    this.ruleSetId = Objects.requireNonNull(b.ruleSetId, "ruleSetId == null");
    this.disease = Objects.requireNonNull(b.disease, "disease == null");
    this.visitDate = Objects.requireNonNull(b.visitDate, "visitDate == null");
    // Enum order, independent of the order signs were added in.
    List<DangerSign> sorted = new ArrayList<>(EnumSetOf.of(DangerSign.class, b.dangerSigns));
    this.dangerSigns = Collections.unmodifiableList(sorted);
    this.urgentReferral = b.urgentReferral;
    this.classification = b.classification;
    this.nextStep = b.nextStep;
    this.recommendedActionZh =
        Objects.requireNonNull(b.recommendedActionZh, "recommendedActionZh == null");
    this.recommendedActionEn =
        Objects.requireNonNull(b.recommendedActionEn, "recommendedActionEn == null");
    this.nextDueDate = Objects.requireNonNull(b.nextDueDate, "nextDueDate == null");
    this.bphsControlled = b.bphsControlled;
    this.clinicalTargetMet = b.clinicalTargetMet;
    this.ageAtVisit = b.ageAtVisit;
  }

  /** Creates an empty builder; used by the {@link Assessor} and to restore stored assessments. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised with this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the {@link RuleSet} that produced this assessment. */
  public String ruleSetId() {
    return ruleSetId;
  }

  /** Returns the disease assessed. */
  public Disease disease() {
    return disease;
  }

  /** Returns the date of the assessed visit. */
  public LocalDate visitDate() {
    return visitDate;
  }

  /**
   * Returns the danger signs of this disease's list that were found (computed or reported), in
   * {@link DangerSign} declaration order; empty if none (unmodifiable).
   */
  public List<DangerSign> dangerSigns() {
    return dangerSigns;
  }

  /** Returns whether the patient must be referred urgently (any danger sign). */
  public boolean urgentReferral() {
    return urgentReferral;
  }

  /**
   * Returns the suggested classification, the most severe that applies. With a danger sign it is
   * the underlying class. Null when nothing could be classified: no measured values (a telephone
   * visit, or nothing measured) and no adverse reaction or complication.
   */
  @Nullable
  public Classification classification() {
    return classification;
  }

  /**
   * Returns the most demanding next step that applies, or null when {@link #classification()} is
   * null and there is no urgent referral (then a face-to-face visit is due).
   */
  @Nullable
  public NextStep nextStep() {
    return nextStep;
  }

  /** Returns the recommended action in Chinese, one short sentence from the §3 table. */
  public String recommendedActionZh() {
    return recommendedActionZh;
  }

  /** Returns the recommended action in English. */
  public String recommendedActionEn() {
    return recommendedActionEn;
  }

  /** Returns the date by which the next follow-up (or referral follow-up) is due. */
  public LocalDate nextDueDate() {
    return nextDueDate;
  }

  /**
   * Returns whether the measured values meet the BPHS control thresholds (SBP and DBP below the
   * limits for hypertension; FPG below the limit for diabetes), or null when not measured on a
   * face-to-face visit. This value feeds the supervisors' control-rate indicator.
   */
  @Nullable
  public Boolean bphsControlled() {
    return bphsControlled;
  }

  /**
   * Returns whether the advisory clinical targets of the rule set are met, or null when the rule
   * set has no targets or the values needed were not measured. Never affects the classification.
   */
  @Nullable
  public Boolean clinicalTargetMet() {
    return clinicalTargetMet;
  }

  /** Returns the patient's age in full years on the visit date. */
  public int ageAtVisit() {
    return ageAtVisit;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Assessment)) {
      return false;
    }
    Assessment that = (Assessment) o;
    return ruleSetId.equals(that.ruleSetId)
        && disease == that.disease
        && visitDate.equals(that.visitDate)
        && dangerSigns.equals(that.dangerSigns)
        && urgentReferral == that.urgentReferral
        && classification == that.classification
        && nextStep == that.nextStep
        && recommendedActionZh.equals(that.recommendedActionZh)
        && recommendedActionEn.equals(that.recommendedActionEn)
        && nextDueDate.equals(that.nextDueDate)
        && Objects.equals(bphsControlled, that.bphsControlled)
        && Objects.equals(clinicalTargetMet, that.clinicalTargetMet)
        && ageAtVisit == that.ageAtVisit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        ruleSetId,
        disease,
        visitDate,
        dangerSigns,
        urgentReferral,
        classification,
        nextStep,
        recommendedActionZh,
        recommendedActionEn,
        nextDueDate,
        bphsControlled,
        clinicalTargetMet,
        ageAtVisit);
  }

  @Override
  public String toString() {
    return "Assessment{ruleSetId="
        + ruleSetId
        + ", disease="
        + disease
        + ", visitDate="
        + visitDate
        + ", dangerSigns="
        + dangerSigns
        + ", urgentReferral="
        + urgentReferral
        + ", classification="
        + classification
        + ", nextStep="
        + nextStep
        + ", recommendedActionEn="
        + recommendedActionEn
        + ", nextDueDate="
        + nextDueDate
        + ", bphsControlled="
        + bphsControlled
        + ", clinicalTargetMet="
        + clinicalTargetMet
        + ", ageAtVisit="
        + ageAtVisit
        + "}";
  }

  /** Builds an {@link Assessment}; not thread-safe. */
  public static final class Builder {
    @Nullable private String ruleSetId;
    @Nullable private Disease disease;
    @Nullable private LocalDate visitDate;
    private List<DangerSign> dangerSigns = new ArrayList<>();
    private boolean urgentReferral;
    @Nullable private Classification classification;
    @Nullable private NextStep nextStep;
    @Nullable private String recommendedActionZh;
    @Nullable private String recommendedActionEn;
    @Nullable private LocalDate nextDueDate;
    @Nullable private Boolean bphsControlled;
    @Nullable private Boolean clinicalTargetMet;
    private int ageAtVisit;

    private Builder() {}

    private Builder(Assessment source) {
      ruleSetId = source.ruleSetId;
      disease = source.disease;
      visitDate = source.visitDate;
      dangerSigns = new ArrayList<>(source.dangerSigns);
      urgentReferral = source.urgentReferral;
      classification = source.classification;
      nextStep = source.nextStep;
      recommendedActionZh = source.recommendedActionZh;
      recommendedActionEn = source.recommendedActionEn;
      nextDueDate = source.nextDueDate;
      bphsControlled = source.bphsControlled;
      clinicalTargetMet = source.clinicalTargetMet;
      ageAtVisit = source.ageAtVisit;
    }

    /** Sets the rule-set id (required). */
    public Builder ruleSetId(String ruleSetId) {
      this.ruleSetId = Objects.requireNonNull(ruleSetId, "ruleSetId == null");
      return this;
    }

    /** Sets the disease (required). */
    public Builder disease(Disease disease) {
      this.disease = Objects.requireNonNull(disease, "disease == null");
      return this;
    }

    /** Sets the visit date (required). */
    public Builder visitDate(LocalDate visitDate) {
      this.visitDate = Objects.requireNonNull(visitDate, "visitDate == null");
      return this;
    }

    /** Sets the danger signs found (copied; stored in enum order without duplicates). */
    public Builder dangerSigns(Collection<DangerSign> dangerSigns) {
      Objects.requireNonNull(dangerSigns, "dangerSigns == null");
      this.dangerSigns = new ArrayList<>(dangerSigns);
      return this;
    }

    /** Sets whether an urgent referral is required. */
    public Builder urgentReferral(boolean urgentReferral) {
      this.urgentReferral = urgentReferral;
      return this;
    }

    /** Sets the classification, or null. */
    public Builder classification(@Nullable Classification classification) {
      this.classification = classification;
      return this;
    }

    /** Sets the next step, or null. */
    public Builder nextStep(@Nullable NextStep nextStep) {
      this.nextStep = nextStep;
      return this;
    }

    /** Sets the recommended action in Chinese (required). */
    public Builder recommendedActionZh(String recommendedActionZh) {
      this.recommendedActionZh =
          Objects.requireNonNull(recommendedActionZh, "recommendedActionZh == null");
      return this;
    }

    /** Sets the recommended action in English (required). */
    public Builder recommendedActionEn(String recommendedActionEn) {
      this.recommendedActionEn =
          Objects.requireNonNull(recommendedActionEn, "recommendedActionEn == null");
      return this;
    }

    /** Sets the due date of the next follow-up (required). */
    public Builder nextDueDate(LocalDate nextDueDate) {
      this.nextDueDate = Objects.requireNonNull(nextDueDate, "nextDueDate == null");
      return this;
    }

    /** Sets whether the BPHS thresholds are met, or null if not measured. */
    public Builder bphsControlled(@Nullable Boolean bphsControlled) {
      this.bphsControlled = bphsControlled;
      return this;
    }

    /** Sets whether the clinical targets are met, or null. */
    public Builder clinicalTargetMet(@Nullable Boolean clinicalTargetMet) {
      this.clinicalTargetMet = clinicalTargetMet;
      return this;
    }

    /** Sets the age in full years on the visit date. */
    public Builder ageAtVisit(int ageAtVisit) {
      this.ageAtVisit = ageAtVisit;
      return this;
    }

    /**
     * Creates the assessment.
     *
     * @throws NullPointerException if a required value is not set
     */
    public Assessment build() {
      return new Assessment(this);
    }
  }
}
