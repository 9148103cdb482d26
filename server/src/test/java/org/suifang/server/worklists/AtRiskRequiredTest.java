package org.suifang.server.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The pro-rating of the yearly visit count and the masking of resident ID numbers. */
class AtRiskRequiredTest {

  static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
  static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);
  static final AtRiskConfiguration PRO_RATA = new AtRiskConfiguration(4, true);

  @Test
  void required_registeredBeforeTheYear_isTheFullCount() {
    assertThat(required(PRO_RATA, LocalDate.of(2025, 12, 31))).isEqualTo(4);
    assertThat(required(PRO_RATA, LocalDate.of(2026, 1, 1))).isEqualTo(4);
  }

  @Test
  void required_registeredDuringTheYear_isOnePerQuarterFromTheRegistrationQuarter() {
    assertThat(required(PRO_RATA, LocalDate.of(2026, 3, 31))).isEqualTo(4);
    assertThat(required(PRO_RATA, LocalDate.of(2026, 4, 1))).isEqualTo(3);
    assertThat(required(PRO_RATA, LocalDate.of(2026, 8, 10))).isEqualTo(2);
    assertThat(required(PRO_RATA, LocalDate.of(2026, 10, 1))).isEqualTo(1);
    assertThat(required(PRO_RATA, LocalDate.of(2026, 12, 31))).isEqualTo(1);
  }

  @Test
  void required_withoutProRating_isAlwaysTheFullCount() {
    assertThat(required(new AtRiskConfiguration(4, false), LocalDate.of(2026, 11, 1))).isEqualTo(4);
  }

  @Test
  void required_otherCounts_roundUp() {
    // Six a year, registered in August: 6 × 5 / 12 = 2.5 → 3.
    assertThat(required(new AtRiskConfiguration(6, true), LocalDate.of(2026, 8, 1))).isEqualTo(3);
  }

  @Test
  void mask_keepsTheFirstSixAndLastFour() {
    assertThat(ResidentIdMask.mask("130627195803121234")).isEqualTo("130627********1234");
    assertThat(ResidentIdMask.mask("13062719580312123X")).isEqualTo("130627********123X");
    assertThat(ResidentIdMask.mask("130627580312123")).isEqualTo("130627*****2123");
    assertThat(ResidentIdMask.mask("1234567890")).isEqualTo("**********");
    assertThat(ResidentIdMask.mask(null)).isNull();
  }

  private static int required(AtRiskConfiguration config, LocalDate registeredOn) {
    return AreaWorklistService.required(config, registeredOn, YEAR_START, YEAR_END);
  }
}
