package org.suifang.server.web;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.TokenService;
import org.suifang.server.users.PasswordChangedEvent;

/**
 * The dashboard's session cookie: a signed JWT with the claims of an API access token
 * (docs/auth.md) in the cookie {@value #SESSION_COOKIE}, HttpOnly, SameSite=Strict, Path=/, Secure
 * if {@code suifang.dashboard.secure-cookie}. Also the pre-session cookie {@value
 * #PRE_SESSION_COOKIE} that the login form's CSRF token is bound to, and the list of signed-out
 * sessions.
 *
 * <p>The cookie authenticates only the browser routes ({@link #acceptsCookie}): {@code /dashboard},
 * {@code /dashboard/**}, {@code /logout}, and GET requests of {@code /api/v1/reports/**} and {@code
 * /api/v1/audit-log}, so it cannot be used to forge a write to the JSON API; every non-GET browser
 * route checks a CSRF token ({@link CsrfFilter}).
 *
 * <p>Signing out revokes the session in the database ({@code dashboard_session_revocation}, V34)
 * until it would have expired anyway, so every instance behind a load balancer refuses a copy of
 * the cookie; a deactivated user's sessions, and those issued before a password change, stop
 * counting at once too. Thread-safe.
 */
@Singleton
final class DashboardSessions {

  /** The session cookie's name. */
  static final String SESSION_COOKIE = "SUIFANG_SESSION";

  /** The cookie holding the random value the login form's CSRF token is bound to. */
  static final String PRE_SESSION_COOKIE = "SUIFANG_PRE";

  private final DashboardConfiguration config;
  private final Clock clock;
  private final SessionRevocationRepository revocations;

  DashboardSessions(
      DashboardConfiguration config, Clock clock, SessionRevocationRepository revocations) {
    this.config = config;
    this.clock = clock;
    this.revocations = revocations;
  }

  /** Returns whether the session cookie may authenticate this request (see the class comment). */
  static boolean acceptsCookie(HttpRequest<?> request) {
    String path = request.getPath();
    if (isBrowserPath(path) && !path.equals("/login") && !path.equals("/lang")) {
      return true;
    }
    boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
    return read
        && (path.startsWith("/api/v1/reports/")
            || path.equals("/api/v1/audit-log")
            || path.startsWith("/api/v1/audit-log/"));
  }

  /**
   * Returns whether the path is served to browsers as HTML (pages, login, logout, language switch),
   * so that errors there are answered with a page instead of JSON.
   */
  static boolean isBrowserPath(String path) {
    return path.equals("/")
        || path.equals("/dashboard")
        || path.startsWith("/dashboard/")
        || path.equals("/login")
        || path.equals("/logout")
        || path.equals("/lang");
  }

  /** Returns the session cookie's value, if the request carries one. */
  static Optional<String> sessionValue(HttpRequest<?> request) {
    return cookie(request, SESSION_COOKIE);
  }

  /** Returns the pre-session cookie's value, if the request carries one. */
  static Optional<String> preSessionValue(HttpRequest<?> request) {
    return cookie(request, PRE_SESSION_COOKIE);
  }

  /** Returns the cookie that starts a session with the given signed token. */
  Cookie sessionCookie(String token) {
    return strict(Cookie.of(SESSION_COOKIE, token)).maxAge(config.sessionTtl());
  }

  /** Returns a cookie that deletes the session cookie in the browser. */
  Cookie clearedSessionCookie() {
    return strict(Cookie.of(SESSION_COOKIE, "")).maxAge(Duration.ZERO);
  }

  /** Returns the pre-session cookie with the given random value (a browser-session cookie). */
  Cookie preSessionCookie(String value) {
    return strict(Cookie.of(PRE_SESSION_COOKIE, value));
  }

  /** Returns a cookie that deletes the pre-session cookie. */
  Cookie clearedPreSessionCookie() {
    return strict(Cookie.of(PRE_SESSION_COOKIE, "")).maxAge(Duration.ZERO);
  }

  /**
   * Forgets a session: its token no longer authenticates, even if a copy of the cookie exists, on
   * any server instance (the revocation is in the database until the session would have expired).
   */
  void revoke(String token) {
    Instant now = clock.instant();
    revocations.purge(now);
    revocations.insert(hash(token), now.plus(config.sessionTtl()));
  }

  /**
   * Returns whether the session no longer counts: signed out, its user deactivated (or gone), or
   * issued before the user's password changed. A token that does not parse is left to the JWT
   * validator, which refuses it.
   */
  boolean isRevoked(String token) {
    if (revocations.countRevoked(hash(token), clock.instant()) > 0) {
      return true;
    }
    JWTClaimsSet claims;
    try {
      claims = JWTParser.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      return false;
    }
    Object uid = claims.getClaim(CurrentUser.CLAIM_USER_ID);
    UUID userId;
    try {
      userId = UUID.fromString(String.valueOf(uid));
    } catch (IllegalArgumentException e) {
      return false;
    }
    List<Boolean> active = revocations.findActive(userId);
    if (active.isEmpty() || !Boolean.TRUE.equals(active.get(0))) {
      return true;
    }
    List<Instant> cutoff = revocations.findCutoff(userId);
    Date issued = claims.getIssueTime();
    return !cutoff.isEmpty() && (issued == null || issued.toInstant().isBefore(cutoff.get(0)));
  }

  /** Ends every dashboard session of the user issued before now (a password change). */
  @EventListener
  void onPasswordChanged(PasswordChangedEvent event) {
    // JWT issue times have whole seconds: a session signed in later in this second still counts.
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    revocations.deleteCutoff(event.userId());
    revocations.insertCutoff(event.userId(), notBefore);
  }

  private Cookie strict(Cookie cookie) {
    return cookie.httpOnly(true).sameSite(SameSite.Strict).path("/").secure(config.secureCookie());
  }

  private static Optional<String> cookie(HttpRequest<?> request, String name) {
    return request
        .getCookies()
        .findCookie(name)
        .map(Cookie::getValue)
        .filter(v -> v != null && !v.isBlank());
  }

  static String hash(@Nullable String token) {
    return TokenService.hash(String.valueOf(token));
  }
}
