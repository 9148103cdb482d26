package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in rule sets pin the values of domain.md; derived sets change only what they set. */
class RuleSetsTest {

  @Test
  void bphs2017_thresholdsAndIntervals_matchTheStandard() {
    RuleSet r = RuleSets.BPHS_2017;

    assertThat(r.id()).isEqualTo("bphs-2017");
    assertThat(r.htnDangerSystolicAtLeast()).isEqualTo(180);
    assertThat(r.htnDangerDiastolicAtLeast()).isEqualTo(110);
    assertThat(r.htnControlledSystolicBelow()).isEqualTo(140);
    assertThat(r.htnControlledDiastolicBelow()).isEqualTo(90);
    assertThat(r.elderlySplitEnabled()).isTrue();
    assertThat(r.elderlyAge()).isEqualTo(65);
    assertThat(r.elderlyControlledSystolicBelow()).isEqualTo(150);
    assertThat(r.elderlyControlledDiastolicBelow()).isEqualTo(90);
    assertThat(r.dmDangerGlucoseAtLeast()).isEqualByComparingTo("16.7");
    assertThat(r.dmDangerGlucoseAtMost()).isEqualByComparingTo("3.9");
    assertThat(r.dmDangerHeartRateAbove()).isEqualTo(100);
    assertThat(r.dmDangerTemperatureAbove()).isEqualByComparingTo("39.0");
    assertThat(r.dmDangerSystolicAtLeast()).isEqualTo(180);
    assertThat(r.dmDangerDiastolicAtLeast()).isEqualTo(110);
    assertThat(r.dmControlledGlucoseBelow()).isEqualByComparingTo("7.0");
    assertThat(r.pregnancySystolicAtLeast()).isEqualTo(140);
    assertThat(r.pregnancyDiastolicAtLeast()).isEqualTo(90);
    assertThat(r.pregnancyGlucoseAtLeast()).isEqualByComparingTo("7.0");
    assertThat(r.urgentReferralFollowUpDays()).isEqualTo(14);
    assertThat(r.firstUncontrolledRecheckDays()).isEqualTo(14);
    assertThat(r.adverseReactionRecheckDays()).isEqualTo(14);
    assertThat(r.referralFollowUpDays()).isEqualTo(14);
    assertThat(r.routineFollowUpDays()).isEqualTo(90);
    assertThat(r.phoneVisitFollowUpDays()).isEqualTo(14);
    assertThat(r.minFaceToFaceVisitsPerYear()).isEqualTo(4);
    assertThat(r.minEnrolmentAge()).isEqualTo(35);
    assertThat(r.systolicHardRange()).isEqualTo(ValueRange.of(40, 300));
    assertThat(r.systolicPlausibleRange()).isEqualTo(ValueRange.of(60, 300));
    assertThat(r.diastolicPlausibleRange()).isEqualTo(ValueRange.of(30, 200));
    assertThat(r.heartRatePlausibleRange()).isEqualTo(ValueRange.of(30, 220));
    assertThat(r.fastingGlucoseHardRange()).isEqualTo(ValueRange.of(0.5, 40));
    assertThat(r.fastingGlucosePlausibleRange()).isEqualTo(ValueRange.of(1.0, 33.3));
    assertThat(r.weightPlausibleRange()).isEqualTo(ValueRange.of(20, 250));
    assertThat(r.clinicalTargets()).isNull();
  }

  @Test
  void guideline2025_sameBphsValuesPlusTargets() {
    RuleSet g = RuleSets.BPHS_2017_GUIDELINE_2025;

    assertThat(g.id()).isEqualTo("bphs-2017+guideline-2025");
    assertThat(
            g.toBuilder()
                .id("bphs-2017")
                .description(RuleSets.BPHS_2017.description())
                .clinicalTargets(null)
                .build())
        .isEqualTo(RuleSets.BPHS_2017);
    ClinicalTargets t = g.clinicalTargets();
    assertThat(t.htnOlderAge()).isEqualTo(80);
    assertThat(t.htnSystolicBelow()).isEqualTo(130);
    assertThat(t.htnDiastolicBelow()).isEqualTo(80);
    assertThat(t.htnOlderSystolicBelow()).isEqualTo(150);
    assertThat(t.htnOlderDiastolicBelow()).isEqualTo(90);
    assertThat(t.dmFastingGlucoseRange()).isEqualTo(ValueRange.of(4.4, 7.0));
    assertThat(t.dmSystolicBelow()).isEqualTo(130);
    assertThat(t.dmDiastolicBelow()).isEqualTo(80);
  }

  @Test
  void byId_builtInIds_returnTheSets() {
    assertThat(RuleSets.byId("bphs-2017")).isSameAs(RuleSets.BPHS_2017);
    assertThat(RuleSets.byId("bphs-2017+guideline-2025"))
        .isSameAs(RuleSets.BPHS_2017_GUIDELINE_2025);
    assertThat(RuleSets.all())
        .containsExactly(RuleSets.BPHS_2017, RuleSets.BPHS_2017_GUIDELINE_2025);
    assertThat(RuleSets.defaultRuleSet()).isSameAs(RuleSets.BPHS_2017);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "BPHS-2017", "bphs-2017 ", "ws-t-872"})
  void byId_unknownId_throws(String id) {
    assertThatThrownBy(() -> RuleSets.byId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(id);
  }

  @Test
  void all_isUnmodifiable() {
    assertThatThrownBy(() -> RuleSets.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilder_changedValue_onlyThatValueDiffers() {
    RuleSet derived = RuleSets.BPHS_2017.toBuilder().routineFollowUpDays(60).build();

    assertThat(derived.routineFollowUpDays()).isEqualTo(60);
    assertThat(derived).isNotEqualTo(RuleSets.BPHS_2017);
    assertThat(derived.toBuilder().routineFollowUpDays(90).build())
        .isEqualTo(RuleSets.BPHS_2017)
        .hasSameHashCodeAs(RuleSets.BPHS_2017);
  }

  @Test
  void equals_decimalScale_ignored() {
    RuleSet scaled =
        RuleSets.BPHS_2017.toBuilder().dmControlledGlucoseBelow(new BigDecimal("7.00")).build();

    assertThat(scaled).isEqualTo(RuleSets.BPHS_2017).hasSameHashCodeAs(RuleSets.BPHS_2017);
    assertThat(scaled.toString()).contains("dmControlledGlucoseBelow=7,");
  }

  @Test
  void build_missingValue_throwsNamingIt() {
    assertThatThrownBy(() -> RuleSet.newBuilder().id("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("description is not set");
  }

  @Test
  void build_nonPositiveInterval_throws() {
    assertThatThrownBy(() -> RuleSets.BPHS_2017.toBuilder().routineFollowUpDays(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("routineFollowUpDays");
  }

  @Test
  void build_blankId_throws() {
    assertThatThrownBy(() -> RuleSets.BPHS_2017.toBuilder().id(" ").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valueRange_boundsInclusiveAndExact() {
    ValueRange range = ValueRange.of(1.0, 33.3);

    assertThat(range.contains(1.0)).isTrue();
    assertThat(range.contains(33.3)).isTrue();
    assertThat(range.contains(33.300000000000004)).isFalse();
    assertThat(range.contains(0.9)).isFalse();
    assertThat(range.format()).isEqualTo("1–33.3");
    assertThat(ValueRange.of(40, 300).format()).isEqualTo("40–300");
    assertThatThrownBy(() -> ValueRange.of(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueRange.of(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
