package org.suifang.server.reports;

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
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The CSV export against the JSON, the error codes of bad parameters, and access: a supervisor of
 * township 2 sees nothing of township 1, and doctors see no report. Data: {@link IndicatorDataset}.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorExportTest {

  @Inject IndicatorDataset dataset;

  @Inject TestApi api;

  @Inject TestAuth auth;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TransactionOperations<Connection> transactions;

  @BeforeAll
  void seed() {
    dataset.seed();
  }

  @Test
  void csv_sameFiguresAsJson_withBomAndAudit() throws IOException {
    String query = "?period=2026&area=" + TestArea.TOWNSHIP_1 + "&groupBy=village";
    long auditBefore = exports();
    HttpResponse<byte[]> response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/api/v1/reports/indicators.csv" + query)
                    .bearerAuth(auth.login("sup1")),
                byte[].class);
    assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
    assertThat(response.header("Content-Disposition"))
        .contains("indicators-2026-" + TestArea.TOWNSHIP_1 + "-village.csv");
    byte[] bytes = response.body();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      records = parser.getRecords();
    }
    assertThat(exports()).isEqualTo(auditBefore + 1);

    TestApi.Response json = api.get("sup1", "/api/v1/reports/indicators" + query);
    List<Map<String, Object>> rows = new ArrayList<>(IndicatorTest.rows(json).values());
    rows.add(json.json().get("totals") instanceof Map<?, ?> m ? cast(m) : null);
    assertThat(records).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(csvFigures(records.get(i), "高血压"))
          .as("row " + i)
          .isEqualTo(IndicatorTest.figures(rows.get(i), "hypertension"));
      assertThat(csvFigures(records.get(i), "2型糖尿病"))
          .isEqualTo(IndicatorTest.figures(rows.get(i), "diabetes"));
      assertThat(records.get(i).get("key")).isEqualTo(rows.get(i).get("key"));
      assertThat(records.get(i).get("pendingChanges"))
          .isEqualTo(
              String.valueOf(((Map<?, ?>) rows.get(i).get("freshness")).get("pendingChanges")));
    }
    assertThat(records.get(0).get("名称")).isEqualTo("东关村");
  }

  @Test
  void otherTownship_isForbiddenEverywhere() {
    for (String area : List.of(TestArea.TOWNSHIP_1, TestArea.VILLAGE_1, TestArea.COUNTY)) {
      for (String path :
          List.of(
              "/api/v1/reports/indicators?period=2026&area=",
              "/api/v1/reports/indicators.csv?period=2026&area=",
              "/api/v1/reports/indicators/trend?period=2026&area=")) {
        TestApi.Response r = api.get("sup2", path + area);
        assertThat(r.status()).as(path + area).isEqualTo(403);
        assertThat(r.at("code")).isEqualTo("FORBIDDEN");
      }
    }
    // By default sup2 gets township 2, and nothing of township 1 appears in it.
    TestApi.Response own = api.get("sup2", "/api/v1/reports/indicators?period=2026&groupBy=doctor");
    assertThat(own.status()).isEqualTo(200);
    assertThat(IndicatorTest.rows(own).keySet())
        .containsExactly(dataset.area().userId("doc3").toString());
    assertThat(own.at("totals.hypertension.managed")).isEqualTo(1);
    // The administrator may look at any township or village of the county.
    assertThat(api.get("admin1", "/api/v1/reports/indicators?area=" + TestArea.VILLAGE_1).status())
        .isEqualTo(200);
  }

  @Test
  void doctors_areRefused() {
    for (String path :
        List.of(
            "/api/v1/reports/indicators",
            "/api/v1/reports/indicators.csv",
            "/api/v1/reports/indicators/trend",
            "/api/v1/reports/indicators?area=" + TestArea.VILLAGE_1)) {
      assertThat(api.get("doc1", path).status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void badParameters_answer400WithAStableCode() {
    Map<String, String> cases =
        Map.of(
            "period=2026Q5", "REPORT_PERIOD_INVALID",
            "period=26Q1", "REPORT_PERIOD_INVALID",
            "period=2990", "REPORT_PERIOD_INVALID",
            "area=abc", "REPORT_AREA_INVALID",
            "area=130123999000", "REPORT_AREA_INVALID",
            "groupBy=county", "REPORT_GROUP_BY_INVALID");
    cases.forEach(
        (query, code) -> {
          for (String path :
              List.of("/api/v1/reports/indicators?", "/api/v1/reports/indicators.csv?")) {
            TestApi.Response r = api.get("sup1", path + query);
            assertThat(r.status()).as(path + query).isEqualTo(400);
            assertThat(r.at("code")).as(path + query).isEqualTo(code);
          }
        });
  }

  @Test
  void unauthenticated_is401() {
    HttpClientResponseException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            HttpClientResponseException.class,
            () -> client.toBlocking().retrieve("/api/v1/reports/indicators"));
    assertThat(e.code()).isEqualTo(401);
  }

  /** Returns the CSV's figures of a disease in the form of {@link IndicatorTest#figures}. */
  private static String csvFigures(CSVRecord r, String label) {
    return r.get(label + " managed")
        + " "
        + r.get(label + " visitsDone")
        + "/"
        + r.get(label + " visitsDue")
        + " "
        + r.get(label + " standardManaged")
        + " ("
        + IndicatorTest.rate(blankToNull(r.get(label + " standardRate")))
        + ") "
        + r.get(label + " controlled")
        + " ("
        + IndicatorTest.rate(blankToNull(r.get(label + " controlRate")))
        + ")";
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private long exports() {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps =
                  status
                      .getConnection()
                      .prepareStatement(
                          "SELECT COUNT(*) FROM audit_log WHERE action = 'EXPORT'"
                              + " AND target_type = 'INDICATORS' AND username = 'sup1'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
