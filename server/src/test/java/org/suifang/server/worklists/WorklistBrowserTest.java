package org.suifang.server.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.DashboardBrowser;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The worklist pages and the patient page in Debian's Chromium: open a patient chart (timeline and
 * both charts render), download a worklist CSV through the page and parse it, and export with full
 * ID numbers through the confirmation form. Each test saves a screenshot under {@code
 * server/target/screenshots/}.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject EmbeddedServer server;

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject AuditRows audit;

  UUID patient;

  String residentId;

  @BeforeAll
  void seed() {
    auth.seedArea();
    Map<String, Object> p = PatientSamples.withBoth(TestArea.VILLAGE_1);
    p.put("name", "赵国强");
    residentId = (String) p.get("residentId");
    TestApi.Response created = api.post("doc1", "/api/v1/patients", p);
    assertThat(created.status()).isEqualTo(201);
    patient = UUID.fromString((String) created.json().get("id"));
    // Last quarter or earlier only: the patient is overdue this quarter.
    LocalDate quarterStart =
        TODAY.withDayOfMonth(1).withMonth(((TODAY.getMonthValue() - 1) / 3) * 3 + 1);
    visit(FollowUpSamples.hypertensionVisit(quarterStart.minusDays(100), 152, 94));
    visit(FollowUpSamples.hypertensionVisit(quarterStart.minusDays(20), 138, 86));
    visit(FollowUpSamples.diabetesVisit(quarterStart.minusDays(100), 8.2));
    visit(FollowUpSamples.diabetesVisit(quarterStart.minusDays(20), 6.6));
  }

  @Test
  void patientChart_rendersTimelineAndBothCharts() {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      page.navigate(DashboardBrowser.url(server.getURL(), "/dashboard/patients/" + patient));
      page.waitForSelector("#bp-chart canvas");
      page.waitForSelector("#glucose-chart canvas");
      assertThat(page.locator("#bp-chart canvas").count()).isGreaterThan(0);
      assertThat(page.locator("#glucose-chart canvas").count()).isGreaterThan(0);
      assertThat(page.locator("article.visit").count()).isEqualTo(4);
      assertThat(page.locator("article.visit [data-field=systolic]").allTextContents())
          .contains("138", "152");
      assertThat(page.locator("article.visit [data-field=fastingGlucose]").allTextContents())
          .contains("6.6", "8.2");
      assertThat(page.locator("#resident-id").textContent())
          .isEqualTo(residentId.substring(0, 6) + "********" + residentId.substring(14));
      DashboardBrowser.screenshot(page, "patient-chart");

      // The "show" form reveals the full number.
      page.click("form.reveal button");
      page.waitForSelector("#resident-id");
      assertThat(page.locator("#resident-id").textContent()).isEqualTo(residentId);
    } finally {
      page.context().close();
    }
  }

  @Test
  void worklistCsv_downloadedThroughThePage_parses() throws IOException {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      page.navigate(DashboardBrowser.url(server.getURL(), "/dashboard/worklists/overdue"));
      page.waitForSelector("a.patient");
      assertThat(page.locator("a.patient", new Page.LocatorOptions().setHasText("赵国强")).count())
          .isEqualTo(1);
      DashboardBrowser.screenshot(page, "worklist-overdue");
      long before = audit.lastId();
      Download download = page.waitForDownload(() -> page.click("a.csv"));
      byte[] bytes = Files.readAllBytes(download.path());
      assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
      assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
      assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
      List<CSVRecord> records = parse(bytes);
      assertThat(records.get(0).get(1)).isEqualTo("姓名/Name");
      CSVRecord zhao =
          records.stream().filter(r -> r.get(1).equals("赵国强")).findFirst().orElseThrow();
      assertThat(zhao.get(4))
          .isEqualTo(residentId.substring(0, 6) + "********" + residentId.substring(14));
      assertThat(zhao.get(7)).isEqualTo("东关村");
      assertThat(audit.after(before)).extracting(AuditRows.Row::action).containsExactly("EXPORT");
    } finally {
      page.context().close();
    }
  }

  @Test
  void unmaskedCsv_needsTheConfirmationForm_andIsAudited() throws IOException {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      page.navigate(DashboardBrowser.url(server.getURL(), "/dashboard/worklists/overdue"));
      page.click("a.csv-unmasked");
      page.waitForSelector("form.confirm-unmasked");
      DashboardBrowser.screenshot(page, "worklist-confirm-unmasked");
      long before = audit.lastId();
      page.check("input[name=confirm]");
      Download download = page.waitForDownload(() -> page.click("form.confirm-unmasked button"));
      List<CSVRecord> records = parse(Files.readAllBytes(download.path()));
      CSVRecord zhao =
          records.stream().filter(r -> r.get(1).equals("赵国强")).findFirst().orElseThrow();
      assertThat(zhao.get(4)).isEqualTo(residentId);
      List<AuditRows.Row> rows = audit.after(before);
      assertThat(rows).extracting(AuditRows.Row::action).containsExactly("EXPORT_UNMASKED");
      assertThat(rows.get(0).username()).isEqualTo("sup1");
    } finally {
      page.context().close();
    }
  }

  private void visit(Map<String, Object> form) {
    TestApi.Response r = api.post("doc1", "/api/v1/patients/" + patient + "/follow-ups", form);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
  }

  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
  }
}
