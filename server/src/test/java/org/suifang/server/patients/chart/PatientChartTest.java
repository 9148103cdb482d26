package org.suifang.server.patients.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.worklists.AuditRows;

/**
 * The patient page ({@code /dashboard/patients/{id}}) and the audit of supervisors' reads of a
 * patient record, page and JSON alike, over real HTTP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientChartTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject AuditRows audit;

  @Inject JdbcOperations jdbc;

  @Inject TransactionOperations<Connection> transactions;

  @Inject EmbeddedServer server;

  final Map<String, PageSession> sessions = new java.util.HashMap<>();

  /** 68 years old: the elderly BP target (150/90) applies. */
  UUID elderly;

  String elderlyResidentId;

  UUID diabetic;

  UUID amendedVisit;

  UUID voidedVisit;

  UUID township2Patient;

  @BeforeAll
  void seed() {
    auth.seedArea();
    Map<String, Object> p = PatientSamples.hypertensive(TestArea.VILLAGE_1);
    elderlyResidentId = (String) p.get("residentId");
    elderly = created(api.post("doc1", "/api/v1/patients", p));
    Map<String, Object> first = FollowUpSamples.hypertensionVisit(TODAY.minusDays(90), 145, 88);
    record(elderly, first);
    Map<String, Object> wrong = FollowUpSamples.hypertensionVisit(TODAY.minusDays(40), 152, 92);
    UUID wrongId = record(elderly, wrong);
    Map<String, Object> corrected = FollowUpSamples.copyWithNewId(wrong);
    corrected.put("systolic", 136);
    TestApi.Response amend =
        api.post(
            "doc1",
            "/api/v1/follow-ups/" + wrongId + "/amend",
            FollowUpSamples.amendment(corrected, "血压抄错"));
    assertThat(amend.status()).isEqualTo(201);
    amendedVisit = wrongId;
    voidedVisit = record(elderly, FollowUpSamples.hypertensionVisit(TODAY.minusDays(10), 130, 80));
    TestApi.Response voided =
        api.post(
            "doc1", "/api/v1/follow-ups/" + voidedVisit + "/void", Map.of("reason", "录入了错误的患者"));
    assertThat(voided.status()).isEqualTo(200);

    diabetic =
        created(api.post("doc2", "/api/v1/patients", PatientSamples.diabetic(TestArea.VILLAGE_2)));
    record("doc2", diabetic, FollowUpSamples.diabetesVisit(TODAY.minusDays(30), 8.4));

    // Sign in first: a sign-in writes a LOGIN row, which the audit assertions must not see.
    for (String user : List.of("sup1", "sup2", "admin1")) {
      session(user);
    }
    township2Patient =
        created(
            api.post("doc3", "/api/v1/patients", PatientSamples.hypertensive(TestArea.VILLAGE_3)));
  }

  // ---- audit of the JSON reads

  @Test
  void supervisorJsonRead_ofPatientAndFollowUps_isAudited() {
    long before = audit.lastId();
    assertThat(api.get("sup1", "/api/v1/patients/" + elderly).status()).isEqualTo(200);
    assertThat(api.get("sup1", "/api/v1/patients/" + elderly + "/follow-ups").status())
        .isEqualTo(200);
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(2);
    for (AuditRows.Row row : rows) {
      assertThat(row.action()).isEqualTo("PATIENT_VIEW");
      assertThat(row.username()).isEqualTo("sup1");
      assertThat(row.targetType()).isEqualTo("PATIENT");
      assertThat(row.targetId()).isEqualTo(elderly.toString());
      assertThat(row.remoteAddress()).isNotBlank();
    }
    assertThat(rows.get(0).detail()).contains("follow-ups");
  }

  @Test
  void doctorsOwnReads_areNotAudited() {
    long before = audit.lastId();
    assertThat(api.get("doc1", "/api/v1/patients/" + elderly).status()).isEqualTo(200);
    assertThat(api.get("doc1", "/api/v1/patients/" + elderly + "/follow-ups").status())
        .isEqualTo(200);
    assertThat(audit.after(before)).isEmpty();
  }

  @Test
  void otherTownship_isRefusedOnPageAndJson_andNothingIsAudited() {
    long before = audit.lastId();
    assertThat(api.get("sup2", "/api/v1/patients/" + elderly).status()).isEqualTo(403);
    assertThat(api.get("sup2", "/api/v1/patients/" + elderly + "/follow-ups").status())
        .isEqualTo(403);
    assertThat(page("sup2", elderly).statusCode()).isEqualTo(403);
    assertThat(audit.after(before)).isEmpty();
  }

  @Test
  void doctors_areRefusedThePage() {
    // Doctors cannot sign in to the dashboard; with their bearer token the page answers 403 too.
    assertThat(api.get("doc1", "/dashboard/patients/" + elderly).status()).isEqualTo(403);
  }

  @Test
  void unknownPatient_is404() {
    assertThat(page("sup1", UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  // ---- the page (needs the web shell's layout)

  @Test
  void page_showsDemographicsTimelineAndCharts_andIsAudited() {
    long before = audit.lastId();
    java.net.http.HttpResponse<String> r = page("sup1", elderly);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String html = r.body();
    assertThat(html)
        .contains("王建国")
        .contains(elderlyResidentId.substring(0, 6) + "********" + elderlyResidentId.substring(14))
        .doesNotContain(elderlyResidentId)
        .contains("id=\"bp-chart\"")
        .contains("id=\"glucose-chart\"")
        .contains("data-field=\"systolic\"")
        // The correction shows, with its reason and the struck-through original.
        .contains("血压抄错")
        .contains("data-visit=\"" + amendedVisit + "\"")
        .contains("<del>152</del>")
        // The void, its reason and who voided it.
        .contains("data-state=\"VOIDED\"")
        .contains("录入了错误的患者")
        // The elderly target of the chart: 150/90 at 68.
        .contains("\"targetSystolic\":150");
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).action()).isEqualTo("PATIENT_VIEW");
    assertThat(rows.get(0).targetId()).isEqualTo(elderly.toString());
    assertThat(rows.get(0).detail()).contains("page");
  }

  @Test
  void showForm_revealsTheFullResidentId_andIsAudited() {
    PageSession s = session("sup1");
    String token = PageSession.csrfToken(s.get("/dashboard/patients/" + elderly));
    long before = audit.lastId();
    java.net.http.HttpResponse<String> r =
        s.postForm("/dashboard/patients/" + elderly + "/resident-id", Map.of("csrfToken", token));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains(elderlyResidentId);
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).action()).isEqualTo("PATIENT_VIEW");
    assertThat(rows.get(0).detail()).contains("in full");
    assertThat(rows.get(0).remoteAddress()).isNotBlank();
  }

  @Test
  void showForm_withoutCsrfToken_isRefused() {
    long before = audit.lastId();
    java.net.http.HttpResponse<String> r =
        session("sup1").postForm("/dashboard/patients/" + elderly + "/resident-id", Map.of());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).doesNotContain(elderlyResidentId);
    assertThat(audit.after(before)).isEmpty();
  }

  @Test
  void page_diabeticChart_hasGlucoseWithTarget() {
    String html = page("admin1", diabetic).body();
    assertThat(html).contains("\"glucose\":[{\"date\":").contains("\"glucoseTarget\":7.0");
  }

  @Test
  void page_mergedDuplicate_redirectsToTheSurvivor() {
    UUID dup =
        created(
            api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(TestArea.VILLAGE_1)));
    transactions.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status ->
            jdbc.prepareStatement(
                "UPDATE patient SET merged_into = ? WHERE id = ?",
                ps -> {
                  ps.setObject(1, elderly);
                  ps.setObject(2, dup);
                  return ps.executeUpdate();
                }));
    java.net.http.HttpResponse<String> r = page("sup1", dup);
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).contains("/dashboard/patients/" + elderly);
  }

  // ---- helpers

  private java.net.http.HttpResponse<String> page(String user, UUID id) {
    return session(user).get("/dashboard/patients/" + id);
  }

  private PageSession session(String user) {
    return sessions.computeIfAbsent(
        user,
        u -> {
          PageSession s = new PageSession(server.getURL());
          java.net.http.HttpResponse<String> r = s.login(u, TestAuth.PASSWORD, "/dashboard");
          assertThat(r.statusCode()).as(u + " login: " + r.body()).isEqualTo(303);
          return s;
        });
  }

  private UUID record(UUID patient, Map<String, Object> form) {
    return record("doc1", patient, form);
  }

  private UUID record(String doctor, UUID patient, Map<String, Object> form) {
    TestApi.Response r = api.post(doctor, "/api/v1/patients/" + patient + "/follow-ups", form);
    return created(r);
  }

  private static UUID created(TestApi.Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return UUID.fromString((String) r.json().get("id"));
  }
}
