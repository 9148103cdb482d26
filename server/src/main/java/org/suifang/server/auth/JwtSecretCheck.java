package org.suifang.server.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.nio.charset.StandardCharsets;

/**
 * Refuses to start with a JWT secret too short for HS256 (under 256 bits), which would otherwise
 * only fail at the first login. The secret comes from {@code SUIFANG_JWT_SECRET}; see docs/auth.md.
 */
@Context
final class JwtSecretCheck {

  static final int MIN_BYTES = 32;

  JwtSecretCheck(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
      throw new IllegalStateException("The JWT secret (SUIFANG_JWT_SECRET) must be at least " + MIN_BYTES
          + " bytes long; generate one with: openssl rand -base64 48");
    }
  }
}
