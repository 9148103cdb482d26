package org.suifang.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.Json;

/**
 * The demo profile seeds its county at startup through the real API; the demo doctor then works
 * with it over HTTP as in docs/demo-data.md.
 *
 * <p>H2 only: the demo runs on H2 ({@code ./mvnw -Prun}), and seeding 300 patients through the API
 * takes most of this class's 15 seconds; the services and the worklist SQL it exercises have their
 * own PostgreSQL runs.
 */
@Tag("h2-only")
@MicronautTest(environments = "demo", transactional = false)
class DemoDataTest {

  static final String DOCTOR1_VILLAGE = "130627101201";
  static final String OTHER_VILLAGE = "130627101202";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject DemoSeeder seeder;

  @Inject EmbeddedServer server;

  @Test
  void seeding_twice_changesNothing() {
    DemoSeeder.Counts before = seeder.counts();
    assertThat(seeder.seedIfAbsent(server.getURI())).isFalse();
    assertThat(seeder.counts()).isEqualTo(before);
  }

  @Test
  void seeding_givesAboutThreeHundredPatientsWithOverduePatientsInEveryVillage() {
    DemoSeeder.Counts counts = seeder.counts();
    // 50 a village, and one registered twice (the review queue's duplicate candidate).
    assertThat(counts.patients()).isEqualTo(301);
    assertThat(counts.followUps()).isBetween(1500L, 2500L);
    Map<String, Object> summary = get(login("admin"), "/api/v1/worklists/summary");
    List<Map<String, Object>> villages = list(summary.get("villages"));
    assertThat(villages).hasSize(6);
    for (Map<String, Object> village : villages) {
      assertThat((Integer) Json.at(village, "counts.overdue"))
          .as(village.get("villageName") + " overdue")
          .isPositive();
    }
    assertThat((Integer) Json.at(summary, "totals.overdueLostToFollowUp")).isEqualTo(6);
    assertThat((Integer) Json.at(summary, "totals.referrals")).isGreaterThanOrEqualTo(12);
    assertThat((Integer) Json.at(summary, "totals.referralsPastDue")).isGreaterThanOrEqualTo(6);
    assertThat((Integer) Json.at(summary, "totals.rechecks")).isGreaterThanOrEqualTo(12);
    // The patient registered twice waits in the review queue.
    Map<String, Object> candidates = get(login("admin"), "/api/v1/review/merge-candidates");
    assertThat((Integer) Json.at(candidates, "total")).isEqualTo(1);
    assertThat(Json.at(candidates, "items.0.reason")).isEqualTo("NAME_BIRTH_DATE_VILLAGE");
  }

  @Test
  void demoDoctor_listsOverdue_recordsDangerSign_andCannotReadAnotherVillage() {
    String token = login("doctor1");

    Map<String, Object> overdue =
        get(token, "/api/v1/villages/" + DOCTOR1_VILLAGE + "/worklists/overdue");
    assertThat(list(overdue.get("items"))).isNotEmpty();
    assertThat(overdue).containsEntry("villageName", "东街村");

    // Slot 0 of each village is a hypertensive patient (DemoSeeder.Script.RECHECK_PENDING).
    UUID patient = DemoSeeder.uuid("patient/" + DOCTOR1_VILLAGE + "/0");
    LocalDate today = LocalDate.now(DemoSeeder.CHINA);
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(today, 182, 100);
    HttpResponse<Map<String, Object>> recorded =
        client
            .toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/patients/" + patient + "/follow-ups", form)
                    .bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    Map<String, Object> body = recorded.body();
    assertThat(recorded.code()).isEqualTo(201);
    assertThat(Json.at(body, "assessment.dangerSigns.0.code"))
        .isEqualTo("BLOOD_PRESSURE_VERY_HIGH");
    assertThat(Json.at(body, "assessment.urgentReferral")).isEqualTo(true);
    assertThat(Json.at(body, "assessment.nextStep.code")).isEqualTo("URGENT_REFERRAL");
    assertThat(Json.at(body, "assessment.nextDueDate")).isEqualTo(today.plusDays(14).toString());

    UUID otherVillagePatient = DemoSeeder.uuid("patient/" + OTHER_VILLAGE + "/0");
    HttpClientResponseException forbidden =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .retrieve(
                        HttpRequest.GET("/api/v1/patients/" + otherVillagePatient)
                            .bearerAuth(token)));
    assertThat(forbidden.code()).isEqualTo(403);
    assertThat(
            forbidden
                .getResponse()
                .getBody(Argument.mapOf(String.class, Object.class))
                .orElseThrow())
        .containsEntry("code", "FORBIDDEN");
  }

  @Test
  void banner_listsUrlsAndLogins() {
    String banner = DemoStartup.banner(server.getURI(), seeder.counts(), "demo1234", "./data");
    assertThat(banner)
        .contains(
            "/swagger-ui/index.html",
            "doctor1",
            "supervisor2",
            "admin",
            "demo1234",
            "东街村 130627101201",
            "301 patients");
  }

  @Test
  void syncHealth_showsTheMadeUpTablets() {
    Map<String, Object> report = get(login("admin"), "/api/v1/reports/sync-health");

    assertThat(report.get("devices")).isEqualTo(4);
    assertThat(report.get("staleDevices")).isEqualTo(1);
    assertThat(report.get("suspectClocks")).isEqualTo(1);
    assertThat(report.get("doctorsWithoutDevice")).isEqualTo(1);
    assertThat(list(report.get("rows")))
        .filteredOn(r -> "doctor3".equals(r.get("username")))
        .extracting(r -> r.get("clockOffset"))
        .containsExactly("+2 h 03 min");
  }

  private String login(String username) {
    Map<String, Object> body =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/v1/auth/login", Map.of("username", username, "password", "demo1234")),
                Argument.mapOf(String.class, Object.class));
    return (String) body.get("accessToken");
  }

  private Map<String, Object> get(String token, String path) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
