package org.suifang.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.DashboardBrowser;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The overview in a real Chromium: sign in as sup1, pick the year 2026 grouped by village, check
 * the 规范管理率 shown against the JSON API, see the trend chart drawn, download the CSV and parse it.
 * Screenshot: target/screenshots/overview-sup1.png. Data: {@link IndicatorDataset}.
 */
@Tag("browser")
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserTest {

  @Inject EmbeddedServer server;

  @Inject IndicatorDataset dataset;

  @Inject TestApi api;

  @BeforeAll
  void seed() {
    dataset.seed();
  }

  @Test
  void supervisor_readsTheOverview_figureMatchesTheApi_downloadsTheCsv() throws IOException {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      assertThat(page.textContent(".mainnav a.active")).isEqualTo("概览");
      page.selectOption("#overview-period", "2026");
      page.selectOption("#overview-group-by", "village");
      page.waitForNavigation(() -> page.click(".overview-filters button[type=submit]"));
      assertThat(page.url()).contains("period=2026").contains("groupBy=village");
      page.waitForSelector("#overview-trend-chart[data-rendered=true] canvas");

      String shown =
          page.textContent("tr[data-row=total] td[data-figure='hypertension.standardRate'] .value");
      TestApi.Response json =
          api.get(
              "sup1",
              "/api/v1/reports/indicators?period=2026&area="
                  + TestArea.TOWNSHIP_1
                  + "&groupBy=village");
      BigDecimal api = new BigDecimal(json.at("totals.hypertension.standardRate").toString());
      assertThat(new BigDecimal(shown.strip().replace("%", ""))).isEqualByComparingTo(api);
      assertThat(shown.strip()).isEqualTo("50.0%");
      assertThat(
              page.textContent(
                  "tr[data-row='"
                      + TestArea.VILLAGE_1
                      + "'] td[data-figure='hypertension.visits']"))
          .contains("17/26")
          .contains("面对面随访完成数 ÷ 应随访数 = 17 ÷ 26");
      DashboardBrowser.screenshot(page, "overview-sup1");

      Download download = page.waitForDownload(() -> page.click("#overview-csv"));
      byte[] bytes = Files.readAllBytes(download.path());
      assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
      List<CSVRecord> records;
      try (Reader reader =
              new java.io.StringReader(
                  new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
          CSVParser parser =
              CSVParser.parse(
                  reader,
                  CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
        records = parser.getRecords();
      }
      CSVRecord total = records.get(records.size() - 1);
      assertThat(total.get("key")).isEqualTo("total");
      assertThat(new BigDecimal(total.get("高血压 standardRate"))).isEqualByComparingTo(api);
    } finally {
      page.context().close();
    }
  }

  @Test
  void english_showsEnglishFormulas() {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      page.waitForNavigation(() -> page.click("#lang-switch"));
      page.navigate(
          DashboardBrowser.url(server.getURL(), "/dashboard?period=2026Q3&groupBy=village"));
      assertThat(page.textContent("h1")).isEqualTo("Chronic-disease management indicators");
      assertThat(
              page.textContent(
                  "tr[data-row=total] td[data-figure='hypertension.standardRate'] .formula"))
          .isEqualTo("patients managed to standard ÷ patients under management = 5 ÷ 8");
      DashboardBrowser.screenshot(page, "overview-sup1-en");
    } finally {
      page.context().close();
    }
  }
}
