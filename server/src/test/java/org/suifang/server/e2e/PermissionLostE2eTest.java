package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.MutationType;
import org.suifang.client.Patient;
import org.suifang.client.PatientUpdate;
import org.suifang.client.Rejection;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * A shared tablet whose first doctor loses permission before their offline work is pushed
 * (sync-design §8 item 8): the county deactivates them while the tablet is offline, and the second
 * doctor signs in and syncs. The server checks the author at apply time: the first doctor's
 * mutations are rejected, kept on the tablet with their payload and shown to the supervisor, and
 * the second doctor's own work in the same outbox is applied. Nothing is lost, nothing blocks.
 */
@MicronautTest(transactional = false)
class PermissionLostE2eTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  @Test
  void sharedTablet_authorDeactivatedBeforeThePush_theirWorkRejectedAndVisible_restApplied()
      throws Exception {
    TestArea area = auth.seedArea();
    server.createDoctor("doc1b", "周医生", VILLAGE_1);
    try (Tablet tablet = Tablet.open("shared", server.url(), new File(tmp, "shared"))) {
      tablet.client().login("doc1", TestAuth.PASSWORD);
      Patient p = tablet.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
      tablet.syncOk();
      tablet.offline();
      Visit byDoc1 =
          tablet
              .client()
              .followUps()
              .record(p.id(), Samples.htnVisit(Samples.today().minusDays(1), 150, 96).build());
      tablet.client().logout();
      tablet.online();
      tablet.client().login("doc1b", TestAuth.PASSWORD);
      tablet.offline();
      tablet
          .client()
          .patients()
          .update(p.id(), PatientUpdate.newBuilder().phone("13699998888").build());
      assertThat(tablet.pending()).isEqualTo(2);

      TestApi.Response deactivated =
          server
              .api()
              .post("admin1", "/api/v1/users/" + area.userId("doc1") + "/deactivate", Map.of());
      assertThat(deactivated.status()).as(String.valueOf(deactivated.body())).isEqualTo(200);
      tablet.online();
      SyncReport report = tablet.syncOk();

      assertThat(report.pushed()).isEqualTo(1);
      assertThat(report.rejected()).hasSize(1);
      assertThat(tablet.pending()).isZero();
      // The second doctor's edit is applied; the first doctor's visit is not on the server...
      assertThat(server.patient("doc1b", p.id()).get("phone")).isEqualTo("13699998888");
      assertThat(server.historyIds("doc1b", p.id())).doesNotContain(byDoc1.id());
      // ...but is kept on the tablet, whole, with the reason in both languages.
      List<Rejection> attention = tablet.client().needsAttention();
      assertThat(attention).hasSize(1);
      Rejection rejected = attention.get(0);
      assertThat(rejected.type()).isEqualTo(MutationType.FOLLOW_UP_RECORD);
      assertThat(rejected.recordId()).isEqualTo(byDoc1.id());
      assertThat(rejected.code()).isEqualTo("AUTHOR_NOT_ALLOWED");
      assertThat(rejected.messageZh()).isNotBlank();
      assertThat(rejected.messageEn()).isNotBlank();
      assertThat(rejected.payload()).contains(byDoc1.id().toString()).contains("150");
      // The township supervisor sees it in the review queue.
      TestApi.Response queue = server.api().get("sup1", "/api/v1/review/rejections");
      assertThat(queue.status()).as(String.valueOf(queue.body())).isEqualTo(200);
      assertThat(String.valueOf(queue.body()))
          .contains(rejected.mutationId().toString())
          .contains("AUTHOR_NOT_ALLOWED");
      // Nothing loops: the next sync is quiet.
      SyncReport again = tablet.syncOk();
      assertThat(again.pushed()).isZero();
      assertThat(tablet.client().needsAttention()).hasSize(1);
      UUID author = area.userId("doc1");
      assertThat(
              server.rows(
                  "SELECT status FROM mutation_result WHERE author_id = ? AND status = 'REJECTED'",
                  author))
          .hasSize(1);
    }
  }
}
