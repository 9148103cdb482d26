package org.suifang.server.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand. It replaces the server's {@link Clock} in a test context that
 * sets {@code suifang.test.fake-clock=true} (e.g. {@code @Property(name = "suifang.test.fake-clock",
 * value = "true")}); it starts at the real time. Note that micronaut-security checks a JWT's expiry
 * against the real time, not this clock.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "suifang.test.fake-clock", value = "true")
public final class FakeClock extends Clock {

  private volatile Instant now = Instant.now();

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Sets the clock back to the real time. */
  public void reset() {
    now = Instant.now();
  }

  /** Sets the clock. */
  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }
}
