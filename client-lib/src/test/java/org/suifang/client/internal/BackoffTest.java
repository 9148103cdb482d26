package org.suifang.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayMillis_doublesWithJitterBetweenHalfAndFull() {
    Backoff backoff = new Backoff(1000, 300_000, new Random(5));

    for (int retry = 1; retry <= 8; retry++) {
      long ceiling = Math.min(300_000, 1000L << (retry - 1));
      long delay = backoff.delayMillis(retry);
      assertThat(delay).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void delayMillis_manyRetries_cappedAtFiveMinutes() {
    Backoff backoff = new Backoff(1000, 300_000, new Random(5));

    assertThat(backoff.delayMillis(40)).isBetween(150_000L, 300_000L);
  }

  @Test
  void delayMillis_retryZero_rejected() {
    Backoff backoff = new Backoff(1000, 300_000, new Random(5));

    assertThatThrownBy(() -> backoff.delayMillis(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
