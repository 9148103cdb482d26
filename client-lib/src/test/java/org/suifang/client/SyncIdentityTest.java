package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.state.OutboxEntry;

/**
 * Device identity and server restores (docs/sync-protocol.md, "Cursor, epoch and reset"):
 * re-sending retained mutations from {@code expectedSeq}, a new device id when they are gone or the
 * identity is cloned, re-registration after {@code DEVICE_NOT_REGISTERED}, and resets that keep the
 * outbox.
 */
class SyncIdentityTest {
  @TempDir File dir;
  @TempDir File otherDir;

  @Test
  void serverRestored_gapAnswered_retainedMutationsResentWithTheirIds() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      FakeSyncServer.Db backup = s.server.backup();
      c.patients().register(PatientSamples.wang().build());
      c.patients().register(PatientSamples.li().build());
      assertThat(c.sync().success()).isTrue();
      List<String> acked = new ArrayList<>();
      for (OutboxEntry e : TestAccess.state(c).sent()) {
        acked.add(e.mutationId().toString());
      }
      Patient third = c.patients().register(PatientSamples.li().name("张三").build());
      String thirdId = TestAccess.state(c).outbox().get(0).mutationId().toString();
      s.server.restore(backup);

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.resetHappened()).isTrue();
      int n = s.server.syncBodies.size();
      assertThat(FakeSyncServer.mutations(s.server.syncBodies.get(n - 2)))
          .as("the first try sends the outbox and meets the gap")
          .extracting(m -> m.get("deviceSeq").getAsLong())
          .containsExactly(3L);
      List<JsonObject> resent = FakeSyncServer.mutations(s.server.syncBodies.get(n - 1));
      assertThat(resent)
          .extracting(m -> m.get("deviceSeq").getAsLong())
          .containsExactly(1L, 2L, 3L);
      assertThat(resent.subList(0, 2))
          .extracting(m -> m.get("mutationId").getAsString())
          .isEqualTo(acked);
      assertThat(resent.get(2).get("mutationId").getAsString()).isEqualTo(thirdId);
      assertThat(s.server.db.patients).hasSize(3);
      assertThat(c.patients().search(PatientQuery.newBuilder().build())).hasSize(3);
      assertThat(c.patients().get(third.id()).syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(c.syncState().resetHappened()).isTrue();
      assertThat(c.syncState().lastResetAt()).isNotNull();
    }
  }

  @Test
  void serverRestored_retainedMutationsGone_newDeviceIdAndOutboxRenumbered() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      s.h.retentionDays = 0;
      SuifangClient c = s.h.reopen();
      c.sync();
      FakeSyncServer.Db backup = s.server.backup();
      c.patients().register(PatientSamples.wang().build());
      c.sync();
      s.h.clock.advance(Duration.ofSeconds(1));
      s.server.serverTime = s.server.serverTime.plusSeconds(1);
      c.patients().register(PatientSamples.li().build());
      String pendingId = TestAccess.state(c).outbox().get(0).mutationId().toString();
      UUID oldDevice = c.deviceId();
      s.server.restore(backup);

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(c.deviceId()).isNotEqualTo(oldDevice);
      JsonObject registration = s.server.deviceBodies.get(s.server.deviceBodies.size() - 1);
      assertThat(registration.get("deviceId").getAsString()).isEqualTo(c.deviceId().toString());
      JsonObject last = s.server.lastSyncBody();
      assertThat(last.get("deviceId").getAsString()).isEqualTo(c.deviceId().toString());
      assertThat(FakeSyncServer.mutations(last))
          .extracting(m -> m.get("mutationId").getAsString(), m -> m.get("deviceSeq").getAsLong())
          .containsExactly(org.assertj.core.api.Assertions.tuple(pendingId, 1L));
      assertThat(s.server.db.devices.get(c.deviceId().toString()).get("lastSeq").getAsLong())
          .isEqualTo(1);
    }
  }

  @Test
  void clonedTablet_identityConflict_newDeviceId_sameMutationsAppliedOnce() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient original = s.client();
      original.patients().register(PatientSamples.wang().build());
      original.sync();
      TestClients.Harness cloneHarness =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session(), s.h.backing.copy());
      cloneHarness.start();
      SuifangClient clone = cloneHarness.client;
      try {
        assertThat(clone.deviceId()).isEqualTo(original.deviceId());
        original.patients().register(PatientSamples.li().build());
        clone.patients().register(PatientSamples.li().name("克隆").build());
        String cloneMutation = TestAccess.state(clone).outbox().get(0).mutationId().toString();
        String sentBefore = TestAccess.state(clone).sent().get(0).mutationId().toString();
        assertThat(original.sync().success()).isTrue();

        SyncReport report = clone.sync();

        assertThat(report.success()).isTrue();
        assertThat(clone.deviceId()).isNotEqualTo(original.deviceId());
        JsonObject last = s.server.lastSyncBody();
        assertThat(last.get("deviceId").getAsString()).isEqualTo(clone.deviceId().toString());
        // The retained sent mutation (王建国, the original's) goes again under the new id, answered
        // as a duplicate of its mutation id; then the clone's own.
        assertThat(FakeSyncServer.mutations(last))
            .extracting(m -> m.get("mutationId").getAsString(), m -> m.get("deviceSeq").getAsLong())
            .containsExactly(
                org.assertj.core.api.Assertions.tuple(sentBefore, 1L),
                org.assertj.core.api.Assertions.tuple(cloneMutation, 2L));
        assertThat(s.server.db.patients).hasSize(3);
        assertThat(original.sync().success()).isTrue();
        assertThat(original.patients().search(PatientQuery.newBuilder().build()))
            .extracting(Patient::name)
            .containsExactly("克隆", "李秀英", "王建国");
      } finally {
        cloneHarness.close();
      }
    }
  }

  @Test
  void identityConflict_answerAppliedToTheNewId_nextSyncKeepsIt_restoreResendsIt()
      throws Exception {
    // Found by the server's simulation (seed 2): the answer to the re-sent batch was applied as if
    // it were for the old device id, so the next sync took yet another id, and the mutation, kept
    // under the old id, was never sent again after a server restore.
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient original = s.client();
      original.patients().register(PatientSamples.wang().build());
      original.sync();
      TestClients.Harness cloneHarness =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session(), s.h.backing.copy());
      cloneHarness.start();
      SuifangClient clone = cloneHarness.client;
      try {
        original.patients().register(PatientSamples.li().build());
        clone.patients().register(PatientSamples.li().name("克隆").build());
        UUID cloneMutation = TestAccess.state(clone).outbox().get(0).mutationId();
        assertThat(original.sync().success()).isTrue();
        FakeSyncServer.Db backup = s.server.backup();
        assertThat(clone.sync().success()).isTrue();
        UUID newId = clone.deviceId();

        OutboxEntry acked = null;
        for (OutboxEntry e : TestAccess.state(clone).sent()) {
          if (e.mutationId().equals(cloneMutation)) {
            acked = e;
          }
        }
        assertThat(acked).isNotNull();
        assertThat(acked.ackedDeviceId).isEqualTo(newId);
        assertThat(TestAccess.state(clone).serverLastSeq()).isEqualTo(2);
        assertThat(clone.sync().success()).isTrue();
        assertThat(clone.deviceId()).as("no second new identity").isEqualTo(newId);

        s.server.restore(backup);
        assertThat(clone.sync().success()).isTrue();

        assertThat(s.server.db.patients).hasSize(3);
        assertThat(clone.deviceId()).isEqualTo(newId);
      } finally {
        cloneHarness.close();
      }
    }
  }

  @Test
  void cloneKeptTheIdFirst_restoreGivesItBack_newIdResendsTheClonesSentMutations()
      throws Exception {
    // Found by the server's simulation (seed 15): the clone pushed first and kept the id; the
    // server was restored to before that push, the original pushed with the id, and the clone,
    // now in conflict, took a new id and sent only its outbox: its sent mutations were lost.
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient original = s.client();
      original.sync();
      FakeSyncServer.Db backup = s.server.backup();
      TestClients.Harness cloneHarness =
          new TestClients.Harness(otherDir, s.h.url, TestClients.session(), s.h.backing.copy());
      cloneHarness.start();
      SuifangClient clone = cloneHarness.client;
      try {
        clone.patients().register(PatientSamples.li().name("克隆").build());
        assertThat(clone.sync().success()).isTrue();
        s.server.restore(backup);
        original.patients().register(PatientSamples.wang().build());
        assertThat(original.sync().success()).isTrue();
        clone.patients().register(PatientSamples.li().name("克隆二").build());

        SyncReport report = clone.sync();

        assertThat(report.success()).isTrue();
        assertThat(clone.deviceId()).isNotEqualTo(original.deviceId());
        assertThat(s.server.db.patients).hasSize(3);
      } finally {
        cloneHarness.close();
      }
    }
  }

  @Test
  void tabletClockAYearAhead_retentionCountsServerTime_restoreResendsTheSentMutations()
      throws Exception {
    // Found by the server's simulation (seed 16): retention was counted by the tablet's clock, so
    // a clock set a year ahead dropped every sent mutation, and a restore of the server lost them.
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      FakeSyncServer.Db backup = s.server.backup();
      c.patients().register(PatientSamples.wang().build());
      assertThat(c.sync().success()).isTrue();
      s.h.clock.advance(Duration.ofDays(365));
      c.patients().register(PatientSamples.li().build());
      assertThat(c.sync().success()).isTrue();
      UUID device = c.deviceId();
      s.server.restore(backup);

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(c.deviceId())
          .as("the sent mutations are still there to re-send")
          .isEqualTo(device);
      assertThat(s.server.db.patients).hasSize(2);
    }
  }

  @Test
  void deviceNotRegistered_registersAgainAndResends() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.patients().register(PatientSamples.wang().build());
      c.sync();
      s.server.db.devices.clear();
      c.patients().register(PatientSamples.li().build());

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(s.server.deviceBodies).hasSize(2);
      assertThat(s.server.deviceBodies.get(1).get("deviceId").getAsString())
          .isEqualTo(c.deviceId().toString());
      assertThat(FakeSyncServer.mutations(s.server.lastSyncBody()))
          .as("the server lost seq 1 with the registration: it is sent again, deduplicated by id")
          .extracting(m -> m.get("deviceSeq").getAsLong())
          .containsExactly(1L, 2L);
      assertThat(s.server.db.patients).hasSize(2);
    }
  }

  @Test
  void resetRequired_dropsPulledData_keepsTheOutbox() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient a = s.client();
      Patient wang = a.patients().register(PatientSamples.wang().build());
      a.sync();
      FakeSyncServer.Db backup = s.server.backup();
      TestClients.Harness other = new TestClients.Harness(otherDir, s.h.url, TestClients.session());
      other.start();
      Patient zhao;
      try {
        zhao = other.client.patients().register(PatientSamples.li().name("赵").build());
        assertThat(other.client.sync().success()).isTrue();
      } finally {
        other.close();
      }
      a.sync();
      assertThat(a.patients().find(zhao.id())).isNotNull();
      Patient li = a.patients().register(PatientSamples.li().build());
      s.server.restore(backup);
      int before = s.server.syncBodies.size();

      SyncReport report = a.sync();

      assertThat(report.success()).isTrue();
      assertThat(report.resetHappened()).isTrue();
      assertThat(a.patients().find(zhao.id())).as("lost with the server's restore").isNull();
      assertThat(a.patients().get(wang.id()).syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(a.patients().get(li.id()).syncState()).isEqualTo(RecordState.SYNCED);
      assertThat(s.server.db.patients).containsOnlyKeys(wang.id().toString(), li.id().toString());
      JsonObject afterRestore = s.server.syncBodies.get(before);
      assertThat(afterRestore.getAsJsonObject("cursor").get("epoch").getAsString())
          .as("sent with the old epoch's cursor")
          .isEqualTo("epoch-1");
      assertThat(TestAccess.state(a).cursor().get("epoch").getAsString())
          .as("the page after the reset carries the new epoch")
          .isEqualTo(s.server.db.epoch);
      assertThat(a.syncState().resetHappened()).isTrue();
    }
  }
}
