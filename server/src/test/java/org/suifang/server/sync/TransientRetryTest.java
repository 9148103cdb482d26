package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * A pushed mutation whose transaction hits a transient database failure (here H2's lock timeout,
 * standing for a PostgreSQL deadlock, which the two-server test met) is run again by the server
 * instead of answering 503 at once: another session holds the change sequencer's row past the first
 * attempt's lock timeout and releases it, and the push is applied in the same request.
 */
@MicronautTest(transactional = false)
@Tag("h2-only")
@Property(name = "datasources.default.url", value = TransientRetryTest.URL)
class TransientRetryTest {

  static final String URL =
      "jdbc:h2:mem:transient-retry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300";

  @Inject TestAuth auth;
  @Inject TestApi api;

  @Test
  void push_lockHeldPastTheFirstAttempt_triedAgain_appliedInTheSameRequest() throws Exception {
    TestArea area = auth.seedArea();
    TestApi.Response created =
        api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(TestArea.VILLAGE_1));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    Map<String, Object> note = tablet.note((String) created.at("id"), "after-a-lock-wait");

    TestApi.Response pushed;
    try (Connection other = DriverManager.getConnection(URL, "sa", "")) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.execute("SELECT seq FROM sync_clock WHERE id = 1 FOR UPDATE");
      }
      // Released after the first attempt's 300 ms lock wait, well before the third one ends.
      CompletableFuture<Void> release =
          CompletableFuture.runAsync(
              () -> {
                try {
                  other.rollback();
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              CompletableFuture.delayedExecutor(450, TimeUnit.MILLISECONDS));
      pushed = tablet.push(List.of(note));
      release.get(5, TimeUnit.SECONDS);
    }

    assertThat(pushed.status()).as(String.valueOf(pushed.body())).isEqualTo(200);
    assertThat(pushed.at("results.0.status")).isEqualTo("APPLIED");
    assertThat((String) api.get("doc1", "/api/v1/patients/" + created.at("id")).at("address"))
        .endsWith("|after-a-lock-wait");
  }
}
