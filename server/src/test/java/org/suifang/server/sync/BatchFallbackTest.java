package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * A batch of follow-ups whose stamping at its end fails as a deadlock would (the database rolls it
 * back whole, results held for it included): the request's mutations are processed again one per
 * transaction, and each is stored once, with its result and its seq.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "BatchFallbackTest")
class BatchFallbackTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject FailingSequencer sequencer;

  @Inject TransactionOperations<Connection> transactions;

  private TestDevice tablet;
  private String patientId;

  @BeforeEach
  void seed() {
    TestArea area = auth.seedArea();
    tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    Map<String, Object> patient = PatientSamples.hypertensive(VILLAGE_1);
    TestApi.Response r = tablet.push(List.of(tablet.mutation("PATIENT_CREATE", patient)));
    assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    patientId = (String) patient.get("id");
  }

  @Test
  void stampingFailsAtTheBatchsEnd_processedOneByOne_eachStoredOnceWithItsSeq() {
    List<Map<String, Object>> mutations = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      mutations.add(
          tablet.visit(
              patientId,
              FollowUpSamples.hypertensionVisit(TODAY.minusDays(60 - i), i == 4 ? 999 : 130, 80)));
    }
    sequencer.failures.set(1);

    TestApi.Response r = tablet.push(mutations);

    assertThat(sequencer.failures.get()).isZero();
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      assertThat(r.at("results." + i + ".status"))
          .as(i + ": " + r.body())
          .isEqualTo(i == 4 ? "REJECTED" : "APPLIED");
      assertThat(r.at("results." + i + ".duplicate")).isEqualTo(false);
      if (i != 4) {
        seqs.add(((Number) r.at("results." + i + ".changeSeq")).longValue());
      }
    }
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
    assertThat(r.at("ackedThroughSeq")).isEqualTo(15);
    assertThat(count("SELECT count(*) FROM mutation_result WHERE device_id = ?")).isEqualTo(15);
    assertThat(count("SELECT count(*) FROM device_mutation WHERE device_id = ?")).isEqualTo(15);
    assertThat(
            count(
                "SELECT count(*) FROM mutation_result WHERE device_id = ? AND change_seq IS NULL"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM follow_up f JOIN mutation_result r ON r.change_seq = f.change_seq"
                    + " WHERE r.device_id = ?"))
        .isEqualTo(13);
  }

  private long count(String sql) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            ps.setObject(1, tablet.id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Fails {@link #takeRange} as often as {@link #failures} says, as a deadlock would. */
  @Singleton
  @Replaces(ChangeSequencer.class)
  @Requires(property = "spec.name", value = "BatchFallbackTest")
  static class FailingSequencer extends ChangeSequencer {

    final AtomicInteger failures = new AtomicInteger();

    FailingSequencer(TransactionOperations<Connection> transactions, Clock clock) {
      super(transactions, clock);
    }

    @Override
    long takeRange(int count, long atLeastHlc) {
      if (failures.getAndDecrement() > 0) {
        throw new ChangeSequenceException(new SQLException("deadlock detected", "40P01"));
      }
      return super.takeRange(count, atLeastHlc);
    }
  }
}
