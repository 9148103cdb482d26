package org.suifang.rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Holds the built-in rule sets. {@link #BPHS_2017} is the default. Every value is documented with
 * its evidence tag in {@code docs/clinical-rules.md}.
 */
public final class RuleSets {
  /**
   * The National Basic Public Health Service Standard, 3rd edition (2017): the thresholds and
   * intervals of domain.md §1–§4, with the 3rd-ed. age split (≥65: &lt;150/90) enabled and no
   * clinical targets, so {@link Assessment#clinicalTargetMet()} is always null. Id {@code
   * "bphs-2017"}.
   */
  public static final RuleSet BPHS_2017 =
      RuleSet.newBuilder()
          .id("bphs-2017")
          .description("国家基本公共卫生服务规范（第三版，2017） / National BPHS Standard, 3rd ed. (2017)")
          .htnDangerSystolicAtLeast(180)
          .htnDangerDiastolicAtLeast(110)
          .htnControlledSystolicBelow(140)
          .htnControlledDiastolicBelow(90)
          .elderlySplitEnabled(true)
          .elderlyAge(65)
          .elderlyControlledSystolicBelow(150)
          .elderlyControlledDiastolicBelow(90)
          .dmDangerGlucoseAtLeast(16.7)
          .dmDangerGlucoseAtMost(3.9)
          .dmDangerHeartRateAbove(100)
          .dmDangerTemperatureAbove(39.0)
          .dmDangerSystolicAtLeast(180)
          .dmDangerDiastolicAtLeast(110)
          .dmControlledGlucoseBelow(7.0)
          .pregnancySystolicAtLeast(140)
          .pregnancyDiastolicAtLeast(90)
          .pregnancyGlucoseAtLeast(7.0)
          .urgentReferralFollowUpDays(14)
          .firstUncontrolledRecheckDays(14)
          .adverseReactionRecheckDays(14)
          .referralFollowUpDays(14)
          .routineFollowUpDays(90)
          .phoneVisitFollowUpDays(14)
          .minFaceToFaceVisitsPerYear(4)
          .minEnrolmentAge(35)
          .systolicHardRange(ValueRange.of(40, 300))
          .systolicPlausibleRange(ValueRange.of(60, 300))
          .diastolicHardRange(ValueRange.of(20, 250))
          .diastolicPlausibleRange(ValueRange.of(30, 200))
          .heartRateHardRange(ValueRange.of(15, 300))
          .heartRatePlausibleRange(ValueRange.of(30, 220))
          .temperatureHardRange(ValueRange.of(25.0, 45.0))
          .temperaturePlausibleRange(ValueRange.of(34.0, 42.0))
          .fastingGlucoseHardRange(ValueRange.of(0.5, 40.0))
          .fastingGlucosePlausibleRange(ValueRange.of(1.0, 33.3))
          .weightHardRange(ValueRange.of(10, 400))
          .weightPlausibleRange(ValueRange.of(20, 250))
          .clinicalTargets(null)
          .build();

  /**
   * The BPHS 3rd-ed. thresholds of {@link #BPHS_2017} unchanged, plus advisory clinical targets:
   * hypertension per the national primary-care hypertension guideline 2025 (age &lt;80: &lt;130/80;
   * ≥80: &lt;150/90) and diabetes per the national primary-care diabetes guideline 2022 (FPG
   * 4.4–7.0 mmol/L inclusive and, if measured, BP &lt;130/80). Id {@code
   * "bphs-2017+guideline-2025"}.
   */
  public static final RuleSet BPHS_2017_GUIDELINE_2025 =
      BPHS_2017.toBuilder()
          .id("bphs-2017+guideline-2025")
          .description(
              "国家基本公共卫生服务规范（第三版）+ 国家基层高血压防治管理指南2025 + 国家基层糖尿病防治管理指南2022"
                  + " / BPHS 3rd ed. with HTN guideline 2025 and DM guideline 2022 targets")
          .clinicalTargets(
              ClinicalTargets.newBuilder()
                  .description("基层高血压指南2025；基层糖尿病指南2022 / HTN guideline 2025; DM guideline 2022")
                  .htnOlderAge(80)
                  .htnSystolicBelow(130)
                  .htnDiastolicBelow(80)
                  .htnOlderSystolicBelow(150)
                  .htnOlderDiastolicBelow(90)
                  .dmFastingGlucoseRange(ValueRange.of(4.4, 7.0))
                  .dmSystolicBelow(130)
                  .dmDiastolicBelow(80)
                  .build())
          .build();

  private static final List<RuleSet> ALL =
      Collections.unmodifiableList(Arrays.asList(BPHS_2017, BPHS_2017_GUIDELINE_2025));

  private RuleSets() {}

  /** Returns the default rule set, {@link #BPHS_2017}. */
  public static RuleSet defaultRuleSet() {
    return BPHS_2017;
  }

  /**
   * Returns the built-in rule set with the given id.
   *
   * @throws IllegalArgumentException if no built-in rule set has this id
   */
  public static RuleSet byId(String id) {
    Objects.requireNonNull(id, "id == null");
    for (RuleSet ruleSet : ALL) {
      if (ruleSet.id().equals(id)) {
        return ruleSet;
      }
    }
    throw new IllegalArgumentException("Unknown rule set id: " + id);
  }

  /** Returns every built-in rule set, the default first (unmodifiable). */
  public static List<RuleSet> all() {
    return ALL;
  }
}
