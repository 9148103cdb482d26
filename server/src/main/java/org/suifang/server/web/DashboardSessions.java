package org.suifang.server.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * <p>Signing out forgets the session in memory until it would have expired anyway (one server per
 * county; a restart forgets the list, and the cookie is cleared in the browser regardless).
 * Thread-safe.
 */
@Singleton
final class DashboardSessions {

  /** The session cookie's name. */
  static final String SESSION_COOKIE = "SUIFANG_SESSION";

  /** The cookie holding the random value the login form's CSRF token is bound to. */
  static final String PRE_SESSION_COOKIE = "SUIFANG_PRE";

  private static final int MAX_REVOKED = 10_000;

  private final DashboardConfiguration config;
  private final Clock clock;
  private final Map<String, Instant> revoked = new LinkedHashMap<>();

  DashboardSessions(DashboardConfiguration config, Clock clock) {
    this.config = config;
    this.clock = clock;
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

  /** Forgets a session: its token no longer authenticates, even if a copy of the cookie exists. */
  synchronized void revoke(String token) {
    purge();
    revoked.put(hash(token), clock.instant().plus(config.sessionTtl()));
    if (revoked.size() > MAX_REVOKED) {
      // The oldest entries are the closest to expiring on their own.
      Iterator<String> oldest = revoked.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Returns whether the session was signed out. */
  synchronized boolean isRevoked(String token) {
    Instant until = revoked.get(hash(token));
    return until != null && until.isAfter(clock.instant());
  }

  private void purge() {
    Instant now = clock.instant();
    revoked.values().removeIf(until -> !until.isAfter(now));
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
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
