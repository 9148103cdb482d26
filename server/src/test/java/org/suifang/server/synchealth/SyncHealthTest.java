package org.suifang.server.synchealth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * Sync health over real HTTP and real sync requests: a tablet with a clock 2 h 03 min ahead, three
 * pending changes and one rejected mutation (doc1); a tablet that last synced four days ago (doc2);
 * a doctor who never registered one (doc9, village 1); and a tablet in township 2 (doc3) that
 * township 1's supervisor must not see.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncHealthTest {

  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject FakeClock clock;
  @Inject SyncHealthService service;
  @Inject TransactionOperations<Connection> transactions;

  @Inject
  @Client("/")
  HttpClient client;

  TestArea area;
  UUID deviceA = UUID.randomUUID();
  UUID deviceB = UUID.randomUUID();
  UUID deviceC = UUID.randomUUID();
  Instant syncedB;
  Instant syncedA;

  @BeforeAll
  void seed() {
    // Databases keep microseconds at most.
    clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    area = auth.seedArea();
    auth.createUser(UserCommand.doctor("doc9", "周医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    register("doc2", deviceB, "0.2.9");
    syncedB = clock.instant();
    sync("doc2", deviceB, Duration.ZERO, 0, null, List.of());
    register("doc3", deviceC, "0.3.0");
    sync("doc3", deviceC, Duration.ZERO, 0, null, List.of());
    clock.advance(Duration.ofDays(4));
    register("doc1", deviceA, "0.3.0");
    syncedA = clock.instant();
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("mutationId", UUID.randomUUID().toString());
    unknown.put("deviceSeq", 1);
    unknown.put("hlc", System.currentTimeMillis() << 16);
    unknown.put("authorId", area.userIds().get("doc1").toString());
    unknown.put("type", "NO_SUCH_TYPE");
    unknown.put("schemaVersion", 1);
    unknown.put("createdAt", Instant.now().toString());
    unknown.put("payload", Map.of());
    sync(
        "doc1",
        deviceA,
        Duration.ofHours(2).plusMinutes(3),
        3,
        clock.instant().minus(Duration.ofHours(30)),
        List.of(unknown));
  }

  @Test
  void report_supervisor_showsTheTownshipsDevicesFlaggedFirst() {
    TestApi.Response r = api.get("sup1", "/api/v1/reports/sync-health");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("areaCode")).isEqualTo(TestArea.TOWNSHIP_1);
    assertThat(r.at("areaName")).isEqualTo("东关镇");
    assertThat(r.at("devices")).isEqualTo(2);
    assertThat(r.at("staleDevices")).isEqualTo(1);
    assertThat(r.at("suspectClocks")).isEqualTo(1);
    assertThat(r.at("doctorsWithoutDevice")).isEqualTo(1);
    assertThat(r.at("pendingTotal")).isEqualTo(3);
    List<Map<String, Object>> rows = rows(r);
    assertThat(rows).extracting(m -> m.get("username")).containsExactly("doc9", "doc2", "doc1");

    Map<String, Object> doc9 = rows.get(0);
    assertThat(doc9.get("deviceId")).isNull();
    assertThat(doc9.get("neverSynced")).isEqualTo(true);
    assertThat(doc9.get("villages")).asString().contains("东关村");

    Map<String, Object> doc2 = rows.get(1);
    assertThat(doc2.get("deviceId")).isEqualTo(deviceB.toString());
    assertThat(doc2.get("stale")).isEqualTo(true);
    assertThat(doc2.get("clockSuspect")).isEqualTo(false);
    assertThat(doc2.get("appVersion")).isEqualTo("0.2.9");
    assertThat(Instant.parse((String) doc2.get("lastSyncAt"))).isEqualTo(syncedB);

    Map<String, Object> doc1 = rows.get(2);
    assertThat(doc1.get("deviceId")).isEqualTo(deviceA.toString());
    assertThat(doc1.get("stale")).isEqualTo(false);
    assertThat(doc1.get("clockSuspect")).isEqualTo(true);
    assertThat(doc1.get("clockOffset")).isEqualTo("+2 h 03 min");
    assertThat(doc1.get("pendingCount")).isEqualTo(3);
    assertThat(doc1.get("rejectedCount")).isEqualTo(1);
    assertThat(doc1.get("model")).isEqualTo("Lenovo TB-X104F");
    assertThat(doc1.get("platform")).isEqualTo("Android 8.1");
    assertThat(Instant.parse((String) doc1.get("oldestPendingAt")))
        .isEqualTo(syncedA.minus(Duration.ofHours(30)));
  }

  @Test
  void report_admin_coversTheCountyOrOneTownship() {
    assertThat(rows(api.get("admin1", "/api/v1/reports/sync-health")))
        .extracting(m -> m.get("username"))
        .containsExactlyInAnyOrder("doc9", "doc2", "doc1", "doc3");
    TestApi.Response t2 =
        api.get("admin1", "/api/v1/reports/sync-health?township=" + TestArea.TOWNSHIP_2);
    assertThat(t2.at("areaName")).isEqualTo("西岭乡");
    assertThat(rows(t2)).extracting(m -> m.get("username")).containsExactly("doc3");
  }

  @Test
  void report_otherTownshipOrDoctor_isForbidden() {
    assertThat(
            api.get("sup1", "/api/v1/reports/sync-health?township=" + TestArea.TOWNSHIP_2).status())
        .isEqualTo(403);
    assertThat(
            api.get("sup1", "/api/v1/reports/sync-health.csv?township=" + TestArea.TOWNSHIP_2)
                .status())
        .isEqualTo(403);
    assertThat(api.get("doc1", "/api/v1/reports/sync-health").status()).isEqualTo(403);
    assertThat(api.get("doc1", "/api/v1/reports/sync-health.csv").status()).isEqualTo(403);
    TestApi.Response bad = api.get("admin1", "/api/v1/reports/sync-health?township=12");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.fieldErrors()).containsExactly("township:NOT_A_TOWNSHIP");
    assertThat(api.get("admin1", "/api/v1/reports/sync-health?township=130123999000").status())
        .isEqualTo(404);
  }

  @Test
  void page_otherTownshipOrDoctor_isForbiddenPage() {
    String sup1 = auth.login("sup1");
    String doc1 = auth.login("doc1");
    HttpClientResponseException other =
        catchResponse(
            HttpRequest.GET("/dashboard/sync-health?township=" + TestArea.TOWNSHIP_2)
                .bearerAuth(sup1));
    assertThat(other.getStatus().getCode()).isEqualTo(403);
    assertThat(other.getResponse().getBody(String.class))
        .hasValueSatisfying(b -> assertThat(b).contains("<html"));
    assertThat(
            catchResponse(HttpRequest.GET("/dashboard/sync-health").bearerAuth(doc1))
                .getStatus()
                .getCode())
        .isEqualTo(403);
  }

  @Test
  void page_supervisor_showsRowsAndBadges() {
    String html =
        client
            .toBlocking()
            .retrieve(HttpRequest.GET("/dashboard/sync-health").bearerAuth(auth.login("sup1")));

    assertThat(html)
        .contains("设备同步状况")
        .contains("周医生")
        .contains("李医生")
        .contains("张医生")
        .doesNotContain("王医生");
    assertThat(html).contains("+2 h 03 min").contains("超期未同步").contains("时钟可疑").contains("无设备");
    assertThat(html.split("class=\"row-warn\"", -1)).hasSize(4);
  }

  @Test
  void csv_isUtf8WithBomParsesAndIsAudited() throws Exception {
    HttpResponse<byte[]> response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/api/v1/reports/sync-health.csv").bearerAuth(auth.login("sup1")),
                byte[].class);

    assertThat(response.getContentType())
        .hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/csv"));
    assertThat(response.getHeaders().get("Content-Disposition"))
        .contains("sync-health-" + TestArea.TOWNSHIP_1);
    byte[] body = response.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(body, StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(text))
            .getRecords();
    assertThat(records).hasSize(3);
    assertThat(records).extracting(c -> c.get("用户名")).containsExactly("doc9", "doc2", "doc1");
    assertThat(records.get(2).get("时钟偏差")).isEqualTo("+2 h 03 min");
    assertThat(records.get(2).get("被拒绝的变更")).isEqualTo("1");
    assertThat(records.get(2).get("状态")).isEqualTo("时钟可疑");
    assertThat(records.get(1).get("状态")).isEqualTo("超期未同步");
    assertThat(records.get(0).get("状态")).isEqualTo("无设备");
    assertThat(exports("sup1")).contains(TestArea.TOWNSHIP_1);
  }

  @Test
  void freshness_ofTownshipOneVillages() {
    Freshness f = service.freshness(List.of(TestArea.VILLAGE_1, TestArea.VILLAGE_2));

    assertThat(f.devices()).isEqualTo(2);
    assertThat(f.oldestSyncAt()).isEqualTo(syncedB);
    assertThat(f.newestSyncAt()).isEqualTo(syncedA);
    assertThat(f.pendingTotal()).isEqualTo(3);
    assertThat(f.staleDevices()).isEqualTo(1);
    assertThat(f.doctorsWithoutDevice()).isEqualTo(1);
    assertThat(service.freshness(List.of(TestArea.VILLAGE_3)).devices()).isEqualTo(1);
    assertThat(service.freshness(List.of()).devices()).isZero();
  }

  @Test
  void humanOffset_readable() {
    assertThat(SyncHealthService.humanOffset(0)).isEqualTo("0 s");
    assertThat(SyncHealthService.humanOffset(-45_000)).isEqualTo("-45 s");
    assertThat(SyncHealthService.humanOffset(5 * 60_000 + 7_000)).isEqualTo("+5 min 07 s");
    assertThat(SyncHealthService.humanOffset(Duration.ofHours(2).plusMinutes(3).toMillis()))
        .isEqualTo("+2 h 03 min");
    assertThat(SyncHealthService.humanOffset(-Duration.ofDays(3).plusHours(1).toMillis()))
        .isEqualTo("-3 d 01 h");
  }

  private void register(String user, UUID device, String appVersion) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", device.toString());
    body.put("appVersion", appVersion);
    body.put("platform", "Android 8.1");
    body.put("model", "Lenovo TB-X104F");
    TestApi.Response r = api.post(user, "/api/v1/devices", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
  }

  private void sync(
      String user,
      UUID device,
      Duration clockAhead,
      int pending,
      Instant oldestPending,
      List<Map<String, Object>> mutations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", device.toString());
    body.put("schemaVersion", 1);
    body.put("clientTime", clock.instant().plus(clockAhead).toString());
    body.put("pendingCount", pending);
    body.put("oldestPendingAt", oldestPending == null ? null : oldestPending.toString());
    body.put("mutations", mutations);
    body.put("pullLimit", 0);
    TestApi.Response r = api.post(user, "/api/v1/sync", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(TestApi.Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return (List<Map<String, Object>>) r.at("rows");
  }

  private HttpClientResponseException catchResponse(HttpRequest<?> request) {
    try {
      client.toBlocking().exchange(request, String.class);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("expected an error answer to " + request.getPath());
  }

  private List<String> exports(String username) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement s =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT target_id FROM audit_log WHERE username = ? AND action = 'EXPORT'"
                          + " AND target_type = 'SYNC_HEALTH'")) {
            s.setString(1, username);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
