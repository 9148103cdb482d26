package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.suifang.client.internal.state.OutboxEntry;

/**
 * Lost connections at every point of an exchange, 5xx answers, 413 and rejections: the outbox is
 * kept, the next attempt re-sends the same mutations with the same ids and seqs, and the server
 * applies each once.
 */
class SyncFaultsTest {
  @TempDir File dir;

  /** Where the connection is lost, and whether the server had committed the push by then. */
  enum Fault {
    BEFORE_THE_REQUEST(SocketPolicy.DISCONNECT_AT_START, false, "OFFLINE"),
    AFTER_THE_REQUEST_BEFORE_THE_ANSWER(SocketPolicy.DISCONNECT_AFTER_REQUEST, true, "OFFLINE"),
    DURING_THE_ANSWER_BODY(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY, true, "OFFLINE"),
    NO_ANSWER_UNTIL_TIMEOUT(SocketPolicy.NO_RESPONSE, true, "TIMEOUT");

    final SocketPolicy policy;
    final boolean committed;
    final String code;

    Fault(SocketPolicy policy, boolean committed, String code) {
      this.policy = policy;
      this.committed = committed;
      this.code = code;
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void connectionLost_outboxKept_nextSyncResendsTheSameMutations(Fault fault) throws Exception {
    try (ServerHarness s = new ServerHarness(dir, 1, 500)) {
      SuifangClient c = s.client();
      assertThat(c.sync().success()).isTrue();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      c.followUps()
          .record(wang.id(), VisitForms.htn(java.time.LocalDate.of(2026, 10, 1), 162, 95).build());
      List<String> sent = ids(TestAccess.state(c).outbox());
      // A fresh connection, so that the fault at connection start applies.
      s.h.http.connectionPool().evictAll();
      s.server.script.add(
          fault.committed
              ? FakeSyncServer.Step.processThen(fault.policy)
              : FakeSyncServer.Step.answer(new MockResponse().setSocketPolicy(fault.policy)));

      SyncReport failed = c.sync();

      assertThat(failed.success()).isFalse();
      assertThat(failed.error()).isInstanceOf(SuifangNetworkException.class);
      assertThat(failed.error().code()).isEqualTo(fault.code);
      assertThat(failed.error().isOffline()).isTrue();
      assertThat(ids(TestAccess.state(c).outbox())).isEqualTo(sent);
      assertThat(c.syncState().pendingCount()).isEqualTo(2);
      assertThat(s.server.db.patients).hasSize(fault.committed ? 1 : 0);

      SyncReport retried = c.sync();

      assertThat(retried.success()).isTrue();
      List<JsonObject> resent = FakeSyncServer.mutations(s.server.lastSyncBody());
      assertThat(resent).extracting(m -> m.get("mutationId").getAsString()).isEqualTo(sent);
      assertThat(resent).extracting(m -> m.get("deviceSeq").getAsLong()).containsExactly(1L, 2L);
      assertThat(s.server.db.patients).hasSize(1);
      assertThat(s.server.db.visits).hasSize(1);
      assertThat(c.syncState().pendingCount()).isZero();
      assertThat(c.patients().get(wang.id()).syncState()).isEqualTo(RecordState.SYNCED);
    }
  }

  @Test
  void serviceUnavailable_retriedWithBackoff_sameMutations() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      c.patients().register(PatientSamples.wang().build());
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.error(503, "SYNC_UNAVAILABLE")));
      s.server.script.add(FakeSyncServer.Step.answer(FakeSyncServer.error(500, "INTERNAL_ERROR")));
      RecordingSyncListener listener = new RecordingSyncListener();
      c.addSyncListener(listener);

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.roundTrips()).isEqualTo(3);
      assertThat(s.h.sleeper.waits).hasSize(2);
      assertThat(s.h.sleeper.waits.get(0)).isBetween(500L, 1000L);
      assertThat(s.h.sleeper.waits.get(1)).isBetween(1000L, 2000L);
      int n = s.server.syncBodies.size();
      assertThat(FakeSyncServer.mutations(s.server.syncBodies.get(n - 3)))
          .isEqualTo(FakeSyncServer.mutations(s.server.syncBodies.get(n - 1)));
      assertThat(listener.phases())
          .containsSubsequence(
              SyncPhase.WAITING_TO_RETRY, SyncPhase.WAITING_TO_RETRY, SyncPhase.APPLIED);
    }
  }

  @Test
  void transientFailures_exhaustMaxAttempts_failedReportKeepsOutbox() throws Exception {
    try (ServerHarness s = new ServerHarness(dir, 2, 5000)) {
      SuifangClient c = s.client();
      c.sync();
      c.patients().register(PatientSamples.wang().build());
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.error(503, "SYNC_UNAVAILABLE")));
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.error(503, "SYNC_UNAVAILABLE")));

      SyncReport report = c.sync();

      assertThat(report.success()).isFalse();
      assertThat(report.error().code()).isEqualTo("SYNC_UNAVAILABLE");
      assertThat(report.error().httpStatus()).isEqualTo(503);
      assertThat(report.error().messageZh()).isNotEmpty();
      assertThat(s.h.sleeper.waits).hasSize(1);
      assertThat(c.syncState().pendingCount()).isEqualTo(1);
      assertThat(c.sync().success()).isTrue();
    }
  }

  @Test
  void malformedRequestAnswer_notRetried() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.error(400, "MALFORMED_REQUEST")));

      SyncReport report = c.sync();

      assertThat(report.success()).isFalse();
      assertThat(report.error().code()).isEqualTo("MALFORMED_REQUEST");
      assertThat(s.h.sleeper.waits).isEmpty();
    }
  }

  @Test
  void payloadTooLarge_halvesTheBatchAndThePage() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      for (int i = 0; i < 3; i++) {
        c.patients().register(PatientSamples.li().name("李" + i).build());
      }
      for (int i = 0; i < 7; i++) {
        s.server.script.add(
            FakeSyncServer.Step.answer(FakeSyncServer.error(413, "PAYLOAD_TOO_LARGE")));
      }
      int before = s.server.syncBodies.size();

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      List<JsonObject> bodies = s.server.syncBodies.subList(before, s.server.syncBodies.size());
      assertThat(bodies)
          .extracting(b -> b.getAsJsonArray("mutations").size())
          .containsExactly(3, 3, 3, 3, 3, 3, 3, 1, 1, 1);
      assertThat(bodies)
          .extracting(b -> b.get("pullLimit").getAsInt())
          .containsExactly(500, 250, 125, 62, 31, 15, 7, 3, 3, 3);
      assertThat(bodies.get(7).get("pullMaxBytes").getAsLong()).isEqualTo(16384);
      assertThat(s.server.db.patients).hasSize(3);
      assertThat(s.h.sleeper.waits).as("413 is no failure to wait on").isEmpty();
    }
  }

  @Test
  void rejection_goesToNeedsAttention_laterMutationsProceed() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      s.server.reject =
          m ->
              m.getAsJsonObject("payload").has("name")
                  && m.getAsJsonObject("payload").get("name").getAsString().equals("拒收");
      Patient refused = c.patients().register(PatientSamples.li().name("拒收").build());
      Patient wang = c.patients().register(PatientSamples.wang().build());
      UUID firstMutation = TestAccess.state(c).outbox().get(0).mutationId();

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.pushed()).isEqualTo(1);
      assertThat(report.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.mutationId()).isEqualTo(firstMutation));
      assertThat(c.syncState().pendingCount()).isZero();
      assertThat(c.syncState().needsAttentionCount()).isEqualTo(1);
      assertThat(c.patients().find(refused.id())).as("a rejected change did not happen").isNull();
      assertThat(c.patients().get(wang.id()).syncState()).isEqualTo(RecordState.SYNCED);
      Rejection r = c.needsAttention().get(0);
      assertThat(r.type()).isEqualTo(MutationType.PATIENT_CREATE);
      assertThat(r.recordId()).isEqualTo(refused.id());
      assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
      assertThat(r.messageZh()).isEqualTo("拒绝：VALIDATION_FAILED");
      assertThat(r.fieldErrors()).extracting(FieldError::field).containsExactly("name");
      assertThat(r.payload()).contains("\"name\":\"拒收\"");
      assertThat(r.acknowledged()).isFalse();

      c.acknowledge(r.mutationId());

      assertThat(c.syncState().needsAttentionCount()).isZero();
      assertThat(c.needsAttention())
          .singleElement()
          .satisfies(x -> assertThat(x.acknowledged()).isTrue());
      assertThat(s.h.reopen().needsAttention()).as("kept across restarts").hasSize(1);
      assertThatThrownBy(() -> s.h.client.acknowledge(UUID.randomUUID()))
          .isInstanceOfSatisfying(
              SuifangException.class, e -> assertThat(e.code()).isEqualTo("REJECTION_NOT_FOUND"));
    }
  }

  @Test
  void notLoggedIn_failedReport() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      s.h.tokens.clear();
      SyncReport report = s.h.reopen().sync();

      assertThat(report.success()).isFalse();
      assertThat(report.error()).isInstanceOf(SuifangAuthException.class);
      assertThat(report.error().code()).isEqualTo("NOT_LOGGED_IN");
      assertThat(s.server.syncBodies).isEmpty();
    }
  }

  private static List<String> ids(List<OutboxEntry> outbox) {
    List<String> out = new ArrayList<>();
    for (OutboxEntry e : outbox) {
      out.add(e.mutationId().toString());
    }
    return out;
  }
}
