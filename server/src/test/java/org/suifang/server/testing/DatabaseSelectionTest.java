package org.suifang.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Guards the two-database test setup: the PostgreSQL run must really talk to PostgreSQL. */
@MicronautTest
class DatabaseSelectionTest {

  @Inject DataSource dataSource;

  @Test
  void dataSource_isTheDatabaseTheRunAskedFor() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      assertThat(product).isEqualTo(TestDatabaseConfigurer.onPostgres() ? "PostgreSQL" : "H2");
    }
  }
}
