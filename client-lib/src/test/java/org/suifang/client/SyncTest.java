package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.rules.Classification;
import org.suifang.rules.NextStep;

/** The push/pull round trip of docs/sync-protocol.md against MockWebServer. */
class SyncTest {
  @TempDir File dir;

  @Test
  void sync_pushesTheOutboxGzipped_andAppliesResultsAndChanges() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      Visit visit =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      List<OutboxEntry> outbox = new java.util.ArrayList<>(TestAccess.state(c).outbox());
      RecordingSyncListener listener = new RecordingSyncListener();
      c.addSyncListener(listener);

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.error()).isNull();
      assertThat(report.pushed()).isEqualTo(2);
      assertThat(report.pulled()).isEqualTo(2);
      assertThat(report.rejected()).isEmpty();
      assertThat(report.roundTrips()).as("register + one sync").isEqualTo(2);
      assertThat(report.bytesSent()).isPositive();
      assertThat(report.bytesReceived()).isPositive();
      assertThat(report.resetHappened()).isFalse();

      assertThat(s.server.deviceBodies).hasSize(1);
      JsonObject device = s.server.deviceBodies.get(0);
      assertThat(device.get("deviceId").getAsString()).isEqualTo(c.deviceId().toString());
      assertThat(device.get("appVersion").getAsString()).isEqualTo("0.3.0-test");
      assertThat(device.get("platform").getAsString()).isEqualTo("JVM");

      RecordedRequest http = s.server.syncRequests.get(0);
      assertThat(http.getHeader("Content-Encoding")).isEqualTo("gzip");
      assertThat(http.getHeader("Accept-Encoding")).isEqualTo("gzip");
      assertThat(http.getHeader("Authorization")).isEqualTo("Bearer access-0");
      Buffer raw = http.getBody().clone();
      assertThat(raw.readByteArray(2)).as("gzip magic").containsExactly(0x1f, 0x8b);
      assertThat(report.bytesSent()).isGreaterThanOrEqualTo(http.getBodySize());

      JsonObject body = s.server.syncBodies.get(0);
      assertThat(body.get("deviceId").getAsString()).isEqualTo(c.deviceId().toString());
      assertThat(body.get("cursor").isJsonNull()).isTrue();
      assertThat(body.get("schemaVersion").getAsInt()).isEqualTo(1);
      assertThat(body.get("appVersion").getAsString()).isEqualTo("0.3.0-test");
      assertThat(body.get("clientHlc").getAsLong()).isEqualTo(outbox.get(1).mutation().hlc);
      assertThat(body.get("clientTime").getAsString()).isEqualTo("2026-11-20T02:00:00Z");
      assertThat(body.get("pendingCount").getAsInt()).isEqualTo(2);
      assertThat(body.get("oldestPendingAt").getAsString()).isEqualTo("2026-11-20T02:00:00Z");
      assertThat(body.get("pullLimit").getAsInt()).isEqualTo(500);
      assertThat(body.get("pullMaxBytes").getAsLong()).isEqualTo(2 * 1024 * 1024);
      assertThat(body.get("compactChanges").isJsonNull()).isTrue();
      List<JsonObject> mutations = FakeSyncServer.mutations(body);
      assertThat(mutations).extracting(m -> m.get("deviceSeq").getAsLong()).containsExactly(1L, 2L);
      assertThat(mutations)
          .extracting(m -> m.get("type").getAsString())
          .containsExactly("PATIENT_CREATE", "FOLLOW_UP_RECORD");
      JsonObject first = mutations.get(0);
      assertThat(first.get("mutationId").getAsString())
          .isEqualTo(outbox.get(0).mutationId().toString());
      assertThat(first.get("authorId").getAsString()).isEqualTo(TestClients.DOCTOR_ID.toString());
      assertThat(first.get("schemaVersion").getAsInt()).isEqualTo(1);
      assertThat(first.get("createdAt").getAsString()).isEqualTo("2026-11-20T02:00:00Z");
      assertThat(first.getAsJsonObject("payload").get("name").getAsString()).isEqualTo("王建国");

      assertThat(c.syncState().pendingCount()).isZero();
      assertThat(c.syncState().lastSuccessfulSyncAt())
          .isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
      Patient synced = c.patients().get(wang.id());
      assertThat(synced.syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(synced.countyCode()).isEqualTo("130123000000");
      assertThat(synced.updatedAt()).isEqualTo(Instant.parse("2026-11-20T02:00:01Z"));
      Visit pulled = c.followUps().get(visit.id());
      assertThat(pulled.receivedAt()).isEqualTo(Instant.parse("2026-11-20T02:00:01Z"));
      assertThat(pulled.assessment().recommendedActionZh())
          .as("the server's copy")
          .isEqualTo("服务器建议");
      assertThat(pulled.syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(TestAccess.state(c).hlc()).isGreaterThanOrEqualTo(s.server.db.hlc);

      assertThat(listener.phases())
          .startsWith(
              SyncPhase.STARTED, SyncPhase.REGISTERING, SyncPhase.EXCHANGING, SyncPhase.APPLIED)
          .endsWith(SyncPhase.FINISHED);
    }
  }

  @Test
  void sync_second_sendsTheCursor_andNothingToPush() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.patients().register(PatientSamples.wang().build());
      c.sync();

      SyncReport second = c.sync();

      assertThat(second.success()).isTrue();
      assertThat(second.roundTrips()).as("no new registration").isEqualTo(1);
      JsonObject body = s.server.lastSyncBody();
      assertThat(body.getAsJsonArray("mutations")).isEmpty();
      JsonObject cursor = body.getAsJsonObject("cursor");
      assertThat(cursor.get("epoch").getAsString()).isEqualTo("epoch-1");
      assertThat(cursor.get("seq").getAsLong()).isEqualTo(1);
      assertThat(cursor.get("scope").getAsString()).isEqualTo(FakeSyncServer.SCOPE);
      assertThat(second.pulled()).isZero();
    }
  }

  @Test
  void sync_serverAssessmentReplacesTheTablets() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      s.server.assess =
          a -> {
            a.addProperty("classification", "COMPLICATION");
            a.addProperty("nextStep", "REFERRAL");
            return a;
          };
      Patient wang = c.patients().register(PatientSamples.wang().build());
      Visit local =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      assertThat(local.assessment().nextStep()).isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);

      c.sync();

      Visit pulled = c.followUps().get(local.id());
      assertThat(pulled.assessment().classification()).isEqualTo(Classification.COMPLICATION);
      assertThat(pulled.assessment().nextStep()).isEqualTo(NextStep.REFERRAL);
      assertThat(pulled.form()).isEqualTo(local.form());
    }
  }

  @Test
  void sync_answerShapedAsTheContract_isApplied() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      Visit visit =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      List<OutboxEntry> outbox = new java.util.ArrayList<>(TestAccess.state(c).outbox());
      String device = c.deviceId().toString();
      long serverHlc = TestAccess.state(c).hlc() + 1000;
      String answer =
          "{\"results\":["
              + result(outbox.get(0), 1299)
              + ","
              + result(outbox.get(1), 1300)
              + "],\"ackedThroughSeq\":2,\"expectedSeq\":null,\"ackChangeSeq\":1300,\"resetRequired\":false,"
              + "\"changes\":[{\"seq\":1299,\"type\":\"PATIENT\",\"id\":\""
              + wang.id()
              + "\",\"data\":{"
              + "\"id\":\""
              + wang.id()
              + "\",\"name\":\"王建国\",\"sex\":\"MALE\",\"birthDate\":\"1958-03-12\","
              + "\"residentId\":\"130123195803121335\",\"phone\":\"13800138000\",\"villageCode\":\"130123100201\","
              + "\"countyCode\":\"130123000000\",\"address\":\"东关村3组12号\",\"healthRecordNumber\":null,\"heightCm\":168.0,"
              + "\"hypertensionDiagnosedOn\":\"2015-06-01\",\"diabetesDiagnosedOn\":null,"
              + "\"status\":{\"status\":\"ACTIVE\",\"reason\":null,\"date\":\"2026-11-20\",\"note\":null},"
              + "\"createdBy\":\""
              + TestClients.DOCTOR_ID
              + "\",\"createdAt\":\"2026-11-20T02:00:00Z\",\"updatedAt\":\"2026-11-20T02:00:01.123456Z\","
              + "\"versions\":{\"name\":{\"hlc\":113045465464684544,\"deviceId\":\""
              + device
              + "\"},"
              + "\"phone\":{\"hlc\":113045465464684544,\"deviceId\":\""
              + device
              + "\"}},\"inScope\":true,\"futureField\":{\"x\":1}}},"
              + "{\"seq\":1300,\"type\":\"FOLLOW_UP\",\"id\":\""
              + visit.id()
              + "\",\"data\":"
              + followUpData(visit, wang)
              + "},"
              + "{\"seq\":1300,\"type\":\"CONFLICT\",\"id\":\"0193a000-0000-7000-8000-0000000000c1\",\"data\":{"
              + "\"id\":\"0193a000-0000-7000-8000-0000000000c1\",\"patientId\":\""
              + wang.id()
              + "\",\"field\":\"phone\","
              + "\"winner\":{\"value\":\"13800138000\",\"hlc\":113045465464684545,\"deviceId\":\""
              + device
              + "\",\"authorId\":\""
              + TestClients.DOCTOR_ID
              + "\"},"
              + "\"loser\":{\"value\":\"13900000000\",\"hlc\":113045465464684500,\"deviceId\":\"00000000-0000-0000-0000-000000000000\",\"authorId\":null},"
              + "\"detectedAt\":\"2026-11-22T08:00:01Z\",\"status\":\"OPEN\"}},"
              + "{\"seq\":1300,\"type\":\"SOMETHING_NEW\",\"id\":\"0193a000-0000-7000-8000-0000000000c2\",\"data\":{}}],"
              + "\"nextCursor\":{\"epoch\":\"epoch-1\",\"seq\":1300,\"scope\":\"a1b2c3\"},\"hasMore\":false,"
              + "\"serverHlc\":"
              + serverHlc
              + ",\"serverTime\":\"2026-11-22T08:00:01Z\"}";
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.json(200, JsonParser.parseString(answer))));

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.pushed()).isEqualTo(2);
      assertThat(report.pulled()).isEqualTo(4);
      Patient p = c.patients().get(wang.id());
      assertThat(p.syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(p.updatedAt()).isEqualTo(Instant.parse("2026-11-20T02:00:01.123456Z"));
      Visit v = c.followUps().get(visit.id());
      assertThat(v.assessment().recommendedActionEn()).isEqualTo("Urgent referral");
      assertThat(v.assessment().classification()).isEqualTo(Classification.UNCONTROLLED);
      assertThat(v.assessment().nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
      assertThat(v.form().symptoms()).containsExactly("NONE");
      assertThat(v.assessmentMismatch()).isTrue();
      assertThat(c.conflicts())
          .singleElement()
          .satisfies(
              k -> {
                assertThat(k.field()).isEqualTo("phone");
                assertThat(k.winner().value()).isEqualTo("\"13800138000\"");
                assertThat(k.loser().deviceId()).isEqualTo(new java.util.UUID(0, 0));
                assertThat(k.status()).isEqualTo("OPEN");
              });
      assertThat(TestAccess.state(c).hlc()).as("the receive rule").isEqualTo(serverHlc);
      assertThat(TestAccess.state(c).cursor().get("scope").getAsString()).isEqualTo("a1b2c3");
    }
  }

  private static String result(OutboxEntry e, long changeSeq) {
    return "{\"mutationId\":\""
        + e.mutationId()
        + "\",\"deviceSeq\":"
        + e.seq()
        + ",\"status\":\"APPLIED\",\"duplicate\":false,\"changeSeq\":"
        + changeSeq
        + ",\"hlc\":"
        + e.mutation().hlc
        + ",\"clockSuspect\":false,\"conflicts\":0,\"code\":null,"
        + "\"messageZh\":null,\"messageEn\":null,\"fieldErrors\":[]}";
  }

  /** A FOLLOW_UP row as FollowUpView writes it: labels for coded values. */
  private static String followUpData(Visit v, Patient p) {
    JsonObject form = org.suifang.client.internal.Json.GSON.toJsonTree(v.form()).getAsJsonObject();
    JsonArray symptoms = new JsonArray();
    JsonObject none = new JsonObject();
    none.addProperty("code", "NONE");
    none.addProperty("formCode", 1);
    none.addProperty("labelZh", "无症状");
    none.addProperty("labelEn", "No symptoms");
    symptoms.add(none);
    form.add("symptoms", symptoms);
    form.addProperty("patientId", p.id().toString());
    form.addProperty("doctorId", TestClients.DOCTOR_ID.toString());
    form.addProperty("receivedAt", "2026-11-22T08:00:01Z");
    form.add(
        "assessment",
        JsonParser.parseString(
            "{\"ruleSetId\":\"bphs-2017\",\"ageAtVisit\":68,\"dangerSigns\":[{\"code\":\"BLOOD_PRESSURE_VERY_HIGH\",\"labelZh\":\"x\",\"labelEn\":\"x\"}],"
                + "\"urgentReferral\":true,\"classification\":{\"code\":\"UNCONTROLLED\",\"formCode\":2,\"labelZh\":\"控制不满意\",\"labelEn\":\"Uncontrolled\"},"
                + "\"nextStep\":{\"code\":\"URGENT_REFERRAL\",\"formCode\":4},\"recommendedActionZh\":\"紧急转诊\",\"recommendedActionEn\":\"Urgent referral\","
                + "\"nextDueDate\":\"2026-10-15\",\"bphsControlled\":false,\"clinicalTargetMet\":null}"));
    form.add("warnings", new JsonArray());
    form.add("amends", com.google.gson.JsonNull.INSTANCE);
    form.add("voidedAt", com.google.gson.JsonNull.INSTANCE);
    form.add(
        "assessmentMismatch",
        JsonParser.parseString("{\"classification\":[\"UNCONTROLLED\",\"UNCONTROLLED\"]}"));
    return form.toString();
  }
}
