package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.server.SecretFiles;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * The server refuses to start without a usable JWT secret outside the demo and test environments,
 * and reads secrets from files named by {@code *_FILE} variables (docs/auth.md#the-secret). Each
 * case starts a real application context; the environment variables are passed to {@link
 * SecretFiles#propertySource} as a map, since a test cannot set its own process environment.
 */
class SecretConfigurationTest {

  private static final String DEMO_SECRET = "suifang-demo-secret-not-for-production-use-0123456789";
  private static final String TEST_SECRET = "suifang-test-secret-not-for-production-use-0123456789";
  private static final String GOOD_SECRET = "k3Jq9vX2-production-like-secret-Zt8w1mN4pR7sB0cE";
  private static final String SECRET_PROPERTY =
      "micronaut.security.token.jwt.signatures.secret.generator.secret";

  @TempDir Path dir;

  @Test
  void start_production_withoutSecret_refusesWithAClearMessage() {
    assertThatThrownBy(() -> start(Map.of(), "prod"))
        .hasStackTraceContaining("No JWT secret is set")
        .hasStackTraceContaining("SUIFANG_JWT_SECRET_FILE");
  }

  @Test
  void start_production_withShortSecret_refuses() {
    assertThatThrownBy(
            () -> start(Map.of(SECRET_PROPERTY, "only-31-bytes-long-secret-12345"), "prod"))
        .hasStackTraceContaining("must be at least 32 bytes long");
  }

  @Test
  void start_production_withTheDemoOrTestSecret_refuses() {
    for (String known : new String[] {DEMO_SECRET, TEST_SECRET}) {
      assertThatThrownBy(() -> start(Map.of(SECRET_PROPERTY, known), "prod"))
          .as(known)
          .hasStackTraceContaining("public one of the demo or test configuration");
    }
  }

  @Test
  void start_demoEnvironment_withTheDemoSecret_starts() {
    try (ApplicationContext context =
        start(Map.of(SECRET_PROPERTY, DEMO_SECRET, "suifang.demo.enabled", false), "demo")) {
      assertThat(context.isRunning()).isTrue();
    }
  }

  @Test
  void start_production_withARandomSecret_starts() {
    try (ApplicationContext context = start(Map.of(SECRET_PROPERTY, GOOD_SECRET), "prod")) {
      assertThat(context.isRunning()).isTrue();
    }
  }

  @Test
  void start_production_withSecretFile_readsItWithoutTheTrailingNewline() throws IOException {
    Path file = write("jwt-secret", GOOD_SECRET + "\n");
    PropertySource fromFiles =
        SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET_FILE", file.toString()))
            .orElseThrow();

    try (ApplicationContext context = start(Map.of(), "prod", fromFiles)) {
      assertThat(context.getRequiredProperty(SECRET_PROPERTY, String.class)).isEqualTo(GOOD_SECRET);
    }
  }

  @Test
  void secretFile_withAPublicSecret_isRefusedLikeTheVariable() throws IOException {
    Path file = write("jwt-secret", DEMO_SECRET + "\n");
    PropertySource fromFiles =
        SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET_FILE", file.toString()))
            .orElseThrow();

    assertThatThrownBy(() -> start(Map.of(), "prod", fromFiles))
        .hasStackTraceContaining("public one of the demo or test configuration");
  }

  @Test
  void secretFile_loginWorksAndTokensAreSignedWithTheFilesSecret()
      throws IOException, ParseException, JOSEException {
    Path file = write("jwt-secret", GOOD_SECRET + "\n");
    PropertySource fromFiles =
        SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET_FILE", file.toString()))
            .orElseThrow();

    try (ApplicationContext context = builder(Map.of(), "test", fromFiles).start()) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      context.getBean(TestAuth.class).seedArea();
      String token = context.getBean(TestAuth.class).login("doc1");

      assertThat(SignedJWT.parse(token).verify(new MACVerifier(GOOD_SECRET.getBytes(UTF8))))
          .isTrue();
      HttpResponse<String> me =
          new RawHttp(server.getURL())
              .send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + token), null);
      assertThat(me.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void secretFile_andVariableBothSet_refuses() throws IOException {
    Path file = write("jwt-secret", GOOD_SECRET);

    assertThatThrownBy(
            () ->
                SecretFiles.propertySource(
                    Map.of(
                        "SUIFANG_JWT_SECRET",
                        GOOD_SECRET,
                        "SUIFANG_JWT_SECRET_FILE",
                        file.toString())))
        .hasMessageContaining("Both SUIFANG_JWT_SECRET and SUIFANG_JWT_SECRET_FILE are set");
  }

  @Test
  void secretFile_missingOrEmpty_refusesNamingTheFile() throws IOException {
    Path missing = dir.resolve("no-such-file");
    Path empty = write("empty", "\n");

    assertThatThrownBy(
            () -> SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET_FILE", missing.toString())))
        .hasMessageContaining(
            "SUIFANG_JWT_SECRET_FILE names " + missing + ", which cannot be read");
    assertThatThrownBy(
            () -> SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET_FILE", empty.toString())))
        .hasMessageContaining("which is empty");
  }

  @Test
  void databasePasswordFile_setsTheDataSourcePassword() throws IOException {
    Path file = write("db-password", "s3cret-db-Passw0rd\r\n");
    PropertySource fromFiles =
        SecretFiles.propertySource(Map.of("DATASOURCES_DEFAULT_PASSWORD_FILE", file.toString()))
            .orElseThrow();

    // The configuration only: the test database does not know this password.
    try (ApplicationContext context =
        builder(Map.of(SECRET_PROPERTY, GOOD_SECRET), "prod", fromFiles).build()) {
      Environment environment = context.getEnvironment().start();
      assertThat(environment.getRequiredProperty("datasources.default.password", String.class))
          .isEqualTo("s3cret-db-Passw0rd");
    }
  }

  @Test
  void noFileVariables_addNothing() {
    assertThat(SecretFiles.propertySource(Map.of("SUIFANG_JWT_SECRET", GOOD_SECRET))).isEmpty();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, UTF8);
  }

  private static ApplicationContext start(
      Map<String, Object> properties, String environment, PropertySource... sources) {
    return builder(properties, environment, sources).start();
  }

  /**
   * A context like the server's in the given environment only (no deduced "test" environment), on a
   * fresh in-memory database, so that only the secret decides whether it starts.
   */
  private static ApplicationContextBuilder builder(
      Map<String, Object> properties, String environment, PropertySource... sources) {
    Map<String, Object> all = new LinkedHashMap<>();
    if (!environment.equals("test") && !TestDatabaseConfigurer.onPostgres()) {
      // application-test.yml's in-memory database is not read outside the test environment.
      all.put(
          "datasources.default.url",
          "jdbc:h2:mem:secrets-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }
    all.put("micronaut.server.port", -1);
    all.putAll(properties);
    return ApplicationContext.builder()
        .deduceEnvironment(false)
        .environments(environment)
        .properties(all)
        .propertySources(sources);
  }
}
