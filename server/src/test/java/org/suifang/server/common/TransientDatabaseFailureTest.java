package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * A write that waits too long for a lock, or loses a deadlock, changed nothing and may simply be
 * sent again: it answers 503 {@code TEMPORARILY_UNAVAILABLE} with {@code Retry-After}, not a 500.
 * Found by the two-server test's operator checks (a write blocked behind a stuck session answered
 * 500). The end-to-end case runs on H2 with a short lock timeout; the PostgreSQL states are checked
 * on the classifier.
 */
@MicronautTest(transactional = false)
@Tag("h2-only")
@Property(name = "datasources.default.url", value = TransientDatabaseFailureTest.URL)
class TransientDatabaseFailureTest {

  static final String URL =
      "jdbc:h2:mem:transient-failure;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300";

  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject TransactionOperations<Connection> transactions;
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Test
  void write_lockHeldElsewhereBeyondTheTimeout_503RetryLater_nothingStored_retrySucceeds()
      throws Exception {
    auth.seedArea();
    Map<String, Object> patient = PatientSamples.hypertensive(TestArea.VILLAGE_1);
    long before = count();
    TestApi.Response blocked;
    // Another session holds the change sequencer's row lock (a stuck transaction of another
    // instance, say) past the lock timeout.
    try (Connection other = DriverManager.getConnection(URL, "sa", "")) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.execute("SELECT seq FROM sync_clock WHERE id = 1 FOR UPDATE");
        blocked = api.post("doc1", "/api/v1/patients", patient);
        HttpResponse<String> raw =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(server.getURI().resolve("/api/v1/patients"))
                        .header("Authorization", "Bearer " + auth.login("doc1"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(patient)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("2");
      } finally {
        other.rollback();
      }
    }

    assertThat(blocked.status()).as(String.valueOf(blocked.body())).isEqualTo(503);
    assertThat(blocked.at("code")).isEqualTo("TEMPORARILY_UNAVAILABLE");
    assertThat(blocked.at("messageZh")).isEqualTo(CommonError.TEMPORARILY_UNAVAILABLE.messageZh());
    assertThat(String.valueOf(blocked.body()))
        .doesNotContain("Exception")
        .doesNotContain("sync_clock");
    assertThat(count()).isEqualTo(before);

    TestApi.Response retried = api.post("doc1", "/api/v1/patients", patient);
    assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(201);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void classifier_postgresAndH2States() {
    for (String state : List.of("40001", "40P01", "55P03", "57014", "57P01", "HYT00", "08006")) {
      assertThat(TransientDatabaseFailure.is(wrapped(new SQLException("x", state))))
          .as(state)
          .isTrue();
    }
    assertThat(TransientDatabaseFailure.is(wrapped(new SQLTransientConnectionException("pool"))))
        .isTrue();
    for (String state : List.of("23505", "22021", "42P01")) {
      assertThat(TransientDatabaseFailure.is(wrapped(new SQLException("x", state))))
          .as(state)
          .isFalse();
    }
    assertThat(TransientDatabaseFailure.is(new IllegalStateException("no SQL"))).isFalse();
  }

  private static RuntimeException wrapped(SQLException e) {
    return new DataAccessException("failed", new IllegalStateException(e));
  }

  private long count() {
    return ((Number)
            SqlRows.read(transactions, "SELECT count(*) AS n FROM patient").get(0).get("n"))
        .longValue();
  }
}
