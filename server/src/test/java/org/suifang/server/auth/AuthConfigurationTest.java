package org.suifang.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthConfigurationTest {

  private static final AuthConfiguration DEFAULTS =
      new AuthConfiguration(
          12,
          Duration.ofMinutes(15),
          Duration.ofDays(30),
          "suifang",
          "suifang",
          5,
          Duration.ofMinutes(15),
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(8),
          100,
          Duration.ofMinutes(15));

  @Test
  void delayAfter_beforeSlowdown_isZero() {
    assertThat(DEFAULTS.delayAfter(0)).isZero();
    assertThat(DEFAULTS.delayAfter(2)).isZero();
  }

  @Test
  void delayAfter_fromThirdFailure_doublesUpToTheCap() {
    assertThat(DEFAULTS.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(DEFAULTS.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(DEFAULTS.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(DEFAULTS.delayAfter(6)).isEqualTo(Duration.ofSeconds(8));
    assertThat(DEFAULTS.delayAfter(7)).isEqualTo(Duration.ofSeconds(8));
    assertThat(DEFAULTS.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(8));
  }
}
