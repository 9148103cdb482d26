package org.suifang.server.common;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Provides the one {@link Clock} the server reads time from. Tests replace it (with
 * {@code @Replaces(Clock.class)}) to move time forward, e.g. past an account lock.
 */
@Factory
final class ClockFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
