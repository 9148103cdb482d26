package org.suifang.server.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A tablet's wall clock: the real time plus an offset the test sets, e.g. two years ahead. It keeps
 * running, so the tablet's hybrid logical clock moves on as a real one does.
 */
final class TabletClock extends Clock {
  private final Clock real;
  private volatile Duration offset = Duration.ZERO;

  TabletClock() {
    this(Clock.systemUTC());
  }

  private TabletClock(Clock real) {
    this.real = real;
  }

  /** Sets how far this tablet's clock is off (negative: behind). */
  void setOffset(Duration offset) {
    this.offset = offset;
  }

  Duration offset() {
    return offset;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    TabletClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return self.withZone(z);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @Override
  public Instant instant() {
    return real.instant().plus(offset);
  }
}
