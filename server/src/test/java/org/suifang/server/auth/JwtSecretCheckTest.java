package org.suifang.server.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSecretCheckTest {

  @Test
  void startup_secretShorterThan256Bits_fails() {
    Map<String, Object> props = Map.of(
        "micronaut.security.token.jwt.signatures.secret.generator.secret", "only-31-bytes-long-secret-12345",
        "flyway.datasources.default.enabled", false);

    assertThatThrownBy(() -> ApplicationContext.run(props, "test").close()).hasStackTraceContaining("must be at least 32 bytes long");
  }
}
