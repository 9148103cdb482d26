package org.suifang.server;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads secrets from files named by environment variables, the way Docker and Kubernetes secrets
 * are mounted: {@code SUIFANG_JWT_SECRET_FILE} for the JWT secret and {@code
 * DATASOURCES_DEFAULT_PASSWORD_FILE} for the database password (docs/auth.md#the-secret). One
 * trailing line break is dropped ({@code echo} and most editors add one). Setting both a variable
 * and its {@code _FILE} twin, or naming a file that cannot be read, stops the start with a message
 * that says which.
 *
 * <p>An {@link ApplicationContextConfigurer}, so it runs before any configuration is read, for
 * every application context (the server's and the tests').
 */
@ContextConfigurer
public final class SecretFiles implements ApplicationContextConfigurer {

  /** Above application.yml, the environment-specific files and the environment variables. */
  static final int PRIORITY = 1_000;

  private static final Map<String, String> FILE_VARIABLES =
      Map.of(
          "SUIFANG_JWT_SECRET",
          "micronaut.security.token.jwt.signatures.secret.generator.secret",
          "DATASOURCES_DEFAULT_PASSWORD",
          "datasources.default.password");

  @Override
  public void configure(ApplicationContextBuilder builder) {
    propertySource(System.getenv()).ifPresent(builder::propertySources);
  }

  /**
   * Returns the properties read from the files that {@code environment}'s {@code *_FILE} variables
   * name, or empty if none is set.
   *
   * @throws IllegalStateException if a variable and its {@code _FILE} twin are both set, or a file
   *     cannot be read or is empty
   */
  public static Optional<PropertySource> propertySource(Map<String, String> environment) {
    Map<String, Object> properties = new LinkedHashMap<>();
    FILE_VARIABLES.forEach(
        (variable, property) -> {
          String file = environment.get(variable + "_FILE");
          if (file == null || file.isBlank()) {
            return;
          }
          if (environment.get(variable) != null) {
            throw new IllegalStateException(
                "Both " + variable + " and " + variable + "_FILE are set; set only one of them.");
          }
          properties.put(property, read(variable + "_FILE", Path.of(file)));
        });
    return properties.isEmpty()
        ? Optional.empty()
        : Optional.of(PropertySource.of("suifang-secret-files", properties, PRIORITY));
  }

  private static String read(String variable, Path file) {
    String value;
    try {
      value = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          variable + " names " + file + ", which cannot be read: " + e.getMessage(), e);
    }
    if (value.endsWith("\n")) {
      value = value.substring(0, value.length() - 1);
    }
    if (value.endsWith("\r")) {
      value = value.substring(0, value.length() - 1);
    }
    if (value.isEmpty()) {
      throw new IllegalStateException(variable + " names " + file + ", which is empty.");
    }
    return value;
  }
}
