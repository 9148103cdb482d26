package org.suifang.server.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A tablet's wall clock: the world's time (the real time, or a simulation's) plus an offset the
 * test sets, e.g. two years ahead. It moves with the world, so the tablet's hybrid logical clock
 * moves on as a real one does.
 */
public final class TabletClock extends Clock {
  private final Supplier<Instant> world;
  private volatile Duration offset = Duration.ZERO;

  TabletClock() {
    this(Clock.systemUTC()::instant);
  }

  /** A clock that follows {@code world}, e.g. a simulation's time. */
  public TabletClock(Supplier<Instant> world) {
    this.world = world;
  }

  /** Sets how far this tablet's clock is off (negative: behind). */
  public void setOffset(Duration offset) {
    this.offset = offset;
  }

  public Duration offset() {
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
    return world.get().plus(offset);
  }
}
