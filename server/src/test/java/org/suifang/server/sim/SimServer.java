package org.suifang.server.sim;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * The real server of one simulation run: a Micronaut {@link EmbeddedServer} on a database that
 * outlives it, so the harness can stop it, start it again (a restart), and put an older copy of the
 * database back (a restore). Its clock is the test {@link FakeClock}, set by the simulation.
 *
 * <p>H2: a named in-memory database with {@code DB_CLOSE_DELAY=-1} survives the application
 * context; a backup is H2's {@code SCRIPT TO}, a restore {@code DROP ALL OBJECTS} and {@code
 * RUNSCRIPT}. PostgreSQL: one database per run; a backup is a {@code CREATE DATABASE … TEMPLATE}
 * copy taken while the server is stopped (PostgreSQL copies a template only without connections), a
 * restore drops the live database and copies the backup back.
 */
final class SimServer implements AutoCloseable {
  private final boolean postgres;
  private final String url;
  private final File workDir;
  private int backups;
  private ApplicationContext context;
  private EmbeddedServer server;
  private FakeClock clock;
  private TestApi api;
  private TransactionOperations<Connection> transactions;

  SimServer(String name, File workDir) {
    this.postgres = TestDatabaseConfigurer.onPostgres();
    this.workDir = workDir;
    this.url =
        postgres
            ? TestDatabaseConfigurer.newPostgresDatabase()
            : "jdbc:h2:mem:"
                + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }

  /** Starts the server with its clock at {@code now}. */
  @SuppressWarnings("unchecked")
  void start(Instant now) {
    if (context != null) {
      throw new IllegalStateException("already running");
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("datasources.default.url", url);
    if (postgres) {
      props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
      props.put("datasources.default.username", "postgres");
      props.put("datasources.default.password", "postgres");
    }
    props.put("suifang.test.fake-clock", "true");
    props.put("micronaut.server.port", -1);
    TestDatabaseConfigurer.pinDatabase(postgres ? url : null);
    try {
      server = ApplicationContext.run(EmbeddedServer.class, props, "test");
    } finally {
      TestDatabaseConfigurer.pinDatabase(null);
    }
    context = server.getApplicationContext();
    clock = context.getBean(FakeClock.class);
    clock.set(now);
    api = context.getBean(TestApi.class);
    transactions = context.getBean(TransactionOperations.class);
    context.getBean(TestAuth.class).seedArea();
  }

  void stop() {
    if (context != null) {
      context.close();
      context = null;
      server = null;
    }
  }

  boolean running() {
    return context != null;
  }

  void setTime(Instant now) {
    clock.set(now);
  }

  int port() {
    return server.getPort();
  }

  TestApi api() {
    return api;
  }

  TestAuth auth() {
    return context.getBean(TestAuth.class);
  }

  /** Takes a backup of the database and returns its name (for {@link #restore}). */
  String backup(Instant now) throws SQLException {
    String name = "backup" + (++backups);
    if (postgres) {
      stop();
      try (Connection c = maintenance();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + dbName() + "_" + name + " TEMPLATE " + dbName());
      }
      start(now);
    } else {
      File file = new File(workDir, name + ".sql");
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + file.getAbsolutePath().replace("'", "''") + "'");
      }
    }
    return name;
  }

  /** Stops the server, puts the backup back and starts the server again. */
  void restore(String backup, Instant now) throws SQLException {
    stop();
    if (postgres) {
      try (Connection c = maintenance();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + dbName());
        s.execute("CREATE DATABASE " + dbName() + " TEMPLATE " + dbName() + "_" + backup);
      }
    } else {
      File file = new File(workDir, backup + ".sql");
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("DROP ALL OBJECTS");
        s.execute("RUNSCRIPT FROM '" + file.getAbsolutePath().replace("'", "''") + "'");
      }
    }
    start(now);
  }

  /** Drops the database (the end of a run). */
  @Override
  public void close() throws SQLException {
    stop();
    if (postgres) {
      try (Connection c = maintenance();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + dbName());
        for (int i = 1; i <= backups; i++) {
          s.execute("DROP DATABASE IF EXISTS " + dbName() + "_backup" + i);
        }
      }
    } else {
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  private String dbName() {
    String path = url.substring(url.lastIndexOf('/') + 1);
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private Connection maintenance() throws SQLException {
    String base = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    int q = url.indexOf('?');
    return DriverManager.getConnection(
        q < 0 ? base : base + url.substring(q), "postgres", "postgres");
  }

  /** Runs a query and returns each row as column label (lower case) → value. */
  List<Map<String, Object>> rows(String sql, Object... params) {
    return SqlRows.read(transactions, sql, params);
  }

  long count(String sql, Object... params) {
    return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
  }
}
