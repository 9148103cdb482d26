package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.LocalDate;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.store.InMemoryStore;
import org.suifang.rules.NextStep;

/** The usage example of {@link SuifangClient}'s Javadoc, kept in step with the code. */
class ExampleUsageTest {
  @TempDir File dataDirectory;

  @Test
  void javadocExample_loginRegisterRecordSync() throws Exception {
    MockWebServer web = new MockWebServer();
    FakeSyncServer server = new FakeSyncServer();
    web.setDispatcher(server);
    web.start();
    String password = FakeSyncServer.PASSWORD;
    PatientRegistration registration = PatientSamples.wang().build();
    VisitForm form =
        VisitForms.htn(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), 162, 95).build();

    try (SuifangClient client =
        SuifangClient.newBuilder()
            .serverUrl(web.url("/").toString())
            .dataDirectory(dataDirectory)
            .appVersion("0.3.0")
            // Until the journal store is merged, the example runs on the in-memory store.
            .localStore((dir, key) -> new InMemoryStore())
            .build()) {
      client.login("doc1", password);
      Patient p = client.patients().register(registration);
      Visit v = client.followUps().record(p.id(), form);
      NextStep next = v.assessment().nextStep();
      SyncReport report = client.sync();

      assertThat(next).isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);
      assertThat(report.success()).isTrue();
      assertThat(report.pushed()).isEqualTo(2);
      assertThat(server.db.visits).containsKey(v.id().toString());
      assertThat(new File(dataDirectory, "session.json")).exists();
    } finally {
      web.shutdown();
    }
  }
}
