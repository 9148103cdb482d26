package org.suifang.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Assesses one follow-up visit for one disease under a {@link RuleSet}: danger signs, urgent
 * referral, classification, next step, recommended action and next due date (domain.md §3).
 *
 * <p>The situations of the §3 table are evaluated together; the most severe classification wins and
 * the next step is the most demanding one that applies, due after the shortest interval among them.
 * A danger sign overrides the step (urgent referral), while the classification keeps the underlying
 * class. Hypertension and diabetes are assessed separately even when one encounter records both:
 * each uses only its own danger-sign list and its own control measure. See {@code
 * docs/clinical-rules.md} for the full table and the inferences (telephone visits, missing values).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Assessor {
  private final RuleSet ruleSet;

  /** Creates an assessor that applies {@code ruleSet}. */
  public Assessor(RuleSet ruleSet) {
    this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet == null");
  }

  /** Returns the rule set this assessor applies. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * Assesses {@code visit} for {@code disease}. The visit should have passed {@link VisitValidator}
   * without errors; the assessor still copes with missing values (control is then unknown) and
   * computes measured danger signs from any value present, even on a telephone visit, so that a
   * danger is never hidden.
   *
   * @param previous the previous face-to-face visit for the same disease, or null if none; it
   *     decides whether an uncontrolled visit is the second in a row
   * @throws IllegalArgumentException if the visit date is before the birth date or before the
   *     previous visit's date
   */
  public Assessment assess(
      Disease disease, PatientContext patient, VisitInput visit, @Nullable PreviousVisit previous) {
    Objects.requireNonNull(disease, "disease == null");
    Objects.requireNonNull(patient, "patient == null");
    Objects.requireNonNull(visit, "visit == null");
    LocalDate date = visit.visitDate();
    if (previous != null && previous.visitDate().isAfter(date)) {
      throw new IllegalArgumentException(
          "previous visit " + previous.visitDate() + " is after the visit " + date);
    }
    int age = patient.ageOn(date);
    boolean faceToFace = visit.mode().isFaceToFace();

    EnumSet<DangerSign> signs = measuredDangerSigns(disease, patient, visit);
    for (DangerSign reported : visit.reportedDangerSigns()) {
      if (reported.appliesTo(disease)) {
        signs.add(reported);
      }
    }

    // Values recorded on a telephone visit are not measurements (the validator rejects them).
    Boolean controlled = faceToFace ? bphsControlled(disease, visit, age) : null;
    Boolean targetMet = faceToFace ? clinicalTargetMet(disease, visit, age) : null;

    EnumSet<Situation> situations = EnumSet.noneOf(Situation.class);
    if (visit.newOrWorseComplication()) {
      situations.add(Situation.COMPLICATION);
    }
    if (visit.adverseReactionHardToControl()) {
      situations.add(Situation.ADVERSE_REACTION_HARD_TO_CONTROL);
    } else if (visit.adverseReaction()) {
      situations.add(Situation.ADVERSE_REACTION_FIRST);
    }
    if (Boolean.FALSE.equals(controlled)) {
      situations.add(
          previous != null && previous.wasUncontrolled()
              ? Situation.UNCONTROLLED_CONSECUTIVE
              : Situation.UNCONTROLLED_FIRST);
    } else if (Boolean.TRUE.equals(controlled) && situations.isEmpty()) {
      situations.add(Situation.CONTROLLED);
    }

    Classification classification = null;
    Situation leading = null;
    int interval = Integer.MAX_VALUE;
    for (Situation situation : situations) {
      if (classification == null || situation.classification.isMoreSevereThan(classification)) {
        classification = situation.classification;
      }
      if (leading == null || situation.nextStep.isMoreDemandingThan(leading.nextStep)) {
        leading = situation; // EnumSet order is most severe first, so ties keep the severer row.
      }
      interval = Math.min(interval, situation.intervalDays(ruleSet));
    }

    Assessment.Builder result =
        Assessment.newBuilder()
            .ruleSetId(ruleSet.id())
            .disease(disease)
            .visitDate(date)
            .dangerSigns(signs)
            .urgentReferral(!signs.isEmpty())
            .classification(classification)
            .bphsControlled(controlled)
            .clinicalTargetMet(targetMet)
            .ageAtVisit(age);
    if (!signs.isEmpty()) {
      int days = ruleSet.urgentReferralFollowUpDays();
      return result
          .nextStep(NextStep.URGENT_REFERRAL)
          .nextDueDate(date.plusDays(days))
          .recommendedActionZh(ActionTexts.urgentZh(days))
          .recommendedActionEn(ActionTexts.urgentEn(days))
          .build();
    }
    if (leading == null) {
      int days = ruleSet.phoneVisitFollowUpDays();
      boolean phone = !faceToFace;
      return result
          .nextStep(null)
          .nextDueDate(date.plusDays(days))
          .recommendedActionZh(ActionTexts.notMeasuredZh(disease, phone, days))
          .recommendedActionEn(ActionTexts.notMeasuredEn(disease, phone, days))
          .build();
    }
    return result
        .nextStep(leading.nextStep)
        .nextDueDate(date.plusDays(interval))
        .recommendedActionZh(ActionTexts.zh(leading, disease, interval))
        .recommendedActionEn(ActionTexts.en(leading, disease, interval))
        .build();
  }

  private EnumSet<DangerSign> measuredDangerSigns(
      Disease disease, PatientContext patient, VisitInput visit) {
    EnumSet<DangerSign> signs = EnumSet.noneOf(DangerSign.class);
    Integer sbp = visit.systolic();
    Integer dbp = visit.diastolic();
    boolean pregnant = patient.pregnantOrBreastfeeding();
    if (disease == Disease.HYPERTENSION) {
      if (atLeast(sbp, ruleSet.htnDangerSystolicAtLeast())
          || atLeast(dbp, ruleSet.htnDangerDiastolicAtLeast())) {
        signs.add(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
      }
      if (pregnant
          && (atLeast(sbp, ruleSet.pregnancySystolicAtLeast())
              || atLeast(dbp, ruleSet.pregnancyDiastolicAtLeast()))) {
        signs.add(DangerSign.PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH);
      }
      return signs;
    }
    if (atLeast(sbp, ruleSet.dmDangerSystolicAtLeast())
        || atLeast(dbp, ruleSet.dmDangerDiastolicAtLeast())) {
      signs.add(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    }
    BigDecimal glucose = decimal(visit.fastingGlucose());
    if (glucose != null) {
      if (glucose.compareTo(ruleSet.dmDangerGlucoseAtLeast()) >= 0) {
        signs.add(DangerSign.GLUCOSE_VERY_HIGH);
      }
      if (glucose.compareTo(ruleSet.dmDangerGlucoseAtMost()) <= 0) {
        signs.add(DangerSign.GLUCOSE_VERY_LOW);
      }
      if (pregnant && glucose.compareTo(ruleSet.pregnancyGlucoseAtLeast()) >= 0) {
        signs.add(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH);
      }
    }
    Integer heartRate = visit.heartRate();
    if (heartRate != null && heartRate > ruleSet.dmDangerHeartRateAbove()) {
      signs.add(DangerSign.TACHYCARDIA);
    }
    BigDecimal temperature = decimal(visit.temperature());
    if (temperature != null && temperature.compareTo(ruleSet.dmDangerTemperatureAbove()) > 0) {
      signs.add(DangerSign.HIGH_FEVER);
    }
    return signs;
  }

  /** BPHS control: HTN SBP and DBP below the (age-dependent) limits; DM FPG below the limit. */
  @Nullable
  private Boolean bphsControlled(Disease disease, VisitInput visit, int age) {
    if (disease == Disease.HYPERTENSION) {
      boolean elderly = ruleSet.elderlySplitEnabled() && age >= ruleSet.elderlyAge();
      return bothBelow(
          visit.systolic(),
          visit.diastolic(),
          elderly ? ruleSet.elderlyControlledSystolicBelow() : ruleSet.htnControlledSystolicBelow(),
          elderly
              ? ruleSet.elderlyControlledDiastolicBelow()
              : ruleSet.htnControlledDiastolicBelow());
    }
    BigDecimal glucose = decimal(visit.fastingGlucose());
    if (glucose == null) {
      return null;
    }
    return glucose.compareTo(ruleSet.dmControlledGlucoseBelow()) < 0;
  }

  @Nullable
  private Boolean clinicalTargetMet(Disease disease, VisitInput visit, int age) {
    ClinicalTargets targets = ruleSet.clinicalTargets();
    if (targets == null) {
      return null;
    }
    if (disease == Disease.HYPERTENSION) {
      boolean older = age >= targets.htnOlderAge();
      return bothBelow(
          visit.systolic(),
          visit.diastolic(),
          older ? targets.htnOlderSystolicBelow() : targets.htnSystolicBelow(),
          older ? targets.htnOlderDiastolicBelow() : targets.htnDiastolicBelow());
    }
    BigDecimal glucose = decimal(visit.fastingGlucose());
    Integer sbp = visit.systolic();
    Integer dbp = visit.diastolic();
    // Blood pressure counts only when measured; any value that misses its target decides.
    if ((glucose != null && !targets.dmFastingGlucoseRange().contains(glucose))
        || atLeast(sbp, targets.dmSystolicBelow())
        || atLeast(dbp, targets.dmDiastolicBelow())) {
      return false;
    }
    return glucose == null ? null : Boolean.TRUE;
  }

  /**
   * Three-valued "both below": false as soon as one known value reaches its limit, true when both
   * are known and below, otherwise unknown (null).
   */
  @Nullable
  private static Boolean bothBelow(
      @Nullable Integer sbp, @Nullable Integer dbp, int sbpBelow, int dbpBelow) {
    if (atLeast(sbp, sbpBelow) || atLeast(dbp, dbpBelow)) {
      return false;
    }
    return sbp != null && dbp != null ? Boolean.TRUE : null;
  }

  private static boolean atLeast(@Nullable Integer value, int threshold) {
    return value != null && value >= threshold;
  }

  @Nullable
  private static BigDecimal decimal(@Nullable Double value) {
    return value == null ? null : Decimals.of(value);
  }
}
