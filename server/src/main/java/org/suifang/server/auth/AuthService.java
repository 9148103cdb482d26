package org.suifang.server.auth;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.common.ApiException;
import org.suifang.server.users.User;
import org.suifang.server.users.UserService;
import org.suifang.server.users.UserView;

/**
 * Logs users in, refreshes and revokes their sessions, and enforces the login limits.
 *
 * <p>Login: a wrong password and an unknown username get the same answer ({@code LOGIN_FAILED})
 * after the same bcrypt work. From the {@code slowdown-after}-th consecutive failure of an account
 * the answer is held back (doubling, capped); the {@code max-failed-logins}-th failure locks the
 * account for {@code lock-duration} ({@code ACCOUNT_LOCKED}, 429). Unknown usernames are counted
 * and locked the same way in memory. A success resets the count. Too many failures from one client
 * address block that address for the rest of its window ({@code TOO_MANY_LOGIN_ATTEMPTS}).
 *
 * <p>Blocking: login sleeps and hashes on the calling thread; call it from a blocking executor,
 * never from an event loop.
 */
@Singleton
class AuthService {

  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  private final UserService users;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final AuthConfiguration config;
  private final Clock clock;

  AuthService(
      UserService users,
      PasswordHasher hasher,
      TokenService tokens,
      LoginThrottle throttle,
      AuthConfiguration config,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.config = config;
    this.clock = clock;
  }

  /** Checks the password and answers with a new session, or throws (see the class comment). */
  TokenView login(LoginCommand command, String clientAddress) {
    User user = authenticate(command, clientAddress);
    String refreshToken = tokens.startFamily(user.id(), blankToNull(command.deviceName()));
    LOG.info("User {} logged in from {}", user.id(), clientAddress);
    return answer(user, refreshToken);
  }

  /**
   * Checks username and password with the same throttling, slowdown and lockout as {@link #login}
   * and returns the user, without starting a session; throws an {@link ApiException} otherwise.
   */
  User authenticate(LoginCommand command, String clientAddress) {
    Instant now = clock.instant();
    Instant addressBlocked = throttle.addressBlockedUntil(clientAddress, now);
    if (addressBlocked != null) {
      throw new LoginBlockedException(AuthError.TOO_MANY_LOGIN_ATTEMPTS, addressBlocked);
    }
    String username = UserService.normalize(command.username());
    Optional<User> found = users.findByUsername(username);
    if (found.isEmpty()) {
      Instant locked = throttle.unknownUserLockedUntil(username, now);
      if (locked != null) {
        throw new LoginBlockedException(AuthError.ACCOUNT_LOCKED, locked);
      }
      hasher.matchesNothing(command.password());
      throttle.recordAddressFailure(clientAddress, now);
      int failures = throttle.recordUnknownUserFailure(username);
      if (failures >= config.maxFailedLogins()) {
        Instant until = now.plus(config.lockDuration());
        throttle.lockUnknownUser(username, until);
        pause(config.delayAfter(failures));
        throw new LoginBlockedException(AuthError.ACCOUNT_LOCKED, until);
      }
      pause(config.delayAfter(failures));
      throw new ApiException(AuthError.LOGIN_FAILED);
    }
    User user = found.get();
    if (user.isLockedAt(now)) {
      throw new LoginBlockedException(AuthError.ACCOUNT_LOCKED, user.lockedUntil());
    }
    if (!hasher.matches(command.password(), user.passwordHash())) {
      throttle.recordAddressFailure(clientAddress, now);
      int failures = users.recordFailedLogin(user.id());
      if (failures >= config.maxFailedLogins()) {
        Instant until = now.plus(config.lockDuration());
        users.lock(user.id(), until);
        LOG.warn(
            "Account {} locked until {} after {} failed logins (last from {})",
            user.id(),
            until,
            failures,
            clientAddress);
        pause(config.delayAfter(failures));
        throw new LoginBlockedException(AuthError.ACCOUNT_LOCKED, until);
      }
      pause(config.delayAfter(failures));
      throw new ApiException(AuthError.LOGIN_FAILED);
    }
    if (!user.active()) {
      throw new ApiException(AuthError.ACCOUNT_DISABLED);
    }
    if (user.failedLogins() > 0 || user.lockedUntil() != null) {
      users.clearFailedLogins(user.id());
    }
    return user;
  }

  /** Exchanges a refresh token for a new access token and a new refresh token. */
  TokenView refresh(String refreshToken) {
    TokenService.Rotation rotation = tokens.rotate(refreshToken);
    if (rotation.error() != null) {
      if (rotation.error() == AuthError.REFRESH_TOKEN_REUSED) {
        LOG.warn("Reused refresh token of user {}: session revoked", rotation.userId());
      }
      throw new ApiException(rotation.error());
    }
    Optional<User> user = users.findById(rotation.userId());
    if (user.isEmpty() || !user.get().active()) {
      tokens.revokeAll(rotation.userId());
      throw new ApiException(
          user.isEmpty() ? AuthError.REFRESH_TOKEN_INVALID : AuthError.ACCOUNT_DISABLED);
    }
    return answer(user.get(), rotation.refreshToken());
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  void logout(String refreshToken) {
    tokens.revokeFamilyOf(refreshToken);
  }

  /** Revokes every session of a user, e.g. when an administrator deactivates the account. */
  void revokeSessions(UUID userId) {
    tokens.revokeAll(userId);
  }

  /** Returns the request-scope view of a user, as the access token's claims carry it. */
  static CurrentUser current(UserView view) {
    return new CurrentUser(
        view.id(),
        view.username(),
        view.role(),
        view.countyCode(),
        view.townshipCode(),
        new LinkedHashSet<>(view.villageCodes()));
  }

  private TokenView answer(User user, String refreshToken) {
    UserView view = users.view(user);
    CurrentUser current = current(view);
    String accessToken = tokens.accessToken(current, view.villageCodes());
    return new TokenView(
        accessToken,
        "Bearer",
        config.accessTokenTtl().toSeconds(),
        refreshToken,
        config.refreshTokenTtl().toSeconds(),
        view);
  }

  /**
   * Holds back a failed login's answer. Runs on a blocking executor thread, never an event loop.
   */
  private static void pause(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
