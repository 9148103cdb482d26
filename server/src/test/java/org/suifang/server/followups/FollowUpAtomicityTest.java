package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * One request is one transaction: when storing the medication rows fails after the follow-up row
 * was inserted, the follow-up row is rolled back too, and the client gets a 500 without details.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "FollowUpAtomicityTest")
class FollowUpAtomicityTest {

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject TransactionOperations<Connection> transactions;

  @Test
  void record_medicationInsertFails_followUpRowRolledBack() {
    auth.seedArea();
    String patientId =
        (String)
            api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1))
                .json()
                .get("id");
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

    TestApi.Response r =
        api.post(
            "doc1",
            "/api/v1/patients/" + patientId + "/follow-ups",
            FollowUpSamples.hypertensionVisit(yesterday, 130, 80));

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json()).containsEntry("code", "INTERNAL_ERROR");
    assertThat(r.json().toString()).doesNotContain("simulated");
    assertThat(followUpRows(patientId)).isZero();
  }

  private long followUpRows(String patientId) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps =
              status
                  .getConnection()
                  .prepareStatement("SELECT count(*) FROM follow_up WHERE patient_id = ?")) {
            ps.setObject(1, UUID.fromString(patientId));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Fails the medication insert, as a database error after the follow-up row was inserted would.
   */
  @Singleton
  @Replaces(FollowUpRows.class)
  @Requires(property = "spec.name", value = "FollowUpAtomicityTest")
  static class FailingMedicationRows extends FollowUpRows {

    FailingMedicationRows(JdbcOperations jdbc) {
      super(jdbc);
    }

    @Override
    void insertMedications(List<FollowUpMedication> rows) {
      throw new IllegalStateException("simulated database failure");
    }
  }
}
