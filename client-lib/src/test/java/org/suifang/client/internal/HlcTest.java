package org.suifang.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HlcTest {

  @Test
  void tick_wallClockAhead_takesWallTimeWithZeroCounter() {
    Hlc hlc = new Hlc(0);

    long value = hlc.tick(1_700_000_000_000L);

    assertThat(Hlc.wallMillis(value)).isEqualTo(1_700_000_000_000L);
    assertThat(Hlc.counter(value)).isZero();
  }

  @Test
  void tick_sameMillisecond_countsUp() {
    Hlc hlc = new Hlc(0);

    long first = hlc.tick(1_000L);
    long second = hlc.tick(1_000L);

    assertThat(second).isEqualTo(first + 1);
    assertThat(Hlc.wallMillis(second)).isEqualTo(1_000L);
    assertThat(Hlc.counter(second)).isEqualTo(1);
  }

  @Test
  void tick_clockGoesBackwards_neverDecreases() {
    Hlc hlc = new Hlc(0);
    long before = hlc.tick(5_000_000L);

    long afterJump = hlc.tick(1_000L);
    long later = hlc.tick(2_000L);

    assertThat(afterJump).isGreaterThan(before);
    assertThat(later).isGreaterThan(afterJump);
    assertThat(Hlc.wallMillis(later)).isEqualTo(5_000_000L);
  }

  @Test
  void tick_counterOverflow_carriesIntoNextMillisecond() {
    Hlc hlc = new Hlc((7_000L << 16) | 0xFFFF);

    long value = hlc.tick(7_000L);

    assertThat(Hlc.wallMillis(value)).isEqualTo(7_001L);
    assertThat(Hlc.counter(value)).isZero();
  }

  @Test
  void receive_remoteAhead_nextTickIsAfterRemote() {
    Hlc hlc = new Hlc(0);
    hlc.tick(1_000L);
    long remote = (9_000_000L << 16) | 42;

    hlc.receive(remote);
    long next = hlc.tick(1_001L);

    assertThat(hlc.value()).isEqualTo(next);
    assertThat(next).isEqualTo(remote + 1);
  }

  @Test
  void receive_remoteBehind_keepsOwnValue() {
    Hlc hlc = new Hlc(0);
    long own = hlc.tick(9_000L);

    hlc.receive(1_000L << 16);

    assertThat(hlc.value()).isEqualTo(own);
  }
}
