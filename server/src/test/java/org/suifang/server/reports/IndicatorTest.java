package org.suifang.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;

/**
 * The indicators against figures computed by hand from {@link IndicatorDataset} (read its table
 * first), over real HTTP and a real database, with the default settings: pro-rated, quarterly
 * spacing, phone visits not counted, terminated-in-period patients out of the denominator.
 *
 * <p>Figures are written {@code managed done/due standard (rate) controlled (rate)}.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTest {

  @Inject IndicatorDataset dataset;

  @Inject TestApi api;

  Map<String, UUID> ids;

  @BeforeAll
  void seed() {
    ids = dataset.seed();
  }

  @Test
  void year_byVillage_matchesHandComputedFigures() {
    TestApi.Response r = api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=village");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("period")).isEqualTo("2026");
    assertThat(r.at("area.code")).isEqualTo(TestArea.TOWNSHIP_1);
    Map<String, Map<String, Object>> rows = rows(r);
    assertThat(rows.keySet()).containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2);

    // Village 1, hypertension, year 2026 (quarters Q1-Q4 all begun by 2026-11-20):
    //   A due 4 (registered 2025)       done 4  standard   latest 11-05 132/82 controlled
    //   B due 2 (registered 07-15: Q3,Q4) done 2 (07-20, 10-15 HOME) standard
    //                                    latest 10-15 142/88: not controlled (<65: 140/90)
    //   C due 4 done 0 (phone only)     not standard, no face-to-face visit: not controlled
    //   D due 4 done 4 standard; lost to follow-up since 10-20 (before 12-31): not controlled
    //   E terminated 06-20, within the year: out of the denominator
    //   F due 4 done 4 standard; 71 years old, 145/85 is below 150/90: controlled
    //   G due 4 done 3 (08-20 voided, 11-10 superseded by its amendment dated 11-02);
    //     Q3 has no visit: not standard; latest 11-02 138/86: controlled
    //   H merged into A: left out
    //   M due 4 done 0: neither
    // managed 7 (A B C D F G M), done 4+2+0+4+4+3+0 = 17, due 4+2+4+4+4+4+4 = 26,
    // standard 4 (A B D F) = 57.1 %, controlled 3 (A F G) = 42.9 %.
    assertThat(figures(rows.get(TestArea.VILLAGE_1), "hypertension"))
        .isEqualTo("7 17/26 4 (57.1) 3 (42.9)");
    // Village 1 has no diabetic patient: no rate.
    assertThat(figures(rows.get(TestArea.VILLAGE_1), "diabetes"))
        .isEqualTo("0 0/0 0 (null) 0 (null)");
    // Village 2, hypertension: J due 4, done 2 (03-15, 08-15): not standard; 08-15 130/80
    // controlled.
    assertThat(figures(rows.get(TestArea.VILLAGE_2), "hypertension"))
        .isEqualTo("1 2/4 0 (0.0) 1 (100.0)");
    // Village 2, diabetes: I done 4 of 4, standard; latest 11-10 FPG 7.5 not below 7: not
    // controlled. J done 3 of 4 (the 09-01 phone call does not count), Q2 missing: not standard;
    // latest face-to-face 10-20 FPG 6.1: controlled. managed 2, 7/8, standard 1, controlled 1.
    assertThat(figures(rows.get(TestArea.VILLAGE_2), "diabetes"))
        .isEqualTo("2 7/8 1 (50.0) 1 (50.0)");
    // Township 1 totals: hypertension 7+1 = 8 managed, 17+2 = 19 of 26+4 = 30, standard 4,
    // controlled 3+1 = 4.
    assertThat(figures(r.json().get("totals"), "hypertension"))
        .isEqualTo("8 19/30 4 (50.0) 4 (50.0)");
    assertThat(figures(r.json().get("totals"), "diabetes")).isEqualTo("2 7/8 1 (50.0) 1 (50.0)");
    assertThat(r.at("totals.hypertension.standardTarget")).isEqualTo(70);
    assertThat(r.at("totals.hypertension.formulas.standardRate.zh"))
        .isEqualTo("规范管理人数 ÷ 年内同期管理人数 = 4 ÷ 8");
    assertThat(r.at("totals.diabetes.formulas.controlRate.en"))
        .isEqualTo(
            "patients with fasting glucose at target at the latest visit ÷ patients under"
                + " management = 1 ÷ 2");
  }

  @Test
  void quarter_byVillage_matchesHandComputedFigures() {
    TestApi.Response r =
        api.get(
            "sup1",
            "/api/v1/reports/indicators?period=2026Q3&area="
                + TestArea.TOWNSHIP_1
                + "&groupBy=village");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("periodStart")).isEqualTo("2026-07-01");
    assertThat(r.at("periodEnd")).isEqualTo("2026-09-30");
    Map<String, Map<String, Object>> rows = rows(r);
    // Village 1, hypertension, 2026Q3; one visit due per managed patient:
    //   A 08-10 135/85 done, controlled     B registered 07-15 (in Q3): 07-20 128/78 done,
    // controlled
    //   C phone 08-15 only: neither         D 08-01 130/80 done; lost only from 10-20: controlled
    //   E terminated 06-20, before Q3: out  F 09-01 145/85 done, controlled (71 years old)
    //   G 08-20 voided: neither             M: neither
    // managed 7, done 4 of 7, standard 4 = 57.1 %, controlled 4 = 57.1 %.
    assertThat(figures(rows.get(TestArea.VILLAGE_1), "hypertension"))
        .isEqualTo("7 4/7 4 (57.1) 4 (57.1)");
    // Village 2: J 08-15 done, controlled. Diabetes: I 09-10 FPG 6.8 and J 08-15 FPG 6.2 (the
    // later 09-01 call is not face-to-face), both done and controlled.
    assertThat(figures(rows.get(TestArea.VILLAGE_2), "hypertension"))
        .isEqualTo("1 1/1 1 (100.0) 1 (100.0)");
    assertThat(figures(rows.get(TestArea.VILLAGE_2), "diabetes"))
        .isEqualTo("2 2/2 2 (100.0) 2 (100.0)");
  }

  @Test
  void byDoctor_patientBelongsToTheDoctorOfTheirLatestVisitByThePeriodEnd() {
    TestApi.Response year =
        api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=doctor");
    assertThat(year.status()).isEqualTo(200);
    Map<String, Map<String, Object>> rows = rows(year);
    String doc1 = dataset.area().userId("doc1").toString();
    String doc2 = dataset.area().userId("doc2").toString();
    String doc9 = ids.get("doc9").toString();
    assertThat(rows.keySet()).containsExactlyInAnyOrder(doc1, doc2, doc9);
    assertThat(rows.get(doc9).get("name")).isEqualTo("陈医生");
    // 2026: A's latest visit (11-05) was signed by doc9; M, never visited, belongs to doc1 who
    // registered them. doc1: B C D F G M: managed 6, done 2+0+4+4+3+0 = 13 of 2+4*5 = 22,
    // standard 3 (B D F), controlled 2 (F G).
    assertThat(figures(rows.get(doc1), "hypertension")).isEqualTo("6 13/22 3 (50.0) 2 (33.3)");
    assertThat(figures(rows.get(doc9), "hypertension")).isEqualTo("1 4/4 1 (100.0) 1 (100.0)");
    assertThat(figures(rows.get(doc2), "diabetes")).isEqualTo("2 7/8 1 (50.0) 1 (50.0)");

    // 2026Q3: A's latest visit by 09-30 is doc1's of 08-10, so doc9 has nobody.
    Map<String, Map<String, Object>> q3 =
        rows(api.get("sup1", "/api/v1/reports/indicators?period=2026Q3&groupBy=doctor"));
    assertThat(figures(q3.get(doc1), "hypertension")).isEqualTo("7 4/7 4 (57.1) 4 (57.1)");
    assertThat(figures(q3.get(doc9), "hypertension")).isEqualTo("0 0/0 0 (null) 0 (null)");
  }

  @Test
  void byTownship_asAdministrator_coversTheCounty() {
    TestApi.Response r = api.get("admin1", "/api/v1/reports/indicators?period=2026");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("groupBy")).isEqualTo("township");
    assertThat(r.at("area.code")).isEqualTo(TestArea.COUNTY);
    Map<String, Map<String, Object>> rows = rows(r);
    assertThat(rows.keySet()).containsExactly(TestArea.TOWNSHIP_1, TestArea.TOWNSHIP_2);
    assertThat(figures(rows.get(TestArea.TOWNSHIP_1), "hypertension"))
        .isEqualTo("8 19/30 4 (50.0) 4 (50.0)");
    // K: due 4, one visit (08-05 130/80): not standard, controlled.
    assertThat(figures(rows.get(TestArea.TOWNSHIP_2), "hypertension"))
        .isEqualTo("1 1/4 0 (0.0) 1 (100.0)");
    assertThat(figures(r.json().get("totals"), "hypertension"))
        .isEqualTo("9 20/34 4 (44.4) 5 (55.6)");
  }

  @Test
  void freshness_comesFromTheTabletsOfTheRowsDoctors() {
    TestApi.Response r = api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=village");
    // Village 1: doc1's tablet; doc9 works there too but has none. The township: doc1's and
    // doc2's tablets.
    assertThat(r.at("rows.0.freshness.devices")).isEqualTo(1);
    assertThat(r.at("rows.0.freshness.doctorsWithoutDevice")).isEqualTo(1);
    assertThat(r.at("rows.0.freshness.newestSyncAt"))
        .isEqualTo(IndicatorDataset.DOC1_SYNC.toString());
    assertThat(r.at("rows.0.freshness.pendingChanges")).isEqualTo(3);
    assertThat(r.at("totals.freshness.devices")).isEqualTo(2);
    assertThat(r.at("totals.freshness.oldestSyncAt"))
        .isEqualTo(IndicatorDataset.DOC2_SYNC.toString());
    assertThat(r.at("totals.freshness.newestSyncAt"))
        .isEqualTo(IndicatorDataset.DOC1_SYNC.toString());
    assertThat(r.at("totals.freshness.pendingChanges")).isEqualTo(4);
    // A doctor row: the tablets of the doctor's own villages.
    TestApi.Response byDoctor =
        api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=doctor");
    assertThat(rows(byDoctor).get(dataset.area().userId("doc2").toString()).get("freshness"))
        .extracting("devices", "pendingChanges")
        .containsExactly(1, 1);
    // Township 2: doc3's tablet never synced, so it is stale and has no sync time.
    TestApi.Response t2 = api.get("sup2", "/api/v1/reports/indicators?period=2026");
    assertThat(t2.at("totals.freshness.devices")).isEqualTo(1);
    assertThat(t2.at("totals.freshness.staleDevices")).isEqualTo(1);
    assertThat(t2.at("totals.freshness.oldestSyncAt")).isNull();
  }

  @Test
  void healthManagementRate_needsAnEstimate() {
    TestApi.Response before =
        api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=township");
    assertThat(before.at("totals.hypertension.healthManagementRate")).isNull();
    assertThat(
            api.put(
                    "sup1",
                    "/api/v1/admin/population-estimates/" + TestArea.TOWNSHIP_1 + "/2026",
                    Map.of("hypertension", 20, "diabetes", 8))
                .status())
        .isEqualTo(403);
    assertThat(
            api.put(
                    "admin1",
                    "/api/v1/admin/population-estimates/" + TestArea.TOWNSHIP_1 + "/2026",
                    Map.of("hypertension", 0))
                .status())
        .isEqualTo(400);
    assertThat(
            api.put(
                    "admin1",
                    "/api/v1/admin/population-estimates/" + TestArea.VILLAGE_1 + "/2026",
                    Map.of("hypertension", 20))
                .at("code"))
        .isEqualTo("ESTIMATE_TOWNSHIP_NOT_FOUND");
    TestApi.Response put =
        api.put(
            "admin1",
            "/api/v1/admin/population-estimates/" + TestArea.TOWNSHIP_1 + "/2026",
            Map.of("hypertension", 20, "diabetes", 8));
    assertThat(put.status()).isEqualTo(200);
    assertThat(api.get("sup1", "/api/v1/admin/population-estimates?year=2026").at("0.hypertension"))
        .isEqualTo(20);
    assertThat(api.get("sup2", "/api/v1/admin/population-estimates").body()).isEqualTo(List.of());

    TestApi.Response after =
        api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=township");
    // 8 managed of an estimated 20 = 40.0 %; diabetes 2 of 8 = 25.0 %.
    assertThat(after.at("rows.0.hypertension.estimated")).isEqualTo(20);
    assertThat(after.at("rows.0.hypertension.healthManagementRate")).isEqualTo(40.0);
    assertThat(after.at("totals.diabetes.healthManagementRate")).isEqualTo(25.0);
    assertThat(after.at("totals.hypertension.formulas.healthManagementRate.zh"))
        .isEqualTo("年内同期管理人数 ÷ 辖区患者估计数 = 8 ÷ 20");
    // Villages have no estimate of their own.
    TestApi.Response villages =
        api.get("sup1", "/api/v1/reports/indicators?period=2026&groupBy=village");
    assertThat(villages.at("rows.0.hypertension.healthManagementRate")).isNull();
    assertThat(villages.at("totals.hypertension.healthManagementRate")).isEqualTo(40.0);
  }

  @Test
  void trend_fourQuartersEndingWithThePeriod() {
    TestApi.Response r = api.get("sup1", "/api/v1/reports/indicators/trend?period=2026");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("quarters.0.quarter")).isEqualTo("2026Q1");
    assertThat(r.at("quarters.3.quarter")).isEqualTo("2026Q4");
    // Q3 as the quarter report: 7 + 1 managed, 4 + 1 standard, 4 + 1 controlled.
    assertThat(figures(r.at("quarters.2"), "hypertension")).isEqualTo("8 5/8 5 (62.5) 5 (62.5)");
    // Q1: E (terminated 06-20, after Q1) is in; B (registered 07-15) is not. Visits in Q1: A E F
    // G D and J; C phoned; M none. managed 8 (A C D E F G M J), standard 6, controlled: A's
    // 02-10 150/95 is not, D E F G J are: 5.
    assertThat(figures(r.at("quarters.0"), "hypertension")).isEqualTo("8 6/8 6 (75.0) 5 (62.5)");
    assertThat(r.at("hypertensionTarget")).isEqualTo(70);
  }

  static Map<String, Map<String, Object>> rows(TestApi.Response r) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) r.at("rows");
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    list.forEach(row -> out.put((String) row.get("key"), row));
    return out;
  }

  /** Returns "managed done/due standard (rate) controlled (rate)" of a row's disease. */
  @SuppressWarnings("unchecked")
  static String figures(Object row, String disease) {
    Map<String, Object> f = (Map<String, Object>) ((Map<String, Object>) row).get(disease);
    return f.get("managed")
        + " "
        + f.get("visitsDone")
        + "/"
        + f.get("visitsDue")
        + " "
        + f.get("standardManaged")
        + " ("
        + rate(f.get("standardRate"))
        + ") "
        + f.get("controlled")
        + " ("
        + rate(f.get("controlRate"))
        + ")";
  }

  static String rate(Object value) {
    if (value == null) {
      return "null";
    }
    return new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
