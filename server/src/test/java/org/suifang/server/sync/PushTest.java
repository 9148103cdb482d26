package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.common.CommonError;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The exactly-once push over HTTP (docs/sync-protocol.md#server-processing), with the test-only
 * {@code TEST_NOTE} mutation, which appends its note to a patient's address: a note applied twice
 * would show twice.
 */
@MicronautTest(transactional = false)
class PushTest {

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject TransactionOperations<Connection> transactions;

  private TestArea area;
  private TestDevice tablet;
  private String patientId;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();
    TestApi.Response r =
        api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1));
    assertThat(r.status()).isEqualTo(201);
    patientId = (String) r.at("id");
  }

  private String address() {
    return (String) api.get("doc1", "/api/v1/patients/" + patientId).at("address");
  }

  /** How often {@code "|" + note} occurs in the patient's address. */
  private int applied(String note) {
    String address = address();
    int count = 0;
    for (int i = address.indexOf("|" + note); i >= 0; i = address.indexOf("|" + note, i + 1)) {
      if (i + note.length() + 1 == address.length()
          || address.charAt(i + note.length() + 1) == '|') {
        count++;
      }
    }
    return count;
  }

  private static List<Map<String, Object>> results(TestApi.Response r) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) r.at("results");
    return results;
  }

  @Test
  void push_textWithANulCharacter_appliedOrRejectedButNeverBlocksTheQueue() {
    // Found by the fuzzer: PostgreSQL cannot store NUL in text; the SQL error was taken for a
    // temporary failure (503) and the mutation blocked the outbox. H2 stores it.
    Map<String, Object> patient = PatientSamples.hypertensive(VILLAGE_1);
    patient.put("address", "东关村\u00003组");

    TestApi.Response r =
        tablet.push(
            List.of(tablet.mutation("PATIENT_CREATE", patient), tablet.note(patientId, "after")));

    if (org.suifang.server.testing.TestDatabaseConfigurer.onPostgres()) {
      assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
      assertThat(r.at("results.0.code")).isEqualTo("MALFORMED_REQUEST");
    } else {
      assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    }
    assertThat(r.at("results.1.status")).isEqualTo("APPLIED");
    assertThat(applied("after")).isEqualTo(1);
  }

  @Test
  void push_rejectionWithThousandsOfFieldErrors_keepsTheFieldErrorsThatFitTheColumn() {
    // Found by the fuzzer: the stored error dropped one field error at a time and serialised the
    // rest again each time, so 5,000 bad conditions took 20 s of CPU for one mutation.
    Map<String, Object> patient = PatientSamples.hypertensive(VILLAGE_1);
    patient.put("conditions", java.util.Collections.nCopies(5000, Map.of()));

    TestApi.Response r = tablet.push(List.of(tablet.mutation("PATIENT_CREATE", patient)));

    assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
    assertThat(r.at("results.0.code")).isEqualTo("VALIDATION_FAILED");
    List<?> fieldErrors = (List<?>) r.at("results.0.fieldErrors");
    assertThat(fieldErrors).isNotEmpty().hasSizeLessThan(10_000);
    assertThat(fieldErrors.get(0).toString()).contains("conditions[0]");
  }

  @Test
  void push_timesBeyondTheYear9999OrBeforeTheYear1_400AndNothingApplied() {
    // Found by the fuzzer: the clock offset clientTime - serverTime overflowed a long (500).
    for (String field : List.of("clientTime", "oldestPendingAt", "createdAt")) {
      for (String time : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z")) {
        Map<String, Object> note = tablet.note(patientId, "far");
        Map<String, Object> body = tablet.request(List.of(note));
        if (field.equals("createdAt")) {
          note.put("createdAt", time);
        } else {
          body.put(field, time);
        }

        TestApi.Response r = tablet.send(body);

        assertThat(r.status()).as(field + " " + time).isEqualTo(400);
        assertThat(r.at("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(r.fieldErrors())
            .containsExactly(
                (field.equals("createdAt") ? "mutations[0].createdAt" : field) + ":OUT_OF_RANGE");
        tablet.nextSeq(1);
      }
    }
    assertThat(applied("far")).isZero();
  }

  @Test
  void push_sameRequestTwice_sameResultsMarkedDuplicate_oneEffect() {
    Map<String, Object> body =
        tablet.request(List.of(tablet.note(patientId, "n1"), tablet.note(patientId, "n2")));

    TestApi.Response first = tablet.send(body);
    TestApi.Response second = tablet.send(body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(results(first))
        .extracting(m -> m.get("status"))
        .containsExactly("APPLIED", "APPLIED");
    assertThat(results(first)).extracting(m -> m.get("duplicate")).containsExactly(false, false);
    assertThat(results(second)).extracting(m -> m.get("duplicate")).containsExactly(true, true);
    for (int i = 0; i < 2; i++) {
      Map<String, Object> again = new java.util.HashMap<>(results(second).get(i));
      again.put("duplicate", false);
      assertThat(again).isEqualTo(results(first).get(i));
    }
    assertThat(first.at("ackedThroughSeq")).isEqualTo(2);
    assertThat(second.at("ackedThroughSeq")).isEqualTo(2);
    assertThat(((Number) first.at("ackChangeSeq")).longValue())
        .isEqualTo(((Number) first.at("results.1.changeSeq")).longValue());
    assertThat(second.at("ackChangeSeq")).isEqualTo(first.at("ackChangeSeq"));
    assertThat(applied("n1")).isEqualTo(1);
    assertThat(applied("n2")).isEqualTo(1);
  }

  @Test
  void push_sameRequestTwiceAtOnce_eachMutationAppliedOnceAndAnsweredOnceAsNew() throws Exception {
    List<Map<String, Object>> mutations = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      mutations.add(tablet.note(patientId, "r" + i));
    }
    Map<String, Object> body = tablet.request(mutations);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TestApi.Response>> sent = new ArrayList<>();
      for (int n = 0; n < 2; n++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return tablet.send(body);
                }));
      }
      go.countDown();
      TestApi.Response a = sent.get(0).get(30, TimeUnit.SECONDS);
      TestApi.Response b = sent.get(1).get(30, TimeUnit.SECONDS);

      assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
      assertThat(b.status()).as(String.valueOf(b.body())).isEqualTo(200);
      for (int i = 0; i < 10; i++) {
        assertThat(applied("r" + i)).isEqualTo(1);
        // Exactly one of the two answers applied it; the other answered the stored result.
        assertThat(List.of(results(a).get(i).get("duplicate"), results(b).get(i).get("duplicate")))
            .containsExactlyInAnyOrder(true, false);
        assertThat(results(a).get(i).get("changeSeq"))
            .isEqualTo(results(b).get(i).get("changeSeq"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void push_everyAppliedResultHasItsOwnIncreasingChangeSeq() {
    TestApi.Response r =
        tablet.push(List.of(tablet.note(patientId, "s1"), tablet.note(patientId, "s2")));

    long first = ((Number) r.at("results.0.changeSeq")).longValue();
    long second = ((Number) r.at("results.1.changeSeq")).longValue();
    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void push_resentUnderANewDeviceIdAfterReRegistration_duplicate_newDeviceLastSeqAdvances() {
    Map<String, Object> note = tablet.note(patientId, "moved");
    TestApi.Response original = tablet.push(List.of(note));
    // The tablet lost its identity (say, a restore), registers a new id and renumbers from 1.
    TestDevice renamed = new TestDevice(api, "doc1", area.userId("doc1"));
    renamed.register();
    Map<String, Object> resent = new java.util.LinkedHashMap<>(note);
    resent.put("deviceSeq", 1);

    TestApi.Response r = renamed.push(List.of(resent));

    assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(r.at("results.0.duplicate")).isEqualTo(true);
    assertThat(r.at("results.0.deviceSeq")).isEqualTo(1);
    assertThat(r.at("results.0.changeSeq")).isEqualTo(original.at("results.0.changeSeq"));
    assertThat(r.at("ackedThroughSeq")).isEqualTo(1);
    assertThat(renamed.registerAs("doc1").at("lastSeq")).isEqualTo(1);
    assertThat(applied("moved")).isEqualTo(1);
  }

  @Test
  void push_gap_answersExpectedSeqAndProcessesNothingAfterIt() {
    tablet.push(List.of(tablet.note(patientId, "g1")));
    Map<String, Object> second = tablet.note(patientId, "g2");
    tablet.nextSeq(4);
    Map<String, Object> fourth = tablet.note(patientId, "g4");
    Map<String, Object> fifth = tablet.note(patientId, "g5");

    TestApi.Response r = tablet.push(List.of(second, fourth, fifth));

    assertThat(results(r)).hasSize(1);
    assertThat(r.at("results.0.deviceSeq")).isEqualTo(2);
    assertThat(r.at("expectedSeq")).isEqualTo(3);
    assertThat(r.at("ackedThroughSeq")).isEqualTo(2);
    assertThat(applied("g2")).isEqualTo(1);
    assertThat(applied("g4")).isZero();
    assertThat(applied("g5")).isZero();
  }

  @Test
  void push_noGap_expectedSeqIsNull() {
    TestApi.Response r = tablet.push(List.of(tablet.note(patientId, "x")));

    assertThat(r.json()).containsEntry("expectedSeq", null);
  }

  @Test
  void push_seqAlreadyHoldingAnotherMutation_409IdentityConflict_earlierMutationsStayCommitted() {
    tablet.push(List.of(tablet.note(patientId, "c1")));
    Map<String, Object> second = tablet.note(patientId, "c2");
    Map<String, Object> clone = tablet.note(patientId, "clone");
    clone.put("deviceSeq", 1);

    TestApi.Response r = tablet.send(tablet.request(List.of(second, clone)));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.at("code")).isEqualTo("DEVICE_IDENTITY_CONFLICT");
    assertThat(r.fieldErrors()).containsExactly("mutations.deviceSeq:SEQ_TAKEN");
    assertThat(applied("c2")).isEqualTo(1);
    assertThat(applied("clone")).isZero();
    assertThat(tablet.registerAs("doc1").at("lastSeq")).isEqualTo(2);
  }

  @Test
  void push_poisonMutation_rejectedWithCodeAndMessages_laterOnesApplied_lastSeqPassesIt() {
    List<Map<String, Object>> mutations =
        List.of(
            tablet.note(patientId, "p1"),
            tablet.note(patientId, "p2", "poison"),
            tablet.note(patientId, "p3"));

    TestApi.Response r = tablet.push(mutations);

    assertThat(results(r))
        .extracting(m -> m.get("status"))
        .containsExactly("APPLIED", "REJECTED", "APPLIED");
    Map<String, Object> rejected = results(r).get(1);
    assertThat(rejected.get("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(rejected.get("messageZh")).isEqualTo(CommonError.VALIDATION_FAILED.messageZh());
    assertThat(rejected.get("messageEn")).isEqualTo(CommonError.VALIDATION_FAILED.messageEn());
    assertThat(rejected.get("fieldErrors"))
        .isEqualTo(
            List.of(
                Map.of(
                    "field", "note",
                    "code", "NOTE_POISON",
                    "messageZh", "测试：此备注总是被拒绝。",
                    "messageEn", "Test: this note is always rejected.")));
    assertThat(rejected.get("changeSeq")).isNull();
    assertThat(r.at("ackedThroughSeq")).isEqualTo(3);
    assertThat(applied("p1")).isEqualTo(1);
    assertThat(applied("p2")).isZero();
    assertThat(applied("p3")).isEqualTo(1);

    TestApi.Response again = tablet.push(mutations);
    assertThat(again.at("results.1.duplicate")).isEqualTo(true);
    assertThat(again.at("results.1.fieldErrors")).isEqualTo(rejected.get("fieldErrors"));
    assertThat(again.at("results.1.messageZh")).isEqualTo(rejected.get("messageZh"));
    assertThat(applied("p2")).isZero();
  }

  @Test
  void push_temporaryFailure_503_earlierOnesCommitted_retryAppliesEachExactlyOnce() {
    Map<String, Object> first = tablet.note(patientId, "t1");
    Map<String, Object> flaky = tablet.note(patientId, "t2", "temporary");
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) flaky.get("payload");
    payload.put("failTimes", 1);
    Map<String, Object> body = tablet.request(List.of(first, flaky, tablet.note(patientId, "t3")));

    TestApi.Response failed = tablet.send(body);

    assertThat(failed.status()).as(String.valueOf(failed.body())).isEqualTo(503);
    assertThat(failed.at("code")).isEqualTo("SYNC_UNAVAILABLE");
    assertThat(failed.at("messageEn")).isEqualTo(SyncError.SYNC_UNAVAILABLE.messageEn());
    assertThat(failed.json().toString()).doesNotContain("simulated");
    assertThat(applied("t1")).isEqualTo(1);
    assertThat(applied("t2")).isZero();
    assertThat(applied("t3")).isZero();

    TestApi.Response retried = tablet.send(body);

    assertThat(retried.status()).isEqualTo(200);
    assertThat(results(retried))
        .extracting(m -> m.get("duplicate"))
        .containsExactly(true, false, false);
    assertThat(results(retried))
        .extracting(m -> m.get("status"))
        .containsExactly("APPLIED", "APPLIED", "APPLIED");
    assertThat(applied("t1")).isEqualTo(1);
    assertThat(applied("t2")).isEqualTo(1);
    assertThat(applied("t3")).isEqualTo(1);
  }

  @Test
  void push_unknownType_rejectedUnknownMutationType() {
    TestApi.Response r =
        tablet.push(List.of(tablet.mutation("PATIENT_TELEPORT", Map.of("patientId", patientId))));

    assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
    assertThat(r.at("results.0.code")).isEqualTo("UNKNOWN_MUTATION_TYPE");
    assertThat(r.at("results.0.messageZh")).isEqualTo(SyncError.UNKNOWN_MUTATION_TYPE.messageZh());
    assertThat(r.at("ackedThroughSeq")).isEqualTo(1);
  }

  @Test
  void push_hlcTwoYearsAhead_reStampedClockSuspect_offsetAndCountStored() {
    Instant twoYearsAhead = Instant.now().plus(Duration.ofDays(730));
    Map<String, Object> note = tablet.note(patientId, "future");
    long clientHlc = Hlc.ofWallMillis(twoYearsAhead.toEpochMilli());
    note.put("hlc", clientHlc);
    Map<String, Object> body = tablet.request(List.of(note));
    body.put("clientTime", twoYearsAhead.toString());
    Instant before = Instant.now();

    TestApi.Response r = tablet.send(body);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(r.at("results.0.clockSuspect")).isEqualTo(true);
    long applied = ((Number) r.at("results.0.hlc")).longValue();
    assertThat(applied).isLessThan(clientHlc);
    assertThat(Hlc.wallMillis(applied)).isGreaterThanOrEqualTo(before.toEpochMilli() - 1000);
    assertThat(((Number) r.at("serverHlc")).longValue()).isGreaterThan(applied);
    Map<String, Object> stats = deviceStats();
    assertThat((Long) stats.get("clock_suspect_count")).isEqualTo(1L);
    assertThat((Long) stats.get("clock_offset_ms"))
        .isBetween(
            Duration.ofDays(730).minusMinutes(1).toMillis(), Duration.ofDays(730).toMillis());
    assertThat(applied("future")).isEqualTo(1);
  }

  @Test
  void push_hlcTwoYearsBehind_acceptedAsIs() {
    Map<String, Object> note = tablet.note(patientId, "past");
    long clientHlc = Hlc.ofWallMillis(Instant.now().minus(Duration.ofDays(730)).toEpochMilli()) + 7;
    note.put("hlc", clientHlc);

    TestApi.Response r = tablet.push(List.of(note));

    assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(r.at("results.0.clockSuspect")).isEqualTo(false);
    assertThat(((Number) r.at("results.0.hlc")).longValue()).isEqualTo(clientHlc);
    assertThat(deviceStats().get("clock_suspect_count")).isEqualTo(0L);
  }

  @Test
  void push_hlcAheadWithinTheSkewBound_acceptedAndTheServerClockMovesPastIt() {
    Map<String, Object> note = tablet.note(patientId, "soon");
    long clientHlc = Hlc.ofWallMillis(Instant.now().plus(Duration.ofMinutes(2)).toEpochMilli());
    note.put("hlc", clientHlc);

    TestApi.Response r = tablet.push(List.of(note));

    assertThat(r.at("results.0.clockSuspect")).isEqualTo(false);
    assertThat(((Number) r.at("results.0.hlc")).longValue()).isEqualTo(clientHlc);
    assertThat(((Number) r.at("serverHlc")).longValue()).isGreaterThan(clientHlc);
  }

  @Test
  void sync_storesWhatTheDeviceReports() {
    Map<String, Object> body = tablet.request(List.of());
    body.put("pendingCount", 12);
    body.put("oldestPendingAt", "2026-11-20T03:12:00Z");
    body.put("appVersion", "0.3.1");

    assertThat(tablet.send(body).status()).isEqualTo(200);

    Map<String, Object> stats = deviceStats();
    assertThat(stats.get("pending_count")).isEqualTo(12L);
    assertThat(stats.get("oldest_pending_at")).isEqualTo(Instant.parse("2026-11-20T03:12:00Z"));
    assertThat(stats.get("app_version")).isEqualTo("0.3.1");
    assertThat(stats.get("last_sync_at")).isNotNull();
  }

  @Test
  void sync_moreThan200Mutations_400ValidationFailed() {
    List<Map<String, Object>> mutations = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      mutations.add(tablet.note(patientId, "m" + i));
    }

    TestApi.Response r = tablet.send(tablet.request(mutations));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.at("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(r.fieldErrors()).containsExactly("mutations:OUT_OF_RANGE");
    assertThat(applied("m0")).isZero();
  }

  @Test
  void sync_malformedEnvelope_400WithFieldErrors() {
    Map<String, Object> body = tablet.request(List.of(tablet.note(patientId, "bad")));
    body.put("pullLimit", 5000);
    @SuppressWarnings("unchecked")
    Map<String, Object> mutation = ((List<Map<String, Object>>) body.get("mutations")).get(0);
    mutation.remove("mutationId");

    TestApi.Response r = tablet.send(body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors())
        .containsExactlyInAnyOrder("pullLimit:OUT_OF_RANGE", "mutations[0].mutationId:REQUIRED");
  }

  private Map<String, Object> deviceStats() {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT clock_offset_ms, clock_suspect_count, pending_count,"
                          + " oldest_pending_at, app_version, last_sync_at FROM device WHERE id = ?")) {
            ps.setObject(1, tablet.id);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).isTrue();
              Map<String, Object> row = new java.util.HashMap<>();
              row.put("clock_offset_ms", rs.getObject(1) == null ? null : rs.getLong(1));
              row.put("clock_suspect_count", rs.getLong(2));
              row.put("pending_count", rs.getLong(3));
              java.time.OffsetDateTime oldest = rs.getObject(4, java.time.OffsetDateTime.class);
              row.put("oldest_pending_at", oldest == null ? null : oldest.toInstant());
              row.put("app_version", rs.getString(5));
              row.put("last_sync_at", rs.getObject(6, java.time.OffsetDateTime.class));
              return row;
            }
          }
        });
  }
}
