package org.suifang.server.auth;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes refresh tokens a day after they expired, so the table does not grow without bound. An
 * expired token is refused anyway; the day's grace only keeps recent rows for investigation.
 */
@Singleton
class RefreshTokenPurge {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenPurge.class);

  private final TokenService tokens;
  private final Clock clock;

  RefreshTokenPurge(TokenService tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Scheduled(initialDelay = "1h", fixedDelay = "6h")
  void purge() {
    int deleted = tokens.purgeExpired(clock.instant().minus(Duration.ofDays(1)));
    if (deleted > 0) {
      LOG.info("Deleted {} expired refresh tokens", deleted);
    }
  }
}
