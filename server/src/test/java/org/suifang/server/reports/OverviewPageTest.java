package org.suifang.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The overview page over real HTTP: it shows the same figures as the JSON and the CSV (all three
 * parsed here), with each figure's formula and the rows' freshness, and it refuses doctors and
 * other townships. Data: {@link IndicatorDataset}.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageTest {

  private static final Pattern ROW =
      Pattern.compile("<tr[^>]*data-row=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern FIGURE =
      Pattern.compile(
          "data-figure=\"([^\"]+)\"[^>]*>\\s*<span class=\"value\">([^<]*)</span>", Pattern.DOTALL);

  @Inject IndicatorDataset dataset;

  @Inject TestApi api;

  @Inject TestAuth auth;

  @Inject
  @Client("/")
  HttpClient client;

  @BeforeAll
  void seed() {
    dataset.seed();
  }

  @Test
  void page_csv_json_agree() throws IOException {
    for (String groupBy : List.of("village", "doctor", "township")) {
      for (String period : List.of("2026", "2026Q3")) {
        String query = "?period=" + period + "&area=" + TestArea.TOWNSHIP_1 + "&groupBy=" + groupBy;
        Map<String, String> page = pageFigures(page("sup1", "/dashboard" + query));
        Map<String, String> json =
            jsonFigures(api.get("sup1", "/api/v1/reports/indicators" + query));
        Map<String, String> csv = csvFigures(csv("sup1", "/api/v1/reports/indicators.csv" + query));
        assertThat(page).as(query).isEqualTo(json);
        assertThat(csv).as(query).isEqualTo(json);
      }
    }
  }

  @Test
  void page_showsFormulasFreshnessAndTrend() {
    String html =
        page("sup1", "/dashboard?period=2026&area=" + TestArea.TOWNSHIP_1 + "&groupBy=village");
    assertThat(html).contains("规范管理人数 ÷ 年内同期管理人数 = 4 ÷ 8");
    assertThat(html).contains("最近一次随访血压达标人数 ÷ 年内同期管理人数 = 3 ÷ 7");
    assertThat(html).contains("目标 70%");
    // doc1's tablet synced 2026-11-19T02:00Z, 10:00 in Beijing, with 3 changes pending.
    assertThat(html).contains("2026-11-19 10:00").contains("待上传 3 条");
    assertThat(html).contains("id=\"overview-trend\"").contains("\"quarter\":\"2026Q1\"");
    assertThat(html).contains("/webjars/echarts/5.2.2/dist/echarts.min.js");
    assertThat(html)
        .contains("/api/v1/reports/indicators.csv?period=2026&amp;area=" + TestArea.TOWNSHIP_1);
    assertThat(html).doesNotContain("西岭村");
  }

  @Test
  void page_otherTownshipAndDoctors_refused() {
    assertThat(status("sup2", "/dashboard?area=" + TestArea.TOWNSHIP_1)).isEqualTo(403);
    assertThat(status("sup2", "/dashboard?area=" + TestArea.VILLAGE_1)).isEqualTo(403);
    assertThat(status("doc1", "/dashboard")).isEqualTo(403);
    assertThat(status("sup1", "/dashboard?period=2026Q9")).isEqualTo(400);
    assertThat(status("sup1", "/dashboard?groupBy=county")).isEqualTo(400);
    String own = page("sup2", "/dashboard?period=2026");
    assertThat(own).contains("西岭村").doesNotContain("东关村").doesNotContain("南街村");
  }

  private String page(String user, String path) {
    HttpResponse<String> r =
        client
            .toBlocking()
            .exchange(HttpRequest.GET(path).bearerAuth(auth.login(user)), String.class);
    assertThat(r.code()).isEqualTo(200);
    return r.body();
  }

  private int status(String user, String path) {
    try {
      return client
          .toBlocking()
          .exchange(HttpRequest.GET(path).bearerAuth(auth.login(user)), String.class)
          .code();
    } catch (HttpClientResponseException e) {
      return e.code();
    }
  }

  private String csv(String user, String path) {
    byte[] bytes =
        client
            .toBlocking()
            .retrieve(HttpRequest.GET(path).bearerAuth(auth.login(user)), byte[].class);
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }

  /** Row key → "managed visits standardRate controlRate healthRate" per disease, from the page. */
  private static Map<String, String> pageFigures(String html) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Map<String, String> cells = new LinkedHashMap<>();
      Matcher f = FIGURE.matcher(row.group(2));
      while (f.find()) {
        cells.put(f.group(1), f.group(2).strip().replace("%", "").replace("—", "-"));
      }
      List<String> parts = new ArrayList<>();
      for (String d : List.of("hypertension", "diabetes")) {
        for (String figure :
            List.of("managed", "visits", "standardRate", "controlRate", "healthManagementRate")) {
          parts.add(cells.get(d + "." + figure));
        }
      }
      out.put(row.group(1), String.join(" ", parts));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> jsonFigures(TestApi.Response r) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) r.at("rows"));
    rows.add((Map<String, Object>) r.at("totals"));
    for (Map<String, Object> row : rows) {
      List<String> parts = new ArrayList<>();
      for (String d : List.of("hypertension", "diabetes")) {
        Map<String, Object> f = (Map<String, Object>) row.get(d);
        parts.add(String.valueOf(f.get("managed")));
        parts.add(f.get("visitsDone") + "/" + f.get("visitsDue"));
        parts.add(rate(f.get("standardRate")));
        parts.add(rate(f.get("controlRate")));
        parts.add(rate(f.get("healthManagementRate")));
      }
      out.put((String) row.get("key"), String.join(" ", parts));
    }
    return out;
  }

  private static Map<String, String> csvFigures(String text) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : parser.getRecords()) {
        List<String> parts = new ArrayList<>();
        for (String label : List.of("高血压", "2型糖尿病")) {
          parts.add(r.get(label + " managed"));
          parts.add(r.get(label + " visitsDone") + "/" + r.get(label + " visitsDue"));
          parts.add(rate(r.get(label + " standardRate")));
          parts.add(rate(r.get(label + " controlRate")));
          parts.add(rate(r.get(label + " healthManagementRate")));
        }
        out.put(r.get("key"), String.join(" ", parts));
      }
    }
    return out;
  }

  private static String rate(Object value) {
    if (value == null || value.toString().isEmpty()) {
      return "-";
    }
    return new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
