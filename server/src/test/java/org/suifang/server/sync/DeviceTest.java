package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;
import static org.suifang.server.testing.TestArea.VILLAGE_2;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Device registration over HTTP: idempotent re-registration, shared tablets and who may author
 * mutations on them, and syncing from a device the user never registered.
 */
@MicronautTest(transactional = false)
class DeviceTest {

  @Inject TestAuth auth;

  @Inject TestApi api;

  private TestArea area;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
  }

  private TestDevice device(String user) {
    return new TestDevice(api, user, area.userId(user));
  }

  private String patient(String user, String village) {
    TestApi.Response r = api.post(user, "/api/v1/patients", PatientSamples.hypertensive(village));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  @Test
  void register_newDevice_answersLastSeqZeroEpochAndRuleSet() {
    TestDevice tablet = device("doc1");

    TestApi.Response r = tablet.register();

    assertThat(r.at("deviceId")).isEqualTo(tablet.id.toString());
    assertThat(r.at("userId")).isEqualTo(area.userId("doc1").toString());
    assertThat(r.at("lastSeq")).isEqualTo(0);
    assertThat((String) r.at("epoch")).hasSize(36);
    assertThat(r.at("ruleSetId")).isEqualTo("bphs-2017");
    assertThat(r.at("registeredAt")).isNotNull();
  }

  @Test
  void register_again_keepsLastSeqEpochAndRegistrationTime() {
    TestDevice tablet = device("doc1");
    TestApi.Response first = tablet.register();
    String patientId = patient("doc1", VILLAGE_1);
    tablet.push(List.of(tablet.note(patientId, "a"), tablet.note(patientId, "b")));

    TestApi.Response again = tablet.register();

    assertThat(again.at("lastSeq")).isEqualTo(2);
    assertThat(again.at("epoch")).isEqualTo(first.at("epoch"));
    assertThat(again.at("registeredAt")).isEqualTo(first.at("registeredAt"));
  }

  @Test
  void register_sameNewDeviceTwiceAtOnce_bothAnswerTheOneRegistration() throws Exception {
    TestDevice tablet = device("doc1");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TestApi.Response>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return tablet.registerAs("doc1");
                }));
      }
      go.countDown();
      Set<Object> registeredAt = new HashSet<>();
      for (Future<TestApi.Response> f : sent) {
        TestApi.Response r = f.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        registeredAt.add(r.at("registeredAt"));
      }
      assertThat(registeredAt).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void register_byAnotherUser_bindsTheDeviceAndEveryRegisteredUserMayAuthor() {
    TestDevice tablet = device("doc1");
    tablet.register();
    String doc1Patient = patient("doc1", VILLAGE_1);
    String doc2Patient = patient("doc2", VILLAGE_2);

    TestApi.Response r = tablet.registerAs("doc2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("userId")).isEqualTo(area.userId("doc2").toString());

    // doc2 is signed in now; the outbox still holds doc1's visit note, and doc2 adds one.
    TestDevice asDoc2 = new TestDevice(api, "doc2", area.userId("doc2"), tablet.id);
    Map<String, Object> byDoc1 = tablet.note(doc1Patient, "by-doc1");
    asDoc2.nextSeq(2);
    Map<String, Object> byDoc2 = asDoc2.note(doc2Patient, "by-doc2");
    TestApi.Response pushed = asDoc2.push(List.of(byDoc1, byDoc2));

    assertThat(pushed.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(pushed.at("results.1.status")).isEqualTo("APPLIED");
    assertThat((String) api.get("doc1", "/api/v1/patients/" + doc1Patient).at("address"))
        .endsWith("|by-doc1");
    assertThat((String) api.get("doc2", "/api/v1/patients/" + doc2Patient).at("address"))
        .endsWith("|by-doc2");
  }

  @Test
  void push_authorWhoNeverRegisteredTheDevice_rejectedAuthorNotAllowed() {
    TestDevice tablet = device("doc1");
    tablet.register();
    String patientId = patient("doc1", VILLAGE_1);
    Map<String, Object> note = tablet.note(patientId, "forged");
    note.put("authorId", area.userId("doc3").toString());

    TestApi.Response r = tablet.push(List.of(note));

    assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
    assertThat(r.at("results.0.code")).isEqualTo("AUTHOR_NOT_ALLOWED");
    assertThat(r.at("results.0.messageZh")).isEqualTo(SyncError.AUTHOR_NOT_ALLOWED.messageZh());
    assertThat(r.at("results.0.messageEn")).isEqualTo(SyncError.AUTHOR_NOT_ALLOWED.messageEn());
    assertThat(r.at("ackedThroughSeq")).isEqualTo(1);
    assertThat((String) api.get("doc1", "/api/v1/patients/" + patientId).at("address"))
        .doesNotContain("forged");
  }

  @Test
  void push_authorLacksPermissionForThePatient_rejectedWithTheHandlersCode() {
    TestDevice tablet = device("doc1");
    tablet.register();
    String doc3Patient = patient("doc3", TestArea.VILLAGE_3);

    TestApi.Response r = tablet.push(List.of(tablet.note(doc3Patient, "not mine")));

    assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
    assertThat(r.at("results.0.code")).isEqualTo("FORBIDDEN");
  }

  @Test
  void sync_unknownDevice_404DeviceNotRegistered() {
    TestDevice tablet = device("doc1");

    TestApi.Response r = tablet.send(tablet.request(List.of()));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.at("code")).isEqualTo("DEVICE_NOT_REGISTERED");
    assertThat(r.at("help")).isEqualTo("docs/errors.md#device_not_registered");
  }

  @Test
  void sync_deviceRegisteredOnlyByAnotherUser_404DeviceNotRegistered() {
    TestDevice tablet = device("doc1");
    tablet.register();
    TestDevice stranger = new TestDevice(api, "doc3", area.userId("doc3"), tablet.id);

    TestApi.Response r = stranger.send(stranger.request(List.of()));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.at("code")).isEqualTo("DEVICE_NOT_REGISTERED");
  }

  @Test
  void register_withoutDeviceId_400ValidationFailed() {
    TestApi.Response r = api.post("doc1", "/api/v1/devices", Map.of("appVersion", "0.3.0"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.at("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(r.fieldErrors()).containsExactly("deviceId:REQUIRED");
  }

  @Test
  void register_withoutToken_401() {
    TestApi.Response r =
        api.post(null, "/api/v1/devices", Map.of("deviceId", UUID.randomUUID().toString()));

    assertThat(r.status()).isEqualTo(401);
  }
}
