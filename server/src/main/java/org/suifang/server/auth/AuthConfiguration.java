package org.suifang.server.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings under {@code suifang.auth}; see docs/auth.md.
 *
 * @param bcryptCost the bcrypt cost factor for new password hashes (4–31; 12 by default)
 * @param accessTokenTtl how long an access token (JWT) is valid
 * @param refreshTokenTtl how long a refresh token is valid; each refresh issues a new one
 * @param issuer the {@code iss} claim of access tokens and dashboard sessions; tokens with another
 *     issuer are refused
 * @param audience the {@code aud} claim of access tokens and dashboard sessions; tokens without it
 *     are refused
 * @param maxFailedLogins consecutive failures that lock an account
 * @param lockDuration how long a lock lasts
 * @param slowdownAfter the first consecutive failure whose answer is delayed
 * @param failureDelay the delay at {@code slowdownAfter}; it doubles with each further failure
 * @param maxFailureDelay the cap on that delay
 * @param maxFailuresPerIp failed logins from one client address within {@code ipWindow} after which
 *     that address may not try again until the window ends
 * @param ipWindow the window of the per-address count
 */
@ConfigurationProperties("suifang.auth")
public record AuthConfiguration(
    @Bindable(defaultValue = "12") @Min(4) @Max(31) int bcryptCost,
    @Bindable(defaultValue = "15m") @NotNull Duration accessTokenTtl,
    @Bindable(defaultValue = "30d") @NotNull Duration refreshTokenTtl,
    @Bindable(defaultValue = "suifang") @NotBlank String issuer,
    @Bindable(defaultValue = "suifang") @NotBlank String audience,
    @Bindable(defaultValue = "5") @Min(1) int maxFailedLogins,
    @Bindable(defaultValue = "15m") @NotNull Duration lockDuration,
    @Bindable(defaultValue = "3") @Min(1) int slowdownAfter,
    @Bindable(defaultValue = "1s") @NotNull Duration failureDelay,
    @Bindable(defaultValue = "8s") @NotNull Duration maxFailureDelay,
    @Bindable(defaultValue = "100") @Min(1) int maxFailuresPerIp,
    @Bindable(defaultValue = "15m") @NotNull Duration ipWindow) {

  /**
   * Returns how long to hold back the answer to the {@code failures}-th consecutive failed login:
   * nothing before {@link #slowdownAfter}, then {@link #failureDelay} doubling per failure up to
   * {@link #maxFailureDelay}.
   */
  public Duration delayAfter(int failures) {
    if (failures < slowdownAfter) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - slowdownAfter, 20);
    Duration delay = failureDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxFailureDelay) > 0 ? maxFailureDelay : delay;
  }
}
