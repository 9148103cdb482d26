package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Patient;
import org.suifang.client.PatientUpdate;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * A server restore: the county administrator rotates the sync epoch ({@code POST
 * /api/v1/admin/sync/epoch}); tablets reset their pulled data on their next sync, keep and push
 * their outbox, and converge, with nothing applied twice.
 */
@MicronautTest(transactional = false)
class EpochE2eTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  @Test
  void epochRotated_nextSyncResets_keepsAndPushesTheOutbox_nothingTwice() throws Exception {
    auth.seedArea();
    try (Tablet a = Tablet.open("tablet-a", server.url(), new File(tmp, "a"));
        Tablet b = Tablet.open("tablet-b", server.url(), new File(tmp, "b"))) {
      a.client().login("doc1", TestAuth.PASSWORD);
      b.client().login("doc1", TestAuth.PASSWORD);
      Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
      Visit before =
          a.client()
              .followUps()
              .record(p.id(), Samples.htnVisit(Samples.today().minusDays(5), 150, 95).build());
      a.syncOk();
      b.syncOk();
      a.offline();
      Visit offline =
          a.client()
              .followUps()
              .record(p.id(), Samples.htnVisit(Samples.today().minusDays(1), 136, 84).build());
      a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13322223333").build());
      assertThat(a.pending()).isEqualTo(2);

      TestApi.Response rotated = server.api().post("admin1", "/api/v1/admin/sync/epoch", Map.of());
      assertThat(rotated.status()).as(String.valueOf(rotated.body())).isEqualTo(200);
      a.online();

      SyncReport reset = a.syncOk();

      assertThat(reset.resetHappened()).isTrue();
      // The outbox (2), then, for the new epoch, every retained mutation again from seq 1 (all 4):
      // the server answers them as duplicates.
      assertThat(reset.pushed()).isEqualTo(6);
      assertThat(reset.rejected()).isEmpty();
      assertThat(a.pending()).isZero();
      assertThat(a.client().syncState().lastResetAt()).isNotNull();
      assertThat(server.historyIds("doc1", p.id()))
          .containsExactlyInAnyOrder(before.id(), offline.id());
      assertThat(server.followUpRows(p.id())).isEqualTo(2);
      assertThat(server.mutationResults(a.client().deviceId())).isEqualTo(4);
      assertThat(server.patient("doc1", p.id()).get("phone")).isEqualTo("13322223333");
      assertThat(a.client().followUps().history(p.id())).hasSize(2);
      assertThat(a.client().patients().get(p.id()).phone()).isEqualTo("13322223333");

      // The other tablet resets too and converges; the next syncs are ordinary.
      SyncReport other = b.syncOk();
      assertThat(other.resetHappened()).isTrue();
      assertThat(other.pushed()).isZero();
      assertThat(b.client().followUps().history(p.id())).hasSize(2);
      assertThat(b.client().patients().get(p.id()).phone()).isEqualTo("13322223333");
      SyncReport again = a.syncOk();
      assertThat(again.resetHappened()).isFalse();
      assertThat(again.pushed()).isZero();
      assertThat(again.pulled()).isZero();
      assertThat(server.followUpRows(p.id())).isEqualTo(2);
      assertThat(server.mutationResults(a.client().deviceId())).isEqualTo(4);
    }
  }
}
