package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.state.OutboxEntry;

/**
 * What the doctor sees while changes travel: local edits survive pulls until the server's copy with
 * them arrives (P7), nothing goes back to an older version (P8), concurrent edits converge and
 * leave a conflict row (P3, P10), patients moved away disappear, and a shared tablet keeps each
 * change's author.
 */
class SyncMergeTest {
  @TempDir File dir;
  @TempDir File otherDir;

  @Test
  void localEdit_survivesAPullWithoutIt_untilTheCursorReachesItsChange() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      c.sync();
      long cursor = TestAccess.state(c).cursorSeq();
      c.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900139000").build());
      OutboxEntry edit = TestAccess.state(c).outbox().get(0);
      // Another user changed the address through the web; the tablet's phone edit is acknowledged
      // at change 120, but this page reaches only 110 and still carries the old phone.
      JsonObject oldRow = s.server.db.patients.get(wang.id().toString()).deepCopy();
      oldRow.addProperty("address", "西关村1组");
      String first =
          "{\"results\":[{\"mutationId\":\""
              + edit.mutationId()
              + "\",\"deviceSeq\":2,\"status\":\"APPLIED\",\"duplicate\":false,"
              + "\"changeSeq\":120,\"hlc\":"
              + edit.mutation().hlc
              + ",\"clockSuspect\":false,\"conflicts\":0,\"code\":null,"
              + "\"messageZh\":null,\"messageEn\":null,\"fieldErrors\":[]}],\"ackedThroughSeq\":2,\"expectedSeq\":null,\"ackChangeSeq\":120,"
              + "\"resetRequired\":false,\"changes\":[{\"seq\":110,\"type\":\"PATIENT\",\"id\":\""
              + wang.id()
              + "\",\"data\":"
              + oldRow
              + "}],"
              + "\"nextCursor\":{\"epoch\":\"epoch-1\",\"seq\":110,\"scope\":\"scope-1\"},\"hasMore\":true,\"serverHlc\":1,\"serverTime\":\"2026-11-20T02:00:01Z\"}";
      JsonObject newRow = oldRow.deepCopy();
      newRow.addProperty("phone", "13900139000");
      JsonObject version = new JsonObject();
      version.addProperty("hlc", edit.mutation().hlc);
      version.addProperty("deviceId", c.deviceId().toString());
      newRow.getAsJsonObject("versions").add("phone", version);
      String second =
          "{\"results\":[],\"ackedThroughSeq\":2,\"expectedSeq\":null,\"ackChangeSeq\":0,\"resetRequired\":false,"
              + "\"changes\":[{\"seq\":120,\"type\":\"PATIENT\",\"id\":\""
              + wang.id()
              + "\",\"data\":"
              + newRow
              + "}],"
              + "\"nextCursor\":{\"epoch\":\"epoch-1\",\"seq\":120,\"scope\":\"scope-1\"},\"hasMore\":false,\"serverHlc\":2,\"serverTime\":\"2026-11-20T02:00:02Z\"}";
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.json(200, JsonParser.parseString(first))));
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.json(200, JsonParser.parseString(second))));
      List<Patient> seen = new ArrayList<>();
      c.addSyncListener(
          p -> {
            if (p.phase() == SyncPhase.APPLIED) {
              seen.add(c.patients().find(wang.id()));
            }
          });

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(cursor).isLessThan(110);
      assertThat(seen).hasSize(2);
      assertThat(seen.get(0).phone())
          .as("P7: the acknowledged edit stays over the older copy")
          .isEqualTo("13900139000");
      assertThat(seen.get(0).address())
          .as("the other fields come from the pull")
          .isEqualTo("西关村1组");
      assertThat(seen.get(0).syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(seen.get(1).phone()).isEqualTo("13900139000");
      assertThat(seen.get(1).address()).isEqualTo("西关村1组");
      assertThat(TestAccess.state(c).cursorSeq()).isEqualTo(120);
    }
  }

  @Test
  void pendingEdit_survivesAPullOfANewerServerVersion_untilPushed() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      c.sync();
      c.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900139000").build());
      s.server.restWrite(wang.id().toString(), "phone", new JsonPrimitive("13500135000"));
      s.server.restWrite(wang.id().toString(), "address", new JsonPrimitive("西关村1组"));
      // A push-only answer first: the pull brings the web's edits while the phone edit is pending.
      s.server.script.add(
          FakeSyncServer.Step.answer(
              FakeSyncServer.json(
                  200,
                  JsonParser.parseString(
                      "{\"results\":[],\"ackedThroughSeq\":1,\"expectedSeq\":null,\"ackChangeSeq\":0,\"resetRequired\":false,"
                          + "\"changes\":[{\"seq\":3,\"type\":\"PATIENT\",\"id\":\""
                          + wang.id()
                          + "\",\"data\":"
                          + s.server.db.patients.get(wang.id().toString())
                          + "}],"
                          + "\"nextCursor\":{\"epoch\":\"epoch-1\",\"seq\":3,\"scope\":\"scope-1\"},\"hasMore\":false,\"serverHlc\":1,\"serverTime\":\"2026-11-20T02:00:01Z\"}"))));
      List<Patient> seen = new ArrayList<>();
      c.addSyncListener(
          p -> {
            if (p.phase() == SyncPhase.APPLIED) {
              seen.add(c.patients().find(wang.id()));
            }
          });

      c.sync();

      assertThat(seen.get(0).phone())
          .as("P7: the pending edit is not overwritten")
          .isEqualTo("13900139000");
      assertThat(seen.get(0).address()).isEqualTo("西关村1组");
      assertThat(seen.get(0).syncState()).isEqualTo(RecordState.PENDING);
      assertThat(s.server.db.conflicts).as("the web edit was concurrent").hasSize(1);
      Patient end = c.patients().get(wang.id());
      assertThat(end.phone())
          .isEqualTo(s.server.db.patients.get(wang.id().toString()).get("phone").getAsString());
      assertThat(c.conflicts())
          .singleElement()
          .satisfies(k -> assertThat(k.field()).isEqualTo("phone"));
    }
  }

  @Test
  void concurrentEdits_onTwoTablets_convergeWithOneConflictRow() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient a = s.client();
      Patient wang = a.patients().register(PatientSamples.wang().build());
      a.sync();
      TestClients.Harness hb =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session()).start();
      try {
        SuifangClient b = hb.client;
        b.sync();
        assertThat(b.patients().get(wang.id()).phone()).isEqualTo("13800138000");
        a.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900000001").build());
        hb.clock.advance(java.time.Duration.ofSeconds(30));
        b.patients()
            .update(
                wang.id(), PatientUpdate.newBuilder().phone("13900000002").address("新地址").build());
        assertThat(a.sync().conflicts()).isZero();
        SyncReport fromB = b.sync();
        a.sync();
        assertThat(fromB.conflicts()).isEqualTo(1);
        assertThat(s.server.db.conflicts).hasSize(1);
        Patient onA = a.patients().get(wang.id());
        Patient onB = b.patients().get(wang.id());
        assertThat(onA)
            .as("P3: both tablets converge on the server's value")
            .isEqualTo(onB.toBuilder().syncState(onA.syncState()).build());
        assertThat(onA.phone()).as("the later HLC wins").isEqualTo("13900000002");
        assertThat(onA.address()).as("a sequential edit of another field").isEqualTo("新地址");
        assertThat(a.conflicts())
            .singleElement()
            .satisfies(
                k -> {
                  assertThat(k.field()).isEqualTo("phone");
                  assertThat(k.winner().value()).isEqualTo("\"13900000002\"");
                  assertThat(k.loser().value()).isEqualTo("\"13900000001\"");
                });
        assertThat(b.conflicts()).hasSize(1);
      } finally {
        hb.close();
      }
    }
  }

  @Test
  void sequentialEdit_afterSeeingTheOther_noConflictWhateverTheClock() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient a = s.client();
      Patient wang = a.patients().register(PatientSamples.wang().build());
      a.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900000001").build());
      a.sync();
      TestClients.Harness hb =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session()).start();
      try {
        hb.clock.set(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        SuifangClient b = hb.client;
        b.sync();
        long seen = TestAccess.state(b).read().patient(wang.id()).version("phone").hlc();
        b.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900000002").build());
        OutboxEntry edit = TestAccess.state(b).outbox().get(0);

        b.sync();
        a.sync();

        assertThat(edit.mutation().hlc)
            .as("HLC receive rule: after the version B saw, although B's clock is six years behind")
            .isGreaterThan(seen);
        assertThat(org.suifang.client.internal.Hlc.wallMillis(seen))
            .isGreaterThan(hb.clock.millis());
        assertThat(s.server.db.conflicts).isEmpty();
        assertThat(a.patients().get(wang.id()).phone()).isEqualTo("13900000002");
        assertThat(b.patients().get(wang.id()).phone()).isEqualTo("13900000002");
      } finally {
        hb.close();
      }
    }
  }

  @Test
  void patientMovedOutOfTheArea_removedWithItsVisits() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      Visit v =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 130, 80).build());
      c.sync();
      s.server.moveOut(wang.id().toString());

      c.sync();

      assertThat(c.patients().find(wang.id())).isNull();
      assertThat(c.followUps().find(v.id())).isNull();
      assertThat(c.worklists().overdue(TestClients.VILLAGE, LocalDate.of(2026, 11, 20))).isEmpty();
    }
  }

  @Test
  void amendAndVoid_travelAndArePulledBack() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      Visit first =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      Visit second =
          c.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 11, 1), 130, 80).build());
      c.sync();
      Visit fixed =
          c.followUps()
              .amend(
                  first.id(), "录入错误", VisitForms.htn(LocalDate.of(2026, 10, 1), 142, 85).build());
      c.followUps().voidVisit(second.id(), "重复");

      SyncReport report = c.sync();

      assertThat(report.pushed()).isEqualTo(2);
      assertThat(s.server.db.visits.get(fixed.id().toString()).get("amends").getAsString())
          .isEqualTo(first.id().toString());
      assertThat(s.server.db.visits.get(second.id().toString()).get("voidReason").getAsString())
          .isEqualTo("重复");
      assertThat(c.followUps().history(wang.id()))
          .extracting(Visit::id, Visit::state, Visit::syncState)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(
                  second.id(), VisitState.VOIDED, RecordState.SYNCED),
              org.assertj.core.api.Assertions.tuple(
                  fixed.id(), VisitState.CURRENT, RecordState.SYNCED),
              org.assertj.core.api.Assertions.tuple(
                  first.id(), VisitState.SUPERSEDED, RecordState.SYNCED));
    }
  }

  @Test
  void amendRejectedBecauseAnotherTabletAmendedFirst_needsAttention_originalShowsTheirs()
      throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient a = s.client();
      Patient wang = a.patients().register(PatientSamples.wang().build());
      Visit v =
          a.followUps()
              .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      a.sync();
      TestClients.Harness hb =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session()).start();
      try {
        hb.client.sync();
        hb.client
            .followUps()
            .amend(v.id(), "B改", VisitForms.htn(LocalDate.of(2026, 10, 1), 150, 90).build());
        hb.client.sync();
      } finally {
        hb.close();
      }
      Visit mine =
          a.followUps()
              .amend(v.id(), "A改", VisitForms.htn(LocalDate.of(2026, 10, 1), 140, 90).build());

      SyncReport report = a.sync();

      assertThat(report.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.code()).isEqualTo("FOLLOW_UP_SUPERSEDED");
                assertThat(r.type()).isEqualTo(MutationType.FOLLOW_UP_AMEND);
                assertThat(r.recordId()).isEqualTo(mine.id());
              });
      assertThat(a.followUps().find(mine.id())).isNull();
      assertThat(a.followUps().get(v.id()).state()).isEqualTo(VisitState.SUPERSEDED);
      assertThat(a.followUps().get(v.id()).supersededBy()).isNotEqualTo(mine.id());
    }
  }

  @Test
  void sharedTablet_userSwitch_keepsTheOutboxAndEachAuthor() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.patients().register(PatientSamples.wang().build());
      UUID second = UUID.fromString("0190f5c4-0000-7000-8000-000000000002");
      s.h.tokens.save(
          TestClients.session().toBuilder()
              .user(TestClients.doctor().toBuilder().id(second).username("doc2").build())
              .build());
      c = s.h.reopen();

      c.patients().register(PatientSamples.li().build());

      List<OutboxEntry> outbox = TestAccess.state(c).outbox();
      assertThat(outbox)
          .extracting(e -> e.mutation().authorId)
          .containsExactly(TestClients.DOCTOR_ID, second);
    }
  }
}
