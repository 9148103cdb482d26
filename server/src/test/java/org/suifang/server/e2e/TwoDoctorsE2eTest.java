package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suifang.client.Conflict;
import org.suifang.client.MutationType;
import org.suifang.client.Patient;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.client.Rejection;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.client.VisitState;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Two village doctors of one village, each on a real {@code SuifangClient} tablet, work offline on
 * the same patients and then sync against the real server.
 */
@MicronautTest(transactional = false)
class TwoDoctorsE2eTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  private TestArea area;
  private UUID doc1bId;
  private Tablet a;
  private Tablet b;

  @BeforeEach
  void tablets() throws Exception {
    area = auth.seedArea();
    doc1bId = server.createDoctor("doc1b", "周医生", VILLAGE_1);
    a = Tablet.open("tablet-a", server.url(), new File(tmp, "a"));
    b = Tablet.open("tablet-b", server.url(), new File(tmp, "b"));
    a.client().login("doc1", TestAuth.PASSWORD);
    b.client().login("doc1b", TestAuth.PASSWORD);
    // The village's data from earlier tests of this class: pulled before the test starts.
    a.syncOk();
    b.syncOk();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private static List<UUID> ids(List<Visit> visits) {
    List<UUID> ids = new ArrayList<>();
    for (Visit v : visits) {
      ids.add(v.id());
    }
    return ids;
  }

  @ParameterizedTest(name = "tablet {0} syncs first")
  @ValueSource(strings = {"a", "b"})
  void visitsForOnePatientOffline_bothEverywhere_noneTwice(String first) throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    SyncReport created = a.syncOk();
    SyncReport seen = b.syncOk();
    assertThat(created.pushed()).isEqualTo(1);
    assertThat(seen.pulled()).isEqualTo(1);
    assertThat(b.client().patients().find(p.id())).isNotNull();
    a.offline();
    b.offline();
    Visit va =
        a.client()
            .followUps()
            .record(p.id(), Samples.htnVisit(Samples.today().minusDays(2), 150, 95).build());
    Visit vb =
        b.client()
            .followUps()
            .record(p.id(), Samples.htnVisit(Samples.today().minusDays(1), 132, 84).build());
    SyncReport offline = a.syncFails();
    assertThat(offline.error().code()).isEqualTo("OFFLINE");
    assertThat(offline.pushed()).isZero();
    assertThat(offline.roundTrips()).isZero();
    assertThat(offline.bytesSent()).isZero();
    assertThat(a.pending()).isEqualTo(1);
    a.online();
    b.online();
    Tablet one = first.equals("a") ? a : b;
    Tablet two = first.equals("a") ? b : a;

    SyncReport r1 = one.syncOk();
    SyncReport r2 = two.syncOk();
    SyncReport r3 = one.syncOk();
    SyncReport r4 = two.syncOk();

    // First: pushes its visit, pulls it back. Second: pushes its own, pulls both. Then each pulls
    // what it has not seen (the other's visit), and the last sync finds nothing new.
    assertThat(List.of(r1.pushed(), r2.pushed(), r3.pushed(), r4.pushed()))
        .containsExactly(1, 1, 0, 0);
    assertThat(List.of(r1.pulled(), r2.pulled(), r3.pulled(), r4.pulled()))
        .containsExactly(1, 2, 1, 0);
    for (SyncReport r : List.of(r1, r2, r3, r4)) {
      assertThat(r.roundTrips()).as(r.toString()).isEqualTo(1);
      assertThat(r.bytesSent()).as(r.toString()).isPositive();
      assertThat(r.bytesReceived()).as(r.toString()).isPositive();
      assertThat(r.rejected()).isEmpty();
      assertThat(r.conflicts()).isZero();
    }
    // A push carries a visit, an empty request does not: the bytes say so too.
    assertThat(r1.bytesSent()).isGreaterThan(r4.bytesSent());
    assertThat(r2.bytesReceived()).isGreaterThan(r4.bytesReceived());
    assertThat(server.historyIds("doc1", p.id())).containsExactlyInAnyOrder(va.id(), vb.id());
    assertThat(server.followUpRows(p.id())).isEqualTo(2);
    assertThat(server.mutationResults(a.client().deviceId())).isEqualTo(2);
    assertThat(server.mutationResults(b.client().deviceId())).isEqualTo(1);
    for (Tablet t : List.of(a, b)) {
      assertThat(ids(t.client().followUps().history(p.id())))
          .as(t.name)
          .containsExactly(vb.id(), va.id());
      assertThat(t.pending()).isZero();
    }
  }

  @Test
  void sameFieldEditedOnTwoTabletsOffline_oneConflict_everyReplicaAgrees() throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    b.syncOk();
    a.offline();
    b.offline();
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000001").build());
    b.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000002").build());
    a.online();
    b.online();

    SyncReport first = a.syncOk();
    SyncReport second = b.syncOk();
    a.syncOk();

    assertThat(first.conflicts()).isZero();
    assertThat(second.conflicts()).isEqualTo(1);
    assertThat(server.conflicts(p.id())).isEqualTo(1);
    String winner = (String) server.patient("doc1", p.id()).get("phone");
    assertThat(winner).isIn("13900000001", "13900000002");
    for (Tablet t : List.of(a, b)) {
      assertThat(t.client().patients().get(p.id()).phone()).as(t.name).isEqualTo(winner);
      List<Conflict> conflicts = conflictsOf(t, p.id());
      assertThat(conflicts).as(t.name).hasSize(1);
      Conflict c = conflicts.get(0);
      assertThat(c.field()).isEqualTo("phone");
      assertThat(c.winner().value()).isEqualTo("\"" + winner + "\"");
      assertThat(List.of(c.winner().value(), c.loser().value()))
          .containsExactlyInAnyOrder("\"13900000001\"", "\"13900000002\"");
      assertThat(c.status()).isEqualTo("OPEN");
    }

    // Sequential edits after a sync, from clocks two years ahead and two years behind: each has
    // seen the current version, so neither is a conflict, and each wins everywhere.
    a.clock.setOffset(Duration.ofDays(730));
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000003").build());
    SyncReport ahead = a.syncOk();
    b.syncOk();
    assertThat(ahead.conflicts()).isZero();
    assertAllAgree(p.id(), "13900000003");
    assertThat(lastResult(a).get("clock_suspect")).isEqualTo(true);
    assertThat(
            server.count(
                "SELECT clock_suspect_count FROM device WHERE id = ?", a.client().deviceId()))
        .isPositive();

    b.clock.setOffset(Duration.ofDays(-730));
    b.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000004").build());
    SyncReport behind = b.syncOk();
    a.syncOk();
    assertThat(behind.conflicts()).isZero();
    assertAllAgree(p.id(), "13900000004");
    assertThat(lastResult(b).get("clock_suspect")).isEqualTo(false);

    // And the ahead tablet once more, after it saw the behind tablet's write.
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000005").build());
    a.syncOk();
    b.syncOk();
    assertAllAgree(p.id(), "13900000005");
    assertThat(server.conflicts(p.id())).isEqualTo(1);
    assertThat(conflictsOf(a, p.id())).hasSize(1);
    assertThat(conflictsOf(b, p.id())).hasSize(1);
  }

  private void assertAllAgree(UUID patientId, String phone) throws Exception {
    assertThat(server.patient("doc1", patientId).get("phone")).isEqualTo(phone);
    assertThat(a.client().patients().get(patientId).phone()).as(a.name).isEqualTo(phone);
    assertThat(b.client().patients().get(patientId).phone()).as(b.name).isEqualTo(phone);
    assertThat(server.conflicts(patientId)).isEqualTo(1);
  }

  private static List<Conflict> conflictsOf(Tablet t, UUID patientId) {
    List<Conflict> out = new ArrayList<>();
    for (Conflict c : t.client().conflicts()) {
      if (c.patientId().equals(patientId)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The device's newest mutation_result row. */
  private Map<String, Object> lastResult(Tablet t) {
    List<Map<String, Object>> rows =
        server.rows(
            "SELECT device_seq, status, clock_suspect, conflicts FROM mutation_result"
                + " WHERE device_id = ? ORDER BY device_seq DESC",
            t.client().deviceId());
    assertThat(rows).isNotEmpty();
    return rows.get(0);
  }

  @Test
  void sameResidentIdRegisteredOnTwoTabletsOffline_bothKept_oneMergeCandidate() throws Exception {
    a.offline();
    b.offline();
    PatientRegistration reg = Samples.hypertensive(VILLAGE_1).build();
    Patient pa = a.client().patients().register(reg);
    Patient pb =
        b.client()
            .patients()
            .register(
                Samples.hypertensive(VILLAGE_1)
                    .name("王建国")
                    .residentId(reg.residentId())
                    .phone("13700000000")
                    .build());
    a.online();
    b.online();

    a.syncOk();
    b.syncOk();
    a.syncOk();

    assertThat(pa.id()).isNotEqualTo(pb.id());
    assertThat(server.patient("doc1", pa.id()).get("residentId")).isEqualTo(reg.residentId());
    assertThat(server.patient("doc1", pb.id()).get("residentId")).isEqualTo(reg.residentId());
    UUID low = pa.id().toString().compareTo(pb.id().toString()) < 0 ? pa.id() : pb.id();
    UUID high = low.equals(pa.id()) ? pb.id() : pa.id();
    assertThat(
            server.count(
                "SELECT count(*) FROM merge_candidate WHERE patient_a = ? AND patient_b = ?",
                low,
                high))
        .isEqualTo(1);
    assertThat(
            server.count(
                "SELECT count(*) FROM merge_candidate WHERE patient_a IN (?, ?) OR patient_b IN"
                    + " (?, ?)",
                pa.id(),
                pb.id(),
                pa.id(),
                pb.id()))
        .isEqualTo(1);
    for (Tablet t : List.of(a, b)) {
      assertThat(t.client().patients().find(pa.id())).as(t.name).isNotNull();
      assertThat(t.client().patients().find(pb.id())).as(t.name).isNotNull();
    }
  }

  @Test
  void amendOfAnAlreadyAmendedVisit_rejected_laterChangesStillApplied() throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    Patient q = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    Visit v =
        a.client()
            .followUps()
            .record(p.id(), Samples.htnVisit(Samples.today().minusDays(3), 150, 95).build());
    a.syncOk();
    b.syncOk();
    a.offline();
    b.offline();
    Visit amendedByA =
        a.client()
            .followUps()
            .amend(v.id(), "收缩压录错", Samples.htnVisit(v.visitDate(), 145, 95).build());
    Visit amendedByB =
        b.client()
            .followUps()
            .amend(v.id(), "舒张压录错", Samples.htnVisit(v.visitDate(), 150, 92).build());
    Visit later =
        b.client()
            .followUps()
            .record(q.id(), Samples.htnVisit(Samples.today().minusDays(1), 128, 80).build());
    b.client().patients().update(q.id(), PatientUpdate.newBuilder().phone("13600000000").build());
    a.online();
    b.online();

    a.syncOk();
    SyncReport report = b.syncOk();
    a.syncOk();

    assertThat(report.pushed()).isEqualTo(2);
    assertThat(report.rejected()).hasSize(1);
    List<Rejection> attention = b.client().needsAttention();
    assertThat(attention).hasSize(1);
    Rejection r = attention.get(0);
    assertThat(r.code()).isEqualTo("FOLLOW_UP_SUPERSEDED");
    assertThat(r.type()).isEqualTo(MutationType.FOLLOW_UP_AMEND);
    assertThat(r.messageZh()).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
    assertThat(r.messageEn()).isNotBlank().matches(".*[A-Za-z].*");
    assertThat(r.acknowledged()).isFalse();
    assertThat(b.client().syncState().needsAttentionCount()).isEqualTo(1);
    assertThat(b.pending()).isZero();
    // The mutations after the poison one are on the server.
    assertThat(server.historyIds("doc1", q.id())).containsExactly(later.id());
    assertThat(server.patient("doc1", q.id()).get("phone")).isEqualTo("13600000000");
    // A's amendment stands everywhere; B's refused one is nowhere on the server.
    assertThat(server.historyIds("doc1", p.id()))
        .containsExactlyInAnyOrder(v.id(), amendedByA.id());
    for (Tablet t : List.of(a, b)) {
      List<Visit> history = t.client().followUps().history(p.id());
      assertThat(ids(history)).as(t.name).containsExactlyInAnyOrder(v.id(), amendedByA.id());
      assertThat(t.client().followUps().get(v.id()).state()).isEqualTo(VisitState.SUPERSEDED);
      assertThat(t.client().followUps().get(v.id()).supersededBy()).isEqualTo(amendedByA.id());
      assertThat(t.client().followUps().get(amendedByA.id()).state()).isEqualTo(VisitState.CURRENT);
    }
    assertThat(b.client().followUps().find(amendedByB.id())).isNull();
    b.client().acknowledge(r.mutationId());
    assertThat(b.client().syncState().needsAttentionCount()).isZero();
    assertThat(b.client().needsAttention()).hasSize(1);
  }

  @Test
  void sharedTablet_firstDoctorsOfflineWork_sentUnderTheSecondLogin_authoredByTheFirst()
      throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    a.offline();
    Visit v =
        a.client()
            .followUps()
            .record(p.id(), Samples.htnVisit(Samples.today().minusDays(1), 138, 86).build());
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13511112222").build());
    assertThat(a.client().logout()).isFalse();
    assertThat(a.pending()).isEqualTo(2);
    a.online();

    a.client().login("doc1b", TestAuth.PASSWORD);
    SyncReport report = a.syncOk();

    assertThat(report.pushed()).isEqualTo(2);
    assertThat(report.rejected()).isEmpty();
    assertThat(a.pending()).isZero();
    Map<String, Object> visit = server.api().get("doc1b", "/api/v1/follow-ups/" + v.id()).json();
    assertThat(visit.get("doctorId")).isEqualTo(area.userId("doc1").toString());
    assertThat(server.patient("doc1b", p.id()).get("phone")).isEqualTo("13511112222");
    List<Map<String, Object>> results =
        server.rows(
            "SELECT author_id, status FROM mutation_result WHERE device_id = ? ORDER BY device_seq",
            a.client().deviceId());
    assertThat(results).hasSize(3);
    for (Map<String, Object> row : results) {
      assertThat(row.get("status")).isEqualTo("APPLIED");
      assertThat(row.get("author_id").toString()).isEqualTo(area.userId("doc1").toString());
    }
    assertThat(a.client().followUps().get(v.id()).doctorId()).isEqualTo(area.userId("doc1"));
    assertThat(a.client().currentUser().id()).isEqualTo(doc1bId);
  }
}
