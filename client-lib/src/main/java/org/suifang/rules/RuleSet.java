package org.suifang.rules;

import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Holds every threshold, interval and validation range the rules use, as versioned data: no number
 * is hard-coded in the logic. Each visit records the {@link #id()} of the rule set that assessed
 * it.
 *
 * <p>Use a built-in set from {@link RuleSets}, or derive a provincial one with {@link
 * #toBuilder()}:
 *
 * <pre>{@code
 * RuleSet noAgeSplit = RuleSets.BPHS_2017.toBuilder()
 *     .id("bphs-2017-no-age-split")
 *     .elderlySplitEnabled(false)
 *     .build();
 * }</pre>
 *
 * <p>Comparison words in the accessor names are exact: {@code AtLeast} is &ge;, {@code AtMost} is
 * &le;, {@code Above} is &gt; and {@code Below} is &lt;. Decimal thresholds are {@link BigDecimal}
 * and measured values are compared with them exactly in decimal, so 16.6 and 16.7 mmol/L fall on
 * the right sides of 16.7. Validation ranges are inclusive.
 */
public final class RuleSet {
  private final String id;
  private final String description;
  private final int htnDangerSystolicAtLeast;
  private final int htnDangerDiastolicAtLeast;
  private final int htnControlledSystolicBelow;
  private final int htnControlledDiastolicBelow;
  private final boolean elderlySplitEnabled;
  private final int elderlyAge;
  private final int elderlyControlledSystolicBelow;
  private final int elderlyControlledDiastolicBelow;
  private final BigDecimal dmDangerGlucoseAtLeast;
  private final BigDecimal dmDangerGlucoseAtMost;
  private final int dmDangerHeartRateAbove;
  private final BigDecimal dmDangerTemperatureAbove;
  private final int dmDangerSystolicAtLeast;
  private final int dmDangerDiastolicAtLeast;
  private final BigDecimal dmControlledGlucoseBelow;
  private final int pregnancySystolicAtLeast;
  private final int pregnancyDiastolicAtLeast;
  private final BigDecimal pregnancyGlucoseAtLeast;
  private final int urgentReferralFollowUpDays;
  private final int firstUncontrolledRecheckDays;
  private final int adverseReactionRecheckDays;
  private final int referralFollowUpDays;
  private final int routineFollowUpDays;
  private final int phoneVisitFollowUpDays;
  private final int minFaceToFaceVisitsPerYear;
  private final int minEnrolmentAge;
  private final ValueRange systolicHardRange;
  private final ValueRange systolicPlausibleRange;
  private final ValueRange diastolicHardRange;
  private final ValueRange diastolicPlausibleRange;
  private final ValueRange heartRateHardRange;
  private final ValueRange heartRatePlausibleRange;
  private final ValueRange temperatureHardRange;
  private final ValueRange temperaturePlausibleRange;
  private final ValueRange fastingGlucoseHardRange;
  private final ValueRange fastingGlucosePlausibleRange;
  private final ValueRange weightHardRange;
  private final ValueRange weightPlausibleRange;
  @Nullable private final ClinicalTargets clinicalTargets;

  private RuleSet(Builder b) {
    this.id = b.id;
    this.description = b.description;
    this.htnDangerSystolicAtLeast = b.htnDangerSystolicAtLeast;
    this.htnDangerDiastolicAtLeast = b.htnDangerDiastolicAtLeast;
    this.htnControlledSystolicBelow = b.htnControlledSystolicBelow;
    this.htnControlledDiastolicBelow = b.htnControlledDiastolicBelow;
    this.elderlySplitEnabled = b.elderlySplitEnabled;
    this.elderlyAge = b.elderlyAge;
    this.elderlyControlledSystolicBelow = b.elderlyControlledSystolicBelow;
    this.elderlyControlledDiastolicBelow = b.elderlyControlledDiastolicBelow;
    this.dmDangerGlucoseAtLeast = b.dmDangerGlucoseAtLeast;
    this.dmDangerGlucoseAtMost = b.dmDangerGlucoseAtMost;
    this.dmDangerHeartRateAbove = b.dmDangerHeartRateAbove;
    this.dmDangerTemperatureAbove = b.dmDangerTemperatureAbove;
    this.dmDangerSystolicAtLeast = b.dmDangerSystolicAtLeast;
    this.dmDangerDiastolicAtLeast = b.dmDangerDiastolicAtLeast;
    this.dmControlledGlucoseBelow = b.dmControlledGlucoseBelow;
    this.pregnancySystolicAtLeast = b.pregnancySystolicAtLeast;
    this.pregnancyDiastolicAtLeast = b.pregnancyDiastolicAtLeast;
    this.pregnancyGlucoseAtLeast = b.pregnancyGlucoseAtLeast;
    this.urgentReferralFollowUpDays = b.urgentReferralFollowUpDays;
    this.firstUncontrolledRecheckDays = b.firstUncontrolledRecheckDays;
    this.adverseReactionRecheckDays = b.adverseReactionRecheckDays;
    this.referralFollowUpDays = b.referralFollowUpDays;
    this.routineFollowUpDays = b.routineFollowUpDays;
    this.phoneVisitFollowUpDays = b.phoneVisitFollowUpDays;
    this.minFaceToFaceVisitsPerYear = b.minFaceToFaceVisitsPerYear;
    this.minEnrolmentAge = b.minEnrolmentAge;
    this.systolicHardRange = b.systolicHardRange;
    this.systolicPlausibleRange = b.systolicPlausibleRange;
    this.diastolicHardRange = b.diastolicHardRange;
    this.diastolicPlausibleRange = b.diastolicPlausibleRange;
    this.heartRateHardRange = b.heartRateHardRange;
    this.heartRatePlausibleRange = b.heartRatePlausibleRange;
    this.temperatureHardRange = b.temperatureHardRange;
    this.temperaturePlausibleRange = b.temperaturePlausibleRange;
    this.fastingGlucoseHardRange = b.fastingGlucoseHardRange;
    this.fastingGlucosePlausibleRange = b.fastingGlucosePlausibleRange;
    this.weightHardRange = b.weightHardRange;
    this.weightPlausibleRange = b.weightPlausibleRange;
    this.clinicalTargets = b.clinicalTargets;
  }

  /**
   * Creates an empty builder. Every value except {@link Builder#clinicalTargets} must be set; to
   * change only a few values start from a built-in set with {@link #toBuilder()} instead.
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised with this rule set's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the stable identifier recorded on each visit, e.g. {@code "bphs-2017"}. */
  public String id() {
    return id;
  }

  /** Returns a human-readable description of the rule set. */
  public String description() {
    return description;
  }

  /**
   * Returns the hypertension danger-sign systolic threshold: SBP &ge; this (180 mmHg) is urgent.
   */
  public int htnDangerSystolicAtLeast() {
    return htnDangerSystolicAtLeast;
  }

  /**
   * Returns the hypertension danger-sign diastolic threshold: DBP &ge; this (110 mmHg) is urgent.
   */
  public int htnDangerDiastolicAtLeast() {
    return htnDangerDiastolicAtLeast;
  }

  /** Returns the BPHS controlled systolic limit: controlled needs SBP &lt; this (140 mmHg). */
  public int htnControlledSystolicBelow() {
    return htnControlledSystolicBelow;
  }

  /** Returns the BPHS controlled diastolic limit: controlled needs DBP &lt; this (90 mmHg). */
  public int htnControlledDiastolicBelow() {
    return htnControlledDiastolicBelow;
  }

  /**
   * Returns whether older patients use the elderly control limits (3rd-ed. age split, default
   * true).
   */
  public boolean elderlySplitEnabled() {
    return elderlySplitEnabled;
  }

  /** Returns the age in full years on the visit date from which the elderly limits apply (65). */
  public int elderlyAge() {
    return elderlyAge;
  }

  /** Returns the elderly controlled systolic limit: SBP &lt; this (150 mmHg). */
  public int elderlyControlledSystolicBelow() {
    return elderlyControlledSystolicBelow;
  }

  /** Returns the elderly controlled diastolic limit: DBP &lt; this (90 mmHg). */
  public int elderlyControlledDiastolicBelow() {
    return elderlyControlledDiastolicBelow;
  }

  /**
   * Returns the diabetes high-glucose danger threshold: glucose &ge; this (16.7 mmol/L) is urgent.
   */
  public BigDecimal dmDangerGlucoseAtLeast() {
    return dmDangerGlucoseAtLeast;
  }

  /**
   * Returns the diabetes low-glucose danger threshold: glucose &le; this (3.9 mmol/L) is urgent.
   */
  public BigDecimal dmDangerGlucoseAtMost() {
    return dmDangerGlucoseAtMost;
  }

  /** Returns the diabetes tachycardia threshold: heart rate &gt; this (100/min) is urgent. */
  public int dmDangerHeartRateAbove() {
    return dmDangerHeartRateAbove;
  }

  /** Returns the diabetes fever threshold: temperature &gt; this (39.0 &#8451;) is urgent. */
  public BigDecimal dmDangerTemperatureAbove() {
    return dmDangerTemperatureAbove;
  }

  /** Returns the diabetes danger-sign systolic threshold: SBP &ge; this (180 mmHg) is urgent. */
  public int dmDangerSystolicAtLeast() {
    return dmDangerSystolicAtLeast;
  }

  /** Returns the diabetes danger-sign diastolic threshold: DBP &ge; this (110 mmHg) is urgent. */
  public int dmDangerDiastolicAtLeast() {
    return dmDangerDiastolicAtLeast;
  }

  /**
   * Returns the BPHS controlled fasting-glucose limit: controlled needs FPG &lt; this (7.0 mmol/L).
   */
  public BigDecimal dmControlledGlucoseBelow() {
    return dmControlledGlucoseBelow;
  }

  /**
   * Returns the "BP above normal" systolic threshold for pregnant or breastfeeding patients: SBP
   * &ge; this (140 mmHg).
   */
  public int pregnancySystolicAtLeast() {
    return pregnancySystolicAtLeast;
  }

  /**
   * Returns the "BP above normal" diastolic threshold for pregnant or breastfeeding patients: DBP
   * &ge; this (90 mmHg).
   */
  public int pregnancyDiastolicAtLeast() {
    return pregnancyDiastolicAtLeast;
  }

  /**
   * Returns the "glucose above normal" threshold for pregnant or breastfeeding patients: FPG &ge;
   * this (7.0 mmol/L; not defined by the standard, [GK-verify]).
   */
  public BigDecimal pregnancyGlucoseAtLeast() {
    return pregnancyGlucoseAtLeast;
  }

  /** Returns the days from the visit to the follow-up of an urgent referral (14). */
  public int urgentReferralFollowUpDays() {
    return urgentReferralFollowUpDays;
  }

  /** Returns the days from the visit to the recheck after a first uncontrolled visit (14). */
  public int firstUncontrolledRecheckDays() {
    return firstUncontrolledRecheckDays;
  }

  /** Returns the days from the visit to the recheck after a first adverse drug reaction (14). */
  public int adverseReactionRecheckDays() {
    return adverseReactionRecheckDays;
  }

  /** Returns the days from the visit to the follow-up of an advised referral (14). */
  public int referralFollowUpDays() {
    return referralFollowUpDays;
  }

  /** Returns the days from the visit to the next routine follow-up of a controlled patient (90). */
  public int routineFollowUpDays() {
    return routineFollowUpDays;
  }

  /**
   * Returns the days from a visit without measurements (telephone, or nothing measured) to the
   * face-to-face visit it calls for (14).
   */
  public int phoneVisitFollowUpDays() {
    return phoneVisitFollowUpDays;
  }

  /** Returns the minimum number of face-to-face visits per calendar year (4). */
  public int minFaceToFaceVisitsPerYear() {
    return minFaceToFaceVisitsPerYear;
  }

  /**
   * Returns the youngest age at which a resident is enrolled for management (35: domain.md §1.1 and
   * §2.1). Registering a younger patient is allowed but flagged for review.
   */
  public int minEnrolmentAge() {
    return minEnrolmentAge;
  }

  /** Returns the systolic values (mmHg) outside which a value is rejected as an error (40–300). */
  public ValueRange systolicHardRange() {
    return systolicHardRange;
  }

  /** Returns the plausible systolic values (mmHg); outside them a warning (60–300). */
  public ValueRange systolicPlausibleRange() {
    return systolicPlausibleRange;
  }

  /** Returns the diastolic values (mmHg) outside which a value is rejected as an error (20–250). */
  public ValueRange diastolicHardRange() {
    return diastolicHardRange;
  }

  /** Returns the plausible diastolic values (mmHg); outside them a warning (30–200). */
  public ValueRange diastolicPlausibleRange() {
    return diastolicPlausibleRange;
  }

  /** Returns the heart rates (beats/min) outside which a value is rejected as an error (15–300). */
  public ValueRange heartRateHardRange() {
    return heartRateHardRange;
  }

  /** Returns the plausible heart rates (beats/min); outside them a warning (30–220). */
  public ValueRange heartRatePlausibleRange() {
    return heartRatePlausibleRange;
  }

  /**
   * Returns the body temperatures (&#8451;) outside which a value is rejected as an error
   * (25.0–45.0).
   */
  public ValueRange temperatureHardRange() {
    return temperatureHardRange;
  }

  /** Returns the plausible body temperatures (&#8451;); outside them a warning (34.0–42.0). */
  public ValueRange temperaturePlausibleRange() {
    return temperaturePlausibleRange;
  }

  /** Returns the glucose values (mmol/L) outside which a value is rejected as an error (0.5–40). */
  public ValueRange fastingGlucoseHardRange() {
    return fastingGlucoseHardRange;
  }

  /** Returns the plausible glucose values (mmol/L); outside them a warning (1.0–33.3). */
  public ValueRange fastingGlucosePlausibleRange() {
    return fastingGlucosePlausibleRange;
  }

  /** Returns the weights (kg) outside which a value is rejected as an error (10–400). */
  public ValueRange weightHardRange() {
    return weightHardRange;
  }

  /** Returns the plausible weights (kg); outside them a warning (20–250). */
  public ValueRange weightPlausibleRange() {
    return weightPlausibleRange;
  }

  /**
   * Returns the advisory clinical targets, or null when this rule set has none (then {@link
   * Assessment#clinicalTargetMet()} is always null).
   */
  @Nullable
  public ClinicalTargets clinicalTargets() {
    return clinicalTargets;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RuleSet)) {
      return false;
    }
    RuleSet that = (RuleSet) o;
    return id.equals(that.id)
        && description.equals(that.description)
        && htnDangerSystolicAtLeast == that.htnDangerSystolicAtLeast
        && htnDangerDiastolicAtLeast == that.htnDangerDiastolicAtLeast
        && htnControlledSystolicBelow == that.htnControlledSystolicBelow
        && htnControlledDiastolicBelow == that.htnControlledDiastolicBelow
        && elderlySplitEnabled == that.elderlySplitEnabled
        && elderlyAge == that.elderlyAge
        && elderlyControlledSystolicBelow == that.elderlyControlledSystolicBelow
        && elderlyControlledDiastolicBelow == that.elderlyControlledDiastolicBelow
        && Decimals.equal(dmDangerGlucoseAtLeast, that.dmDangerGlucoseAtLeast)
        && Decimals.equal(dmDangerGlucoseAtMost, that.dmDangerGlucoseAtMost)
        && dmDangerHeartRateAbove == that.dmDangerHeartRateAbove
        && Decimals.equal(dmDangerTemperatureAbove, that.dmDangerTemperatureAbove)
        && dmDangerSystolicAtLeast == that.dmDangerSystolicAtLeast
        && dmDangerDiastolicAtLeast == that.dmDangerDiastolicAtLeast
        && Decimals.equal(dmControlledGlucoseBelow, that.dmControlledGlucoseBelow)
        && pregnancySystolicAtLeast == that.pregnancySystolicAtLeast
        && pregnancyDiastolicAtLeast == that.pregnancyDiastolicAtLeast
        && Decimals.equal(pregnancyGlucoseAtLeast, that.pregnancyGlucoseAtLeast)
        && urgentReferralFollowUpDays == that.urgentReferralFollowUpDays
        && firstUncontrolledRecheckDays == that.firstUncontrolledRecheckDays
        && adverseReactionRecheckDays == that.adverseReactionRecheckDays
        && referralFollowUpDays == that.referralFollowUpDays
        && routineFollowUpDays == that.routineFollowUpDays
        && phoneVisitFollowUpDays == that.phoneVisitFollowUpDays
        && minFaceToFaceVisitsPerYear == that.minFaceToFaceVisitsPerYear
        && minEnrolmentAge == that.minEnrolmentAge
        && systolicHardRange.equals(that.systolicHardRange)
        && systolicPlausibleRange.equals(that.systolicPlausibleRange)
        && diastolicHardRange.equals(that.diastolicHardRange)
        && diastolicPlausibleRange.equals(that.diastolicPlausibleRange)
        && heartRateHardRange.equals(that.heartRateHardRange)
        && heartRatePlausibleRange.equals(that.heartRatePlausibleRange)
        && temperatureHardRange.equals(that.temperatureHardRange)
        && temperaturePlausibleRange.equals(that.temperaturePlausibleRange)
        && fastingGlucoseHardRange.equals(that.fastingGlucoseHardRange)
        && fastingGlucosePlausibleRange.equals(that.fastingGlucosePlausibleRange)
        && weightHardRange.equals(that.weightHardRange)
        && weightPlausibleRange.equals(that.weightPlausibleRange)
        && Objects.equals(clinicalTargets, that.clinicalTargets);
  }

  @Override
  public int hashCode() {
    int h = 17;
    h = 31 * h + id.hashCode();
    h = 31 * h + description.hashCode();
    h = 31 * h + htnDangerSystolicAtLeast;
    h = 31 * h + htnDangerDiastolicAtLeast;
    h = 31 * h + htnControlledSystolicBelow;
    h = 31 * h + htnControlledDiastolicBelow;
    h = 31 * h + (elderlySplitEnabled ? 1 : 0);
    h = 31 * h + elderlyAge;
    h = 31 * h + elderlyControlledSystolicBelow;
    h = 31 * h + elderlyControlledDiastolicBelow;
    h = 31 * h + Decimals.hash(dmDangerGlucoseAtLeast);
    h = 31 * h + Decimals.hash(dmDangerGlucoseAtMost);
    h = 31 * h + dmDangerHeartRateAbove;
    h = 31 * h + Decimals.hash(dmDangerTemperatureAbove);
    h = 31 * h + dmDangerSystolicAtLeast;
    h = 31 * h + dmDangerDiastolicAtLeast;
    h = 31 * h + Decimals.hash(dmControlledGlucoseBelow);
    h = 31 * h + pregnancySystolicAtLeast;
    h = 31 * h + pregnancyDiastolicAtLeast;
    h = 31 * h + Decimals.hash(pregnancyGlucoseAtLeast);
    h = 31 * h + urgentReferralFollowUpDays;
    h = 31 * h + firstUncontrolledRecheckDays;
    h = 31 * h + adverseReactionRecheckDays;
    h = 31 * h + referralFollowUpDays;
    h = 31 * h + routineFollowUpDays;
    h = 31 * h + phoneVisitFollowUpDays;
    h = 31 * h + minFaceToFaceVisitsPerYear;
    h = 31 * h + minEnrolmentAge;
    h = 31 * h + systolicHardRange.hashCode();
    h = 31 * h + systolicPlausibleRange.hashCode();
    h = 31 * h + diastolicHardRange.hashCode();
    h = 31 * h + diastolicPlausibleRange.hashCode();
    h = 31 * h + heartRateHardRange.hashCode();
    h = 31 * h + heartRatePlausibleRange.hashCode();
    h = 31 * h + temperatureHardRange.hashCode();
    h = 31 * h + temperaturePlausibleRange.hashCode();
    h = 31 * h + fastingGlucoseHardRange.hashCode();
    h = 31 * h + fastingGlucosePlausibleRange.hashCode();
    h = 31 * h + weightHardRange.hashCode();
    h = 31 * h + weightPlausibleRange.hashCode();
    h = 31 * h + Objects.hashCode(clinicalTargets);
    return h;
  }

  @Override
  public String toString() {
    return "RuleSet{"
        + "id="
        + id
        + ", description="
        + description
        + ", htnDangerSystolicAtLeast="
        + htnDangerSystolicAtLeast
        + ", htnDangerDiastolicAtLeast="
        + htnDangerDiastolicAtLeast
        + ", htnControlledSystolicBelow="
        + htnControlledSystolicBelow
        + ", htnControlledDiastolicBelow="
        + htnControlledDiastolicBelow
        + ", elderlySplitEnabled="
        + elderlySplitEnabled
        + ", elderlyAge="
        + elderlyAge
        + ", elderlyControlledSystolicBelow="
        + elderlyControlledSystolicBelow
        + ", elderlyControlledDiastolicBelow="
        + elderlyControlledDiastolicBelow
        + ", dmDangerGlucoseAtLeast="
        + Decimals.format(dmDangerGlucoseAtLeast)
        + ", dmDangerGlucoseAtMost="
        + Decimals.format(dmDangerGlucoseAtMost)
        + ", dmDangerHeartRateAbove="
        + dmDangerHeartRateAbove
        + ", dmDangerTemperatureAbove="
        + Decimals.format(dmDangerTemperatureAbove)
        + ", dmDangerSystolicAtLeast="
        + dmDangerSystolicAtLeast
        + ", dmDangerDiastolicAtLeast="
        + dmDangerDiastolicAtLeast
        + ", dmControlledGlucoseBelow="
        + Decimals.format(dmControlledGlucoseBelow)
        + ", pregnancySystolicAtLeast="
        + pregnancySystolicAtLeast
        + ", pregnancyDiastolicAtLeast="
        + pregnancyDiastolicAtLeast
        + ", pregnancyGlucoseAtLeast="
        + Decimals.format(pregnancyGlucoseAtLeast)
        + ", urgentReferralFollowUpDays="
        + urgentReferralFollowUpDays
        + ", firstUncontrolledRecheckDays="
        + firstUncontrolledRecheckDays
        + ", adverseReactionRecheckDays="
        + adverseReactionRecheckDays
        + ", referralFollowUpDays="
        + referralFollowUpDays
        + ", routineFollowUpDays="
        + routineFollowUpDays
        + ", phoneVisitFollowUpDays="
        + phoneVisitFollowUpDays
        + ", minFaceToFaceVisitsPerYear="
        + minFaceToFaceVisitsPerYear
        + ", minEnrolmentAge="
        + minEnrolmentAge
        + ", systolicHardRange="
        + systolicHardRange
        + ", systolicPlausibleRange="
        + systolicPlausibleRange
        + ", diastolicHardRange="
        + diastolicHardRange
        + ", diastolicPlausibleRange="
        + diastolicPlausibleRange
        + ", heartRateHardRange="
        + heartRateHardRange
        + ", heartRatePlausibleRange="
        + heartRatePlausibleRange
        + ", temperatureHardRange="
        + temperatureHardRange
        + ", temperaturePlausibleRange="
        + temperaturePlausibleRange
        + ", fastingGlucoseHardRange="
        + fastingGlucoseHardRange
        + ", fastingGlucosePlausibleRange="
        + fastingGlucosePlausibleRange
        + ", weightHardRange="
        + weightHardRange
        + ", weightPlausibleRange="
        + weightPlausibleRange
        + ", clinicalTargets="
        + clinicalTargets
        + "}";
  }

  /** Builds a {@link RuleSet}; not thread-safe. */
  public static final class Builder {
    @Nullable private String id;
    @Nullable private String description;
    @Nullable private Integer htnDangerSystolicAtLeast;
    @Nullable private Integer htnDangerDiastolicAtLeast;
    @Nullable private Integer htnControlledSystolicBelow;
    @Nullable private Integer htnControlledDiastolicBelow;
    @Nullable private Boolean elderlySplitEnabled;
    @Nullable private Integer elderlyAge;
    @Nullable private Integer elderlyControlledSystolicBelow;
    @Nullable private Integer elderlyControlledDiastolicBelow;
    @Nullable private BigDecimal dmDangerGlucoseAtLeast;
    @Nullable private BigDecimal dmDangerGlucoseAtMost;
    @Nullable private Integer dmDangerHeartRateAbove;
    @Nullable private BigDecimal dmDangerTemperatureAbove;
    @Nullable private Integer dmDangerSystolicAtLeast;
    @Nullable private Integer dmDangerDiastolicAtLeast;
    @Nullable private BigDecimal dmControlledGlucoseBelow;
    @Nullable private Integer pregnancySystolicAtLeast;
    @Nullable private Integer pregnancyDiastolicAtLeast;
    @Nullable private BigDecimal pregnancyGlucoseAtLeast;
    @Nullable private Integer urgentReferralFollowUpDays;
    @Nullable private Integer firstUncontrolledRecheckDays;
    @Nullable private Integer adverseReactionRecheckDays;
    @Nullable private Integer referralFollowUpDays;
    @Nullable private Integer routineFollowUpDays;
    @Nullable private Integer phoneVisitFollowUpDays;
    @Nullable private Integer minFaceToFaceVisitsPerYear;
    @Nullable private Integer minEnrolmentAge;
    @Nullable private ValueRange systolicHardRange;
    @Nullable private ValueRange systolicPlausibleRange;
    @Nullable private ValueRange diastolicHardRange;
    @Nullable private ValueRange diastolicPlausibleRange;
    @Nullable private ValueRange heartRateHardRange;
    @Nullable private ValueRange heartRatePlausibleRange;
    @Nullable private ValueRange temperatureHardRange;
    @Nullable private ValueRange temperaturePlausibleRange;
    @Nullable private ValueRange fastingGlucoseHardRange;
    @Nullable private ValueRange fastingGlucosePlausibleRange;
    @Nullable private ValueRange weightHardRange;
    @Nullable private ValueRange weightPlausibleRange;
    @Nullable private ClinicalTargets clinicalTargets;

    private Builder() {}

    private Builder(RuleSet s) {
      id = s.id;
      description = s.description;
      htnDangerSystolicAtLeast = s.htnDangerSystolicAtLeast;
      htnDangerDiastolicAtLeast = s.htnDangerDiastolicAtLeast;
      htnControlledSystolicBelow = s.htnControlledSystolicBelow;
      htnControlledDiastolicBelow = s.htnControlledDiastolicBelow;
      elderlySplitEnabled = s.elderlySplitEnabled;
      elderlyAge = s.elderlyAge;
      elderlyControlledSystolicBelow = s.elderlyControlledSystolicBelow;
      elderlyControlledDiastolicBelow = s.elderlyControlledDiastolicBelow;
      dmDangerGlucoseAtLeast = s.dmDangerGlucoseAtLeast;
      dmDangerGlucoseAtMost = s.dmDangerGlucoseAtMost;
      dmDangerHeartRateAbove = s.dmDangerHeartRateAbove;
      dmDangerTemperatureAbove = s.dmDangerTemperatureAbove;
      dmDangerSystolicAtLeast = s.dmDangerSystolicAtLeast;
      dmDangerDiastolicAtLeast = s.dmDangerDiastolicAtLeast;
      dmControlledGlucoseBelow = s.dmControlledGlucoseBelow;
      pregnancySystolicAtLeast = s.pregnancySystolicAtLeast;
      pregnancyDiastolicAtLeast = s.pregnancyDiastolicAtLeast;
      pregnancyGlucoseAtLeast = s.pregnancyGlucoseAtLeast;
      urgentReferralFollowUpDays = s.urgentReferralFollowUpDays;
      firstUncontrolledRecheckDays = s.firstUncontrolledRecheckDays;
      adverseReactionRecheckDays = s.adverseReactionRecheckDays;
      referralFollowUpDays = s.referralFollowUpDays;
      routineFollowUpDays = s.routineFollowUpDays;
      phoneVisitFollowUpDays = s.phoneVisitFollowUpDays;
      minFaceToFaceVisitsPerYear = s.minFaceToFaceVisitsPerYear;
      minEnrolmentAge = s.minEnrolmentAge;
      systolicHardRange = s.systolicHardRange;
      systolicPlausibleRange = s.systolicPlausibleRange;
      diastolicHardRange = s.diastolicHardRange;
      diastolicPlausibleRange = s.diastolicPlausibleRange;
      heartRateHardRange = s.heartRateHardRange;
      heartRatePlausibleRange = s.heartRatePlausibleRange;
      temperatureHardRange = s.temperatureHardRange;
      temperaturePlausibleRange = s.temperaturePlausibleRange;
      fastingGlucoseHardRange = s.fastingGlucoseHardRange;
      fastingGlucosePlausibleRange = s.fastingGlucosePlausibleRange;
      weightHardRange = s.weightHardRange;
      weightPlausibleRange = s.weightPlausibleRange;
      clinicalTargets = s.clinicalTargets;
    }

    /** Sets the stable identifier recorded on each visit, e.g. {@code "bphs-2017"}. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets a human-readable description of the rule set. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /** Sets the hypertension danger-sign systolic threshold: SBP &ge; this (180 mmHg) is urgent. */
    public Builder htnDangerSystolicAtLeast(int htnDangerSystolicAtLeast) {
      this.htnDangerSystolicAtLeast = htnDangerSystolicAtLeast;
      return this;
    }

    /**
     * Sets the hypertension danger-sign diastolic threshold: DBP &ge; this (110 mmHg) is urgent.
     */
    public Builder htnDangerDiastolicAtLeast(int htnDangerDiastolicAtLeast) {
      this.htnDangerDiastolicAtLeast = htnDangerDiastolicAtLeast;
      return this;
    }

    /** Sets the BPHS controlled systolic limit: controlled needs SBP &lt; this (140 mmHg). */
    public Builder htnControlledSystolicBelow(int htnControlledSystolicBelow) {
      this.htnControlledSystolicBelow = htnControlledSystolicBelow;
      return this;
    }

    /** Sets the BPHS controlled diastolic limit: controlled needs DBP &lt; this (90 mmHg). */
    public Builder htnControlledDiastolicBelow(int htnControlledDiastolicBelow) {
      this.htnControlledDiastolicBelow = htnControlledDiastolicBelow;
      return this;
    }

    /**
     * Sets whether older patients use the elderly control limits (3rd-ed. age split, default true).
     */
    public Builder elderlySplitEnabled(boolean elderlySplitEnabled) {
      this.elderlySplitEnabled = elderlySplitEnabled;
      return this;
    }

    /** Sets the age in full years on the visit date from which the elderly limits apply (65). */
    public Builder elderlyAge(int elderlyAge) {
      this.elderlyAge = elderlyAge;
      return this;
    }

    /** Sets the elderly controlled systolic limit: SBP &lt; this (150 mmHg). */
    public Builder elderlyControlledSystolicBelow(int elderlyControlledSystolicBelow) {
      this.elderlyControlledSystolicBelow = elderlyControlledSystolicBelow;
      return this;
    }

    /** Sets the elderly controlled diastolic limit: DBP &lt; this (90 mmHg). */
    public Builder elderlyControlledDiastolicBelow(int elderlyControlledDiastolicBelow) {
      this.elderlyControlledDiastolicBelow = elderlyControlledDiastolicBelow;
      return this;
    }

    /**
     * Sets the diabetes high-glucose danger threshold: glucose &ge; this (16.7 mmol/L) is urgent.
     */
    public Builder dmDangerGlucoseAtLeast(BigDecimal dmDangerGlucoseAtLeast) {
      this.dmDangerGlucoseAtLeast =
          Objects.requireNonNull(dmDangerGlucoseAtLeast, "dmDangerGlucoseAtLeast == null");
      return this;
    }

    /**
     * Sets the diabetes high-glucose danger threshold: glucose &ge; this (16.7 mmol/L) is urgent,
     * from a decimal written as a double (7.0 is exactly 7.0).
     */
    public Builder dmDangerGlucoseAtLeast(double dmDangerGlucoseAtLeast) {
      return dmDangerGlucoseAtLeast(Decimals.of(dmDangerGlucoseAtLeast));
    }

    /** Sets the diabetes low-glucose danger threshold: glucose &le; this (3.9 mmol/L) is urgent. */
    public Builder dmDangerGlucoseAtMost(BigDecimal dmDangerGlucoseAtMost) {
      this.dmDangerGlucoseAtMost =
          Objects.requireNonNull(dmDangerGlucoseAtMost, "dmDangerGlucoseAtMost == null");
      return this;
    }

    /**
     * Sets the diabetes low-glucose danger threshold: glucose &le; this (3.9 mmol/L) is urgent,
     * from a decimal written as a double (7.0 is exactly 7.0).
     */
    public Builder dmDangerGlucoseAtMost(double dmDangerGlucoseAtMost) {
      return dmDangerGlucoseAtMost(Decimals.of(dmDangerGlucoseAtMost));
    }

    /** Sets the diabetes tachycardia threshold: heart rate &gt; this (100/min) is urgent. */
    public Builder dmDangerHeartRateAbove(int dmDangerHeartRateAbove) {
      this.dmDangerHeartRateAbove = dmDangerHeartRateAbove;
      return this;
    }

    /** Sets the diabetes fever threshold: temperature &gt; this (39.0 &#8451;) is urgent. */
    public Builder dmDangerTemperatureAbove(BigDecimal dmDangerTemperatureAbove) {
      this.dmDangerTemperatureAbove =
          Objects.requireNonNull(dmDangerTemperatureAbove, "dmDangerTemperatureAbove == null");
      return this;
    }

    /**
     * Sets the diabetes fever threshold: temperature &gt; this (39.0 &#8451;) is urgent, from a
     * decimal written as a double (7.0 is exactly 7.0).
     */
    public Builder dmDangerTemperatureAbove(double dmDangerTemperatureAbove) {
      return dmDangerTemperatureAbove(Decimals.of(dmDangerTemperatureAbove));
    }

    /** Sets the diabetes danger-sign systolic threshold: SBP &ge; this (180 mmHg) is urgent. */
    public Builder dmDangerSystolicAtLeast(int dmDangerSystolicAtLeast) {
      this.dmDangerSystolicAtLeast = dmDangerSystolicAtLeast;
      return this;
    }

    /** Sets the diabetes danger-sign diastolic threshold: DBP &ge; this (110 mmHg) is urgent. */
    public Builder dmDangerDiastolicAtLeast(int dmDangerDiastolicAtLeast) {
      this.dmDangerDiastolicAtLeast = dmDangerDiastolicAtLeast;
      return this;
    }

    /**
     * Sets the BPHS controlled fasting-glucose limit: controlled needs FPG &lt; this (7.0 mmol/L).
     */
    public Builder dmControlledGlucoseBelow(BigDecimal dmControlledGlucoseBelow) {
      this.dmControlledGlucoseBelow =
          Objects.requireNonNull(dmControlledGlucoseBelow, "dmControlledGlucoseBelow == null");
      return this;
    }

    /**
     * Sets the BPHS controlled fasting-glucose limit: controlled needs FPG &lt; this (7.0 mmol/L),
     * from a decimal written as a double (7.0 is exactly 7.0).
     */
    public Builder dmControlledGlucoseBelow(double dmControlledGlucoseBelow) {
      return dmControlledGlucoseBelow(Decimals.of(dmControlledGlucoseBelow));
    }

    /**
     * Sets the "BP above normal" systolic threshold for pregnant or breastfeeding patients: SBP
     * &ge; this (140 mmHg).
     */
    public Builder pregnancySystolicAtLeast(int pregnancySystolicAtLeast) {
      this.pregnancySystolicAtLeast = pregnancySystolicAtLeast;
      return this;
    }

    /**
     * Sets the "BP above normal" diastolic threshold for pregnant or breastfeeding patients: DBP
     * &ge; this (90 mmHg).
     */
    public Builder pregnancyDiastolicAtLeast(int pregnancyDiastolicAtLeast) {
      this.pregnancyDiastolicAtLeast = pregnancyDiastolicAtLeast;
      return this;
    }

    /**
     * Sets the "glucose above normal" threshold for pregnant or breastfeeding patients: FPG &ge;
     * this (7.0 mmol/L; not defined by the standard, [GK-verify]).
     */
    public Builder pregnancyGlucoseAtLeast(BigDecimal pregnancyGlucoseAtLeast) {
      this.pregnancyGlucoseAtLeast =
          Objects.requireNonNull(pregnancyGlucoseAtLeast, "pregnancyGlucoseAtLeast == null");
      return this;
    }

    /**
     * Sets the "glucose above normal" threshold for pregnant or breastfeeding patients: FPG &ge;
     * this (7.0 mmol/L; not defined by the standard, [GK-verify]), from a decimal written as a
     * double (7.0 is exactly 7.0).
     */
    public Builder pregnancyGlucoseAtLeast(double pregnancyGlucoseAtLeast) {
      return pregnancyGlucoseAtLeast(Decimals.of(pregnancyGlucoseAtLeast));
    }

    /** Sets the days from the visit to the follow-up of an urgent referral (14). */
    public Builder urgentReferralFollowUpDays(int urgentReferralFollowUpDays) {
      this.urgentReferralFollowUpDays = urgentReferralFollowUpDays;
      return this;
    }

    /** Sets the days from the visit to the recheck after a first uncontrolled visit (14). */
    public Builder firstUncontrolledRecheckDays(int firstUncontrolledRecheckDays) {
      this.firstUncontrolledRecheckDays = firstUncontrolledRecheckDays;
      return this;
    }

    /** Sets the days from the visit to the recheck after a first adverse drug reaction (14). */
    public Builder adverseReactionRecheckDays(int adverseReactionRecheckDays) {
      this.adverseReactionRecheckDays = adverseReactionRecheckDays;
      return this;
    }

    /** Sets the days from the visit to the follow-up of an advised referral (14). */
    public Builder referralFollowUpDays(int referralFollowUpDays) {
      this.referralFollowUpDays = referralFollowUpDays;
      return this;
    }

    /** Sets the days from the visit to the next routine follow-up of a controlled patient (90). */
    public Builder routineFollowUpDays(int routineFollowUpDays) {
      this.routineFollowUpDays = routineFollowUpDays;
      return this;
    }

    /**
     * Sets the days from a visit without measurements (telephone, or nothing measured) to the
     * face-to-face visit it calls for (14).
     */
    public Builder phoneVisitFollowUpDays(int phoneVisitFollowUpDays) {
      this.phoneVisitFollowUpDays = phoneVisitFollowUpDays;
      return this;
    }

    /** Sets the minimum number of face-to-face visits per calendar year (4). */
    public Builder minFaceToFaceVisitsPerYear(int minFaceToFaceVisitsPerYear) {
      this.minFaceToFaceVisitsPerYear = minFaceToFaceVisitsPerYear;
      return this;
    }

    /** Sets the youngest age at which a resident is enrolled for management (35). */
    public Builder minEnrolmentAge(int minEnrolmentAge) {
      this.minEnrolmentAge = minEnrolmentAge;
      return this;
    }

    /** Sets the systolic values (mmHg) outside which a value is rejected as an error (40–300). */
    public Builder systolicHardRange(ValueRange systolicHardRange) {
      this.systolicHardRange =
          Objects.requireNonNull(systolicHardRange, "systolicHardRange == null");
      return this;
    }

    /** Sets the plausible systolic values (mmHg); outside them a warning (60–300). */
    public Builder systolicPlausibleRange(ValueRange systolicPlausibleRange) {
      this.systolicPlausibleRange =
          Objects.requireNonNull(systolicPlausibleRange, "systolicPlausibleRange == null");
      return this;
    }

    /** Sets the diastolic values (mmHg) outside which a value is rejected as an error (20–250). */
    public Builder diastolicHardRange(ValueRange diastolicHardRange) {
      this.diastolicHardRange =
          Objects.requireNonNull(diastolicHardRange, "diastolicHardRange == null");
      return this;
    }

    /** Sets the plausible diastolic values (mmHg); outside them a warning (30–200). */
    public Builder diastolicPlausibleRange(ValueRange diastolicPlausibleRange) {
      this.diastolicPlausibleRange =
          Objects.requireNonNull(diastolicPlausibleRange, "diastolicPlausibleRange == null");
      return this;
    }

    /** Sets the heart rates (beats/min) outside which a value is rejected as an error (15–300). */
    public Builder heartRateHardRange(ValueRange heartRateHardRange) {
      this.heartRateHardRange =
          Objects.requireNonNull(heartRateHardRange, "heartRateHardRange == null");
      return this;
    }

    /** Sets the plausible heart rates (beats/min); outside them a warning (30–220). */
    public Builder heartRatePlausibleRange(ValueRange heartRatePlausibleRange) {
      this.heartRatePlausibleRange =
          Objects.requireNonNull(heartRatePlausibleRange, "heartRatePlausibleRange == null");
      return this;
    }

    /**
     * Sets the body temperatures (&#8451;) outside which a value is rejected as an error
     * (25.0–45.0).
     */
    public Builder temperatureHardRange(ValueRange temperatureHardRange) {
      this.temperatureHardRange =
          Objects.requireNonNull(temperatureHardRange, "temperatureHardRange == null");
      return this;
    }

    /** Sets the plausible body temperatures (&#8451;); outside them a warning (34.0–42.0). */
    public Builder temperaturePlausibleRange(ValueRange temperaturePlausibleRange) {
      this.temperaturePlausibleRange =
          Objects.requireNonNull(temperaturePlausibleRange, "temperaturePlausibleRange == null");
      return this;
    }

    /** Sets the glucose values (mmol/L) outside which a value is rejected as an error (0.5–40). */
    public Builder fastingGlucoseHardRange(ValueRange fastingGlucoseHardRange) {
      this.fastingGlucoseHardRange =
          Objects.requireNonNull(fastingGlucoseHardRange, "fastingGlucoseHardRange == null");
      return this;
    }

    /** Sets the plausible glucose values (mmol/L); outside them a warning (1.0–33.3). */
    public Builder fastingGlucosePlausibleRange(ValueRange fastingGlucosePlausibleRange) {
      this.fastingGlucosePlausibleRange =
          Objects.requireNonNull(
              fastingGlucosePlausibleRange, "fastingGlucosePlausibleRange == null");
      return this;
    }

    /** Sets the weights (kg) outside which a value is rejected as an error (10–400). */
    public Builder weightHardRange(ValueRange weightHardRange) {
      this.weightHardRange = Objects.requireNonNull(weightHardRange, "weightHardRange == null");
      return this;
    }

    /** Sets the plausible weights (kg); outside them a warning (20–250). */
    public Builder weightPlausibleRange(ValueRange weightPlausibleRange) {
      this.weightPlausibleRange =
          Objects.requireNonNull(weightPlausibleRange, "weightPlausibleRange == null");
      return this;
    }

    /** Sets the advisory clinical targets, or null for none. */
    public Builder clinicalTargets(@Nullable ClinicalTargets clinicalTargets) {
      this.clinicalTargets = clinicalTargets;
      return this;
    }

    /**
     * Creates the rule set.
     *
     * @throws IllegalStateException if a required value is not set, the id is blank, or an interval
     *     is not positive
     */
    public RuleSet build() {
      require(id, "id");
      require(description, "description");
      require(htnDangerSystolicAtLeast, "htnDangerSystolicAtLeast");
      require(htnDangerDiastolicAtLeast, "htnDangerDiastolicAtLeast");
      require(htnControlledSystolicBelow, "htnControlledSystolicBelow");
      require(htnControlledDiastolicBelow, "htnControlledDiastolicBelow");
      require(elderlySplitEnabled, "elderlySplitEnabled");
      require(elderlyAge, "elderlyAge");
      require(elderlyControlledSystolicBelow, "elderlyControlledSystolicBelow");
      require(elderlyControlledDiastolicBelow, "elderlyControlledDiastolicBelow");
      require(dmDangerGlucoseAtLeast, "dmDangerGlucoseAtLeast");
      require(dmDangerGlucoseAtMost, "dmDangerGlucoseAtMost");
      require(dmDangerHeartRateAbove, "dmDangerHeartRateAbove");
      require(dmDangerTemperatureAbove, "dmDangerTemperatureAbove");
      require(dmDangerSystolicAtLeast, "dmDangerSystolicAtLeast");
      require(dmDangerDiastolicAtLeast, "dmDangerDiastolicAtLeast");
      require(dmControlledGlucoseBelow, "dmControlledGlucoseBelow");
      require(pregnancySystolicAtLeast, "pregnancySystolicAtLeast");
      require(pregnancyDiastolicAtLeast, "pregnancyDiastolicAtLeast");
      require(pregnancyGlucoseAtLeast, "pregnancyGlucoseAtLeast");
      require(urgentReferralFollowUpDays, "urgentReferralFollowUpDays");
      require(firstUncontrolledRecheckDays, "firstUncontrolledRecheckDays");
      require(adverseReactionRecheckDays, "adverseReactionRecheckDays");
      require(referralFollowUpDays, "referralFollowUpDays");
      require(routineFollowUpDays, "routineFollowUpDays");
      require(phoneVisitFollowUpDays, "phoneVisitFollowUpDays");
      require(minFaceToFaceVisitsPerYear, "minFaceToFaceVisitsPerYear");
      require(minEnrolmentAge, "minEnrolmentAge");
      require(systolicHardRange, "systolicHardRange");
      require(systolicPlausibleRange, "systolicPlausibleRange");
      require(diastolicHardRange, "diastolicHardRange");
      require(diastolicPlausibleRange, "diastolicPlausibleRange");
      require(heartRateHardRange, "heartRateHardRange");
      require(heartRatePlausibleRange, "heartRatePlausibleRange");
      require(temperatureHardRange, "temperatureHardRange");
      require(temperaturePlausibleRange, "temperaturePlausibleRange");
      require(fastingGlucoseHardRange, "fastingGlucoseHardRange");
      require(fastingGlucosePlausibleRange, "fastingGlucosePlausibleRange");
      require(weightHardRange, "weightHardRange");
      require(weightPlausibleRange, "weightPlausibleRange");
      if (id.trim().isEmpty()) {
        throw new IllegalStateException("id is blank");
      }
      requirePositive(urgentReferralFollowUpDays, "urgentReferralFollowUpDays");
      requirePositive(firstUncontrolledRecheckDays, "firstUncontrolledRecheckDays");
      requirePositive(adverseReactionRecheckDays, "adverseReactionRecheckDays");
      requirePositive(referralFollowUpDays, "referralFollowUpDays");
      requirePositive(routineFollowUpDays, "routineFollowUpDays");
      requirePositive(phoneVisitFollowUpDays, "phoneVisitFollowUpDays");
      requirePositive(minFaceToFaceVisitsPerYear, "minFaceToFaceVisitsPerYear");
      requirePositive(minEnrolmentAge, "minEnrolmentAge");
      return new RuleSet(this);
    }

    private static void require(@Nullable Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is not set");
      }
    }

    private static void requirePositive(int value, String name) {
      if (value <= 0) {
        throw new IllegalStateException(name + " must be positive: " + value);
      }
    }
  }
}
