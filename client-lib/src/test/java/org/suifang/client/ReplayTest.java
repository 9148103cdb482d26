package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.state.ClientState;

/**
 * Replay = state: a client reopened on the same store (transactions, or a snapshot after
 * compaction) has the same patients, visits, outbox, cursor and clocks as before it closed.
 */
class ReplayTest {
  @TempDir File dir;

  @Test
  void reopen_afterSyncAndLocalWrites_sameState() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient wang = c.patients().register(PatientSamples.wang().build());
      c.followUps().record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
      assertThat(c.sync().success()).isTrue();
      Patient li = c.patients().register(PatientSamples.li().build());
      c.patients().update(wang.id(), PatientUpdate.newBuilder().phone("13900139000").build());
      Visit v =
          c.followUps().record(li.id(), VisitForms.dm(LocalDate.of(2026, 11, 2), "8.1").build());
      c.followUps().voidVisit(v.id(), "录错");
      String before = everything(c);
      byte[] snapshotBefore = TestAccess.state(c).snapshot();

      SuifangClient reopened = s.h.reopen();

      assertThat(everything(reopened)).isEqualTo(before);
      assertThat(new String(TestAccess.state(reopened).snapshot(), StandardCharsets.UTF_8))
          .isEqualTo(new String(snapshotBefore, StandardCharsets.UTF_8));
      assertThat(TestAccess.state(reopened).cursorSeq()).isGreaterThan(0);
      assertThat(reopened.syncState().pendingCount()).isEqualTo(4);
    }
  }

  @Test
  void reopen_afterCompaction_fromTheSnapshot_sameState() throws Exception {
    TestClients.Harness h = TestClients.offline(dir);
    SuifangClient c = h.client;
    Patient wang = c.patients().register(PatientSamples.wang().build());
    c.followUps().record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 162, 95).build());
    String before = everything(c);
    long hlc = TestAccess.state(c).hlc();
    TestAccess.core(c).config().compactThresholdBytes = 0;
    TestAccess.core(c).compactIfLarge();
    assertThat(h.backing.compactions()).isEqualTo(1);
    assertThat(h.backing.transactionCount()).isZero();

    SuifangClient reopened = h.reopen();

    assertThat(everything(reopened)).isEqualTo(before);
    assertThat(TestAccess.state(reopened).hlc()).isEqualTo(hlc);
    Visit next =
        reopened
            .followUps()
            .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 15), 158, 96).build());
    assertThat(next.assessment().nextStep())
        .as("the replayed visit is the previous one")
        .isEqualTo(org.suifang.rules.NextStep.REFERRAL);
    assertThat(TestAccess.state(reopened).outbox().get(2).mutation().deviceSeq).isEqualTo(3);
    h.close();
  }

  @Test
  void reopen_crashBeforeTheLastCommit_losesOnlyThatWrite() throws Exception {
    TestClients.Harness h = TestClients.offline(dir);
    Patient wang = h.client.patients().register(PatientSamples.wang().build());
    String afterFirst = everything(h.client);
    h.client.patients().register(PatientSamples.li().build());
    h.backing.dropLast(1);

    SuifangClient reopened = h.reopen();

    assertThat(everything(reopened)).isEqualTo(afterFirst);
    assertThat(reopened.patients().get(wang.id())).isEqualTo(wang);
    h.close();
  }

  @Test
  void reopen_deviceIdIsKept() throws Exception {
    TestClients.Harness h = TestClients.offline(dir);
    java.util.UUID id = h.client.deviceId();

    assertThat(h.reopen().deviceId()).isEqualTo(id);
    assertThat(id.version()).isEqualTo(4);
    h.close();
  }

  /** Everything a client shows, as JSON. */
  static String everything(SuifangClient c) throws SuifangException {
    List<Object> all = new ArrayList<>();
    ClientState state = TestAccess.state(c);
    all.add(c.deviceId());
    List<Patient> patients = c.patients().search(PatientQuery.newBuilder().build());
    all.add(patients.toString());
    for (Patient p : patients) {
      all.add(c.followUps().history(p.id()).toString());
    }
    all.add(Json.GSON.toJson(state.outbox()));
    all.add(Json.GSON.toJson(state.sent()));
    all.add(String.valueOf(state.cursor()));
    all.add(state.hlc());
    all.add(state.lastDeviceSeq());
    all.add(c.syncState().toString());
    all.add(c.needsAttention().toString());
    return all.toString();
  }
}
