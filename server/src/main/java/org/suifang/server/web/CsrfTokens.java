package org.suifang.server.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.suifang.server.common.DerivedKey;

/**
 * CSRF tokens of the synchronizer-token pattern without server-side storage: a token is the
 * HMAC-SHA256 of the browser's session cookie (or, before sign-in, of the random pre-session
 * cookie), keyed with a key derived from the JWT secret. A page gets the token in its model ({@code
 * csrfToken}) and sends it back in the form field {@value #FIELD} or the header {@value #HEADER};
 * another site can neither read the token nor compute it, and it changes with every session.
 * Thread-safe.
 */
@Singleton
final class CsrfTokens {

  /** The form field carrying the token. */
  static final String FIELD = "csrfToken";

  /** The header carrying the token (for {@code fetch}). */
  static final String HEADER = "X-CSRF-TOKEN";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final DerivedKey key;
  private final SecureRandom random = new SecureRandom();

  CsrfTokens(
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
    // A key of its own, so a CSRF token is never a MAC the JWT signature could also produce.
    this.key = DerivedKey.of(secret, "csrf-key");
  }

  /** Returns a new random pre-session value (256 bits, base64url). */
  String newPreSessionValue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /**
   * Returns the token the request must carry: bound to its session cookie if it has one, else to
   * its pre-session cookie; empty if it has neither.
   */
  Optional<String> expected(HttpRequest<?> request) {
    Optional<String> session = DashboardSessions.sessionValue(request);
    if (session.isPresent()) {
      return Optional.of(forSession(session.get()));
    }
    return DashboardSessions.preSessionValue(request).map(this::forPreSession);
  }

  /** Returns the token of a session cookie value. */
  String forSession(String sessionCookie) {
    return key.sign("s:" + sessionCookie);
  }

  /** Returns the token of a pre-session cookie value. */
  String forPreSession(String preSessionCookie) {
    return key.sign("p:" + preSessionCookie);
  }

  /** Returns whether {@code presented} is the request's expected token (constant-time). */
  boolean isValid(HttpRequest<?> request, @Nullable String presented) {
    if (presented == null || presented.isBlank()) {
      return false;
    }
    Optional<String> expected = expected(request);
    return expected.isPresent()
        && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.US_ASCII),
            presented.strip().getBytes(StandardCharsets.UTF_8));
  }
}
