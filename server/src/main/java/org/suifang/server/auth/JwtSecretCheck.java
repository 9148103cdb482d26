package org.suifang.server.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Refuses to start without a usable JWT secret, which would otherwise only show at the first login
 * (or, worse, work with a secret everybody knows):
 *
 * <ul>
 *   <li>none set ({@code SUIFANG_JWT_SECRET} or {@code SUIFANG_JWT_SECRET_FILE});
 *   <li>shorter than 256 bits, too short for HS256;
 *   <li>the well-known secret of the demo or test configuration (anything containing {@value
 *       #PUBLIC_MARKER}), unless the {@code demo} or {@code test} environment is active.
 * </ul>
 *
 * See docs/auth.md#the-secret.
 */
@Context
final class JwtSecretCheck {

  static final int MIN_BYTES = 32;

  /** Part of every secret committed to the repository (application-demo.yml, the tests'). */
  static final String PUBLIC_MARKER = "not-for-production";

  private static final Set<String> PUBLIC_ALLOWED_IN = Set.of("demo", Environment.TEST);

  private static final String HOW =
      " Set SUIFANG_JWT_SECRET, or SUIFANG_JWT_SECRET_FILE to a file holding it, to a random value"
          + " of at least "
          + MIN_BYTES
          + " bytes shared by every instance; generate one with: openssl rand -base64 48";

  JwtSecretCheck(
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String secret,
      Environment environment) {
    if (secret.isBlank()) {
      throw new IllegalStateException("No JWT secret is set." + HOW);
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
      throw new IllegalStateException(
          "The JWT secret must be at least " + MIN_BYTES + " bytes long." + HOW);
    }
    boolean publicAllowed =
        environment.getActiveNames().stream().anyMatch(PUBLIC_ALLOWED_IN::contains);
    if (secret.contains(PUBLIC_MARKER) && !publicAllowed) {
      throw new IllegalStateException(
          "The JWT secret is the public one of the demo or test configuration, which anybody can"
              + " use to sign tokens; it is accepted only in the demo and test environments."
              + HOW);
    }
  }
}
