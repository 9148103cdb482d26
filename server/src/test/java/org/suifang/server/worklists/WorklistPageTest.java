package org.suifang.server.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.rules.Disease;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.worklists.WorklistFixtures.Visit;

/**
 * The worklist pages ({@code /dashboard/worklists/...}) through a signed-in browser session: tabs
 * and counts, filters, the masked CSV download, and the unmasked export through its confirmation
 * form, CSRF-protected and audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistPageTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject EmbeddedServer server;

  @Inject TestAuth auth;

  @Inject WorklistFixtures fixtures;

  @Inject AuditRows audit;

  final Map<String, PageSession> sessions = new HashMap<>();

  UUID village1Patient;

  UUID village2Patient;

  UUID township2Patient;

  @BeforeAll
  void seed() {
    auth.seedArea();
    for (String user : List.of("sup1", "sup2", "admin1")) {
      session(user);
    }
    // Never visited: overdue since the quarter started.
    village1Patient = fixtures.patient(TestArea.VILLAGE_1, "王大山", Disease.HYPERTENSION);
    village2Patient = fixtures.patient(TestArea.VILLAGE_2, "李小河", Disease.HYPERTENSION);
    township2Patient = fixtures.patient(TestArea.VILLAGE_3, "钱西岭", Disease.HYPERTENSION);
    fixtures.visit(village1Patient, Visit.htn(TODAY, 185, 100));
  }

  @Test
  void listPage_showsTabsCountsAndPatientsOfTheTownship() {
    HttpResponse<String> r = session("sup1").get("/dashboard/worklists/overdue");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("data-tab=\"overdue\"", "data-tab=\"referrals\"")
        .contains("data-tab=\"danger-signs\"", "data-tab=\"at-risk\"")
        .contains("李小河")
        .contains("href=\"/dashboard/patients/" + village2Patient + "\"")
        .doesNotContain("钱西岭")
        .contains("/dashboard/worklists/overdue/export.csv")
        .contains("/dashboard/worklists/overdue/export-unmasked");
    HttpResponse<String> danger = session("sup1").get("/dashboard/worklists/danger-signs");
    assertThat(danger.body()).contains("王大山").contains("收缩压≥180mmHg");
  }

  @Test
  void listPage_villageFilter() {
    HttpResponse<String> r =
        session("sup1").get("/dashboard/worklists/overdue?village=" + TestArea.VILLAGE_1);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("李小河");
  }

  @Test
  void otherTownship_isRefused_onPagesAndDownloads() {
    PageSession s = session("sup2");
    assertThat(s.get("/dashboard/worklists/overdue?village=" + TestArea.VILLAGE_1).statusCode())
        .isEqualTo(403);
    assertThat(
            s.get("/dashboard/worklists/overdue/export.csv?village=" + TestArea.VILLAGE_1)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            s.get("/dashboard/worklists/overdue/export-unmasked?village=" + TestArea.VILLAGE_1)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> own = s.get("/dashboard/worklists/overdue");
    assertThat(own.body()).contains("钱西岭").doesNotContain("李小河").doesNotContain("王大山");
    assertThat(s.get("/dashboard/patients/" + village2Patient).statusCode()).isEqualTo(403);
  }

  @Test
  void unknownList_is404() {
    assertThat(session("sup1").get("/dashboard/worklists/nonsense").statusCode()).isEqualTo(404);
  }

  @Test
  void csvDownload_isMasked_andAudited() throws IOException {
    long before = audit.lastId();
    HttpResponse<String> r = session("sup1").get("/dashboard/worklists/overdue/export.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(r.body()).startsWith("\uFEFF");
    CSVRecord row = row(r.body(), "李小河");
    assertThat(row.get(4)).matches("130123\\*{8}\\d{3}[0-9X]");
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).extracting(AuditRows.Row::action).containsExactly("EXPORT");
    assertThat(rows.get(0).username()).isEqualTo("sup1");
    assertThat(rows.get(0).detail()).contains("list=overdue", "format=csv", "unmasked=false");
  }

  @Test
  void unmaskedExport_needsConfirmationAndCsrf_andIsAudited() throws IOException {
    PageSession s = session("sup1");
    HttpResponse<String> confirm =
        s.get("/dashboard/worklists/overdue/export-unmasked?village=" + TestArea.VILLAGE_2);
    assertThat(confirm.statusCode()).isEqualTo(200);
    String token = PageSession.csrfToken(confirm);
    long before = audit.lastId();

    // Without the CSRF token, or without the confirmation, nothing is exported.
    assertThat(
            s.postForm(
                    "/dashboard/worklists/overdue/export-unmasked",
                    Map.of("confirm", "yes", "village", TestArea.VILLAGE_2))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            s.postForm(
                    "/dashboard/worklists/overdue/export-unmasked",
                    Map.of("csrfToken", token, "village", TestArea.VILLAGE_2))
                .statusCode())
        .isEqualTo(400);
    assertThat(audit.after(before)).isEmpty();

    HttpResponse<String> r =
        s.postForm(
            "/dashboard/worklists/overdue/export-unmasked",
            Map.of(
                "csrfToken", token,
                "confirm", "yes",
                "village", TestArea.VILLAGE_2,
                "doctor", "",
                "date", ""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(row(r.body(), "李小河").get(4)).matches("130123\\d{11}[0-9X]");
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).extracting(AuditRows.Row::action).containsExactly("EXPORT_UNMASKED");
    assertThat(rows.get(0).detail())
        .contains("list=overdue", "village=" + TestArea.VILLAGE_2, "unmasked=true");
    assertThat(rows.get(0).remoteAddress()).isNotBlank();
  }

  private PageSession session(String user) {
    return sessions.computeIfAbsent(
        user,
        u -> {
          PageSession s = new PageSession(server.getURL());
          HttpResponse<String> r = s.login(u, TestAuth.PASSWORD, "/dashboard");
          assertThat(r.statusCode()).as(u + " login: " + r.body()).isEqualTo(303);
          return s;
        });
  }

  private static CSVRecord row(String csv, String name) throws IOException {
    List<CSVRecord> records =
        CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
    assertThat(records.get(0).get(1)).isEqualTo("姓名/Name");
    return records.stream()
        .filter(r -> r.get(1).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in the CSV"));
  }
}
