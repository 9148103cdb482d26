package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor merges a duplicate patient into a survivor (docs/sync-protocol.md, "Change types"):
 * the PATIENT change with {@code mergedInto} removes the duplicate and leaves a redirect, and what
 * the doctor recorded offline for the duplicate shows under the survivor, before and after it is
 * pushed.
 */
class MergedPatientTest {
  @TempDir File dir;

  private static List<UUID> ids(List<Visit> visits) {
    List<UUID> ids = new ArrayList<>();
    for (Visit v : visits) {
      ids.add(v.id());
    }
    return ids;
  }

  @Test
  void mergedInto_removesTheDuplicate_redirectsItsId_pendingVisitShowsUnderTheSurvivor()
      throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      Patient survivor = c.patients().register(PatientSamples.wang().build());
      Patient duplicate = c.patients().register(PatientSamples.li().build());
      Visit synced =
          c.followUps()
              .record(duplicate.id(), VisitForms.htn(LocalDate.of(2026, 10, 1), 150, 95).build());
      c.sync();
      Visit pending =
          c.followUps()
              .record(duplicate.id(), VisitForms.htn(LocalDate.of(2026, 11, 1), 130, 80).build());
      long seq = s.server.mergeInto(duplicate.id().toString(), survivor.id().toString());
      // A pull-only answer: the merge arrives while the offline visit is still in the outbox.
      JsonArray changes = new JsonArray();
      changes.add(change(seq, "PATIENT", duplicate.id(), s.server.db.patients));
      changes.add(change(seq, "PATIENT", survivor.id(), s.server.db.patients));
      changes.add(change(seq, "FOLLOW_UP", synced.id(), s.server.db.visits));
      JsonObject answer = new JsonObject();
      answer.add("results", new JsonArray());
      answer.addProperty("ackedThroughSeq", TestAccess.state(c).ackedThroughSeq());
      answer.add("expectedSeq", null);
      answer.addProperty("ackChangeSeq", 0);
      answer.addProperty("resetRequired", false);
      answer.add("changes", changes);
      JsonObject cursor = new JsonObject();
      cursor.addProperty("epoch", s.server.db.epoch);
      cursor.addProperty("seq", seq);
      cursor.addProperty("scope", FakeSyncServer.SCOPE);
      answer.add("nextCursor", cursor);
      answer.addProperty("hasMore", false);
      answer.addProperty("serverHlc", 1);
      answer.addProperty("serverTime", "2026-11-20T02:00:01Z");
      s.server.script.add(FakeSyncServer.Step.answer(FakeSyncServer.json(200, answer)));
      // What the doctor sees once the scripted page is applied, before the next round trip
      // pushes the offline visit.
      List<UUID> redirectedTo = new ArrayList<>();
      List<List<UUID>> survivorHistory = new ArrayList<>();
      List<Integer> stillPending = new ArrayList<>();
      c.addSyncListener(
          p -> {
            if (p.phase() == SyncPhase.APPLIED && redirectedTo.isEmpty()) {
              try {
                redirectedTo.add(c.patients().get(duplicate.id()).id());
                survivorHistory.add(ids(c.followUps().history(survivor.id())));
                stillPending.add(c.syncState().pendingCount());
              } catch (SuifangException e) {
                throw new AssertionError(e);
              }
            }
          });

      SyncReport report = c.sync();

      assertThat(report.success()).as(report.toString()).isTrue();
      assertThat(stillPending).containsExactly(1);
      assertThat(redirectedTo).containsExactly(survivor.id());
      assertThat(survivorHistory.get(0)).containsExactlyInAnyOrder(synced.id(), pending.id());
      assertThat(c.syncState().pendingCount()).isZero();
      assertThat(s.server.db.visits.get(pending.id().toString()).get("patientId").getAsString())
          .isEqualTo(survivor.id().toString());
      assertMerged(c, survivor, duplicate, synced, pending);
      assertMerged(s.h.reopen(), survivor, duplicate, synced, pending);
    }
  }

  private static void assertMerged(
      SuifangClient c, Patient survivor, Patient duplicate, Visit synced, Visit pending)
      throws Exception {
    assertThat(c.patients().get(duplicate.id()).id()).isEqualTo(survivor.id());
    assertThat(c.patients().search(PatientQuery.newBuilder().build()))
        .extracting(Patient::id)
        .contains(survivor.id())
        .doesNotContain(duplicate.id());
    assertThat(ids(c.followUps().history(survivor.id())))
        .containsExactlyInAnyOrder(synced.id(), pending.id());
    assertThat(ids(c.followUps().history(duplicate.id())))
        .containsExactlyInAnyOrder(synced.id(), pending.id());
    // New work for the duplicate's id is done for the survivor.
    assertThat(c.followUps().find(pending.id()).patientId()).isEqualTo(survivor.id());
  }

  private static JsonObject change(
      long seq, String type, UUID id, java.util.Map<String, JsonObject> table) {
    JsonObject change = new JsonObject();
    change.addProperty("seq", seq);
    change.addProperty("type", type);
    change.addProperty("id", id.toString());
    change.add("data", table.get(id.toString()).deepCopy());
    return change;
  }
}
