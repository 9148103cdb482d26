package org.suifang.server.testing;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points every test application context at the database chosen by the system property {@code
 * suifang.test.db}: {@code h2} (the default, a fresh in-memory database from application-test.yml)
 * or {@code postgres}, a fresh database on one embedded PostgreSQL server started once per JVM.
 * Surefire runs the whole server suite once for each (see server/pom.xml).
 */
@ContextConfigurer
public final class TestDatabaseConfigurer implements ApplicationContextConfigurer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static volatile String pinned;

  /** Returns true when this JVM runs the suite against PostgreSQL. */
  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty("suifang.test.db"));
  }

  /**
   * Makes the next application contexts use {@code url} (a database from {@link
   * #newPostgresDatabase()}) instead of a fresh database each, until called with null. The
   * simulation restarts its server on one database this way.
   */
  public static void pinDatabase(String url) {
    pinned = url;
  }

  @Override
  public void configure(ApplicationContextBuilder builder) {
    if (!onPostgres()) {
      return;
    }
    Map<String, Object> props = new HashMap<>();
    String url = pinned;
    props.put("datasources.default.url", url != null ? url : newPostgresDatabase());
    props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    props.put("datasources.default.username", "postgres");
    props.put("datasources.default.password", "postgres");
    builder.properties(props);
  }

  /** Creates an empty database on the shared embedded server and returns its JDBC URL. */
  public static synchronized String newPostgresDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
      }
      String name = "suifang_test_" + DATABASES.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }
}
