package org.suifang.server.worklists;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.rules.Disease;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;
import org.suifang.server.worklists.WorklistFixtures.Visit;

/**
 * The supervisors' area worklists ({@code /api/v1/reports/worklists/...}) over real HTTP: the two
 * lists of their own (danger signs, at risk of missing the yearly count), the area scope and its
 * filters, masking of resident ID numbers, CSV exports and their audit rows. "Today" is {@link
 * #TODAY}, in the second month of the fourth quarter of 2026.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaWorklistTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

  /** 12:00 China Standard Time on {@link #TODAY}. */
  static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");

  /** A day of the previous year: patients registered then need all four visits in 2026. */
  static final Instant LAST_YEAR = Instant.parse("2025-06-01T04:00:00Z");

  /** 2026-08-10: patients registered then need ceil(4 × 5 / 12) = 2 visits in 2026. */
  static final Instant AUGUST = Instant.parse("2026-08-10T04:00:00Z");

  static final Disease HTN = Disease.HYPERTENSION;

  static final String BASE = "/api/v1/reports/worklists/";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject WorklistFixtures fixtures;

  @Inject FakeClock clock;

  @Inject AuditRows audit;

  final Map<String, String> tokens = new java.util.HashMap<>();

  UUID doc9;

  // Danger signs
  UUID dangerOpen;
  UUID dangerOnBoundary;
  UUID dangerTooOld;
  UUID dangerFollowedUp;
  UUID dangerVillage2;
  UUID dangerTownship2;
  // At risk
  UUID twoVisitsNoneThisQuarter;
  UUID fourVisits;
  UUID threeVisitsNoneThisQuarter;
  UUID enrolledInAugustOneVisit;
  UUID enrolledInAugustNoVisit;
  UUID phoneVisitsDoNotCount;
  // Doctor
  UUID lastSignedByDoc9;

  @BeforeAll
  void seed() {
    auth.seedArea();
    doc9 =
        auth.createUser(UserCommand.doctor("doc9", "周医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    // Tokens are checked against the real time: log in before the clock moves.
    for (String user : List.of("doc1", "doc2", "doc3", "doc9", "sup1", "sup2", "admin1")) {
      tokens.put(user, auth.login(user));
      api.get(user, "/api/v1/me");
    }

    clock.set(LAST_YEAR);
    twoVisitsNoneThisQuarter = fixtures.patient(TestArea.VILLAGE_1, "钱一", HTN);
    fourVisits = fixtures.patient(TestArea.VILLAGE_1, "钱二", HTN);
    threeVisitsNoneThisQuarter = fixtures.patient(TestArea.VILLAGE_1, "钱三", HTN);
    phoneVisitsDoNotCount = fixtures.patient(TestArea.VILLAGE_1, "钱六", HTN);
    clock.set(AUGUST);
    enrolledInAugustOneVisit = fixtures.patient(TestArea.VILLAGE_1, "钱四", HTN);
    enrolledInAugustNoVisit = fixtures.patient(TestArea.VILLAGE_2, "钱五", HTN);
    clock.set(NOW);

    visits(twoVisitsNoneThisQuarter, d(2026, 2, 10), d(2026, 5, 10));
    visits(fourVisits, d(2026, 2, 10), d(2026, 5, 10), d(2026, 8, 10), d(2026, 11, 2));
    visits(threeVisitsNoneThisQuarter, d(2026, 2, 10), d(2026, 5, 10), d(2026, 8, 10));
    visits(enrolledInAugustOneVisit, d(2026, 8, 12));
    visits(phoneVisitsDoNotCount, d(2026, 2, 10), d(2026, 5, 10), d(2026, 8, 10));
    fixtures.visit(phoneVisitsDoNotCount, Visit.phone(HTN, d(2026, 11, 2)));

    dangerOpen = fixtures.patient(TestArea.VILLAGE_1, "孙危一", HTN);
    fixtures.visit(dangerOpen, Visit.htn(d(2026, 11, 10), 185, 100));
    dangerOnBoundary = fixtures.patient(TestArea.VILLAGE_1, "孙危二", HTN);
    fixtures.visit(dangerOnBoundary, Visit.htn(d(2026, 11, 6), 186, 100));
    dangerTooOld = fixtures.patient(TestArea.VILLAGE_1, "孙危三", HTN);
    fixtures.visit(dangerTooOld, Visit.htn(d(2026, 11, 5), 187, 100));
    dangerFollowedUp = fixtures.patient(TestArea.VILLAGE_1, "孙危四", HTN);
    fixtures.visit(dangerFollowedUp, Visit.htn(d(2026, 11, 12), 188, 100));
    fixtures.visit(dangerFollowedUp, Visit.phone(HTN, d(2026, 11, 15)));
    dangerVillage2 = fixtures.patient(TestArea.VILLAGE_2, "孙危五", HTN);
    fixtures.visit(dangerVillage2, Visit.htn(d(2026, 11, 18), 185, 112));
    dangerTownship2 = fixtures.patient(TestArea.VILLAGE_3, "孙危六", HTN);
    fixtures.visit(dangerTownship2, Visit.htn(d(2026, 11, 18), 190, 100));

    // Registered by doc1; the latest visit is signed by doc9, another doctor of the village.
    lastSignedByDoc9 = fixtures.patient(TestArea.VILLAGE_1, "吴一", HTN);
    fixtures.visit(lastSignedByDoc9, Visit.htn(d(2026, 10, 10), 128, 82));
    TestApi.Response r =
        api.post(
            "doc9",
            "/api/v1/patients/" + lastSignedByDoc9 + "/follow-ups",
            Visit.htn(d(2026, 11, 11), 126, 80).form());
    assertThat(r.status()).isEqualTo(201);
  }

  @BeforeEach
  void resetClock() {
    clock.set(NOW);
  }

  // ---- danger signs

  @Test
  void dangerSigns_withinFourteenDays_listedWithLabelsAndOpenOnesFirst() {
    Map<String, Object> page = json("sup1", "danger-signs");
    List<String> ids = patientIds(page);
    assertThat(ids)
        .contains(dangerOpen.toString(), dangerOnBoundary.toString(), dangerFollowedUp.toString())
        .contains(dangerVillage2.toString())
        .doesNotContain(dangerTooOld.toString(), dangerTownship2.toString());
    // Open visits (no later visit) first, oldest first; then the followed-up one.
    assertThat(ids.indexOf(dangerOnBoundary.toString()))
        .isLessThan(ids.indexOf(dangerOpen.toString()));
    assertThat(ids.indexOf(dangerVillage2.toString()))
        .isLessThan(ids.indexOf(dangerFollowedUp.toString()));
    Map<String, Object> open = item(page, dangerOpen);
    assertThat(open)
        .containsEntry("visitDate", "2026-11-10")
        .containsEntry("disease", "HYPERTENSION")
        .containsEntry("urgentReferral", true)
        .containsEntry("laterVisit", false)
        .containsEntry("dueDate", "2026-11-24")
        .containsEntry("signedByName", "张医生");
    assertThat(maps(open.get("dangerSigns")))
        .containsExactly(
            Map.of(
                "code", "BLOOD_PRESSURE_VERY_HIGH",
                "labelZh", "收缩压≥180mmHg和（或）舒张压≥110mmHg",
                "labelEn", "Systolic BP ≥ 180 mmHg and/or diastolic BP ≥ 110 mmHg"));
    assertThat(item(page, dangerFollowedUp))
        .containsEntry("laterVisit", true)
        .containsEntry("laterVisitDate", "2026-11-15");
    assertThat(page).containsEntry("total", 4);
  }

  @Test
  void dangerSigns_dayBefore_includesTheVisitFifteenDaysBack() {
    Map<String, Object> page = json("sup1", "danger-signs", "date=2026-11-19");
    assertThat(patientIds(page)).contains(dangerTooOld.toString());
    // The followed-up visit's follow-up is dated 11-15, before the reference date: still later.
    Map<String, Object> before = json("sup1", "danger-signs", "date=2026-11-14");
    assertThat(item(before, dangerFollowedUp)).containsEntry("laterVisit", false);
  }

  // ---- at risk

  @Test
  void atRisk_cannotReachFourVisits_listedWithShortfall() {
    Map<String, Object> page = json("sup1", "at-risk");
    Map<String, Object> disease = only(item(page, twoVisitsNoneThisQuarter));
    assertThat(disease)
        .containsEntry("required", 4)
        .containsEntry("done", 2)
        .containsEntry("visitThisPeriod", false)
        .containsEntry("periodsLeft", 1)
        .containsEntry("reachable", 3)
        .containsEntry("shortfall", 1)
        .containsEntry("reasons", List.of("CANNOT_REACH_REQUIRED"));
  }

  @Test
  void atRisk_phoneVisitThisQuarter_doesNotCount() {
    Map<String, Object> disease =
        only(item(json("sup1", "at-risk", "date=2026-12-01"), phoneVisitsDoNotCount));
    assertThat(disease)
        .containsEntry("done", 3)
        .containsEntry("visitThisPeriod", false)
        .containsEntry("reasons", List.of("NO_VISIT_LAST_MONTH_OF_PERIOD"));
  }

  @Test
  void atRisk_enoughVisitsOrStillReachable_notListed() {
    List<String> ids = patientIds(json("sup1", "at-risk"));
    assertThat(ids)
        .doesNotContain(fourVisits.toString())
        .doesNotContain(threeVisitsNoneThisQuarter.toString())
        .doesNotContain(enrolledInAugustOneVisit.toString());
  }

  @Test
  void atRisk_lastMonthOfQuarterWithoutVisit_listed() {
    Map<String, Object> page = json("sup1", "at-risk", "date=2026-12-01");
    assertThat(only(item(page, threeVisitsNoneThisQuarter)))
        .containsEntry("reachable", 4)
        .containsEntry("shortfall", 0)
        .containsEntry("reasons", List.of("NO_VISIT_LAST_MONTH_OF_PERIOD"));
    assertThat(only(item(page, enrolledInAugustOneVisit)))
        .containsEntry("required", 2)
        .containsEntry("done", 1)
        .containsEntry("registeredOn", "2026-08-10");
    assertThat(patientIds(page)).doesNotContain(fourVisits.toString());
  }

  @Test
  void atRisk_enrolledThisYear_requiredIsProRated() {
    Map<String, Object> disease = only(item(json("sup1", "at-risk"), enrolledInAugustNoVisit));
    assertThat(disease)
        .containsEntry("required", 2)
        .containsEntry("done", 0)
        .containsEntry("reachable", 1)
        .containsEntry("shortfall", 1);
  }

  @Test
  void atRisk_largestShortfallFirst() {
    List<Map<String, Object>> items = items(json("sup1", "at-risk", "date=2026-12-01"));
    List<Integer> shortfalls = items.stream().map(i -> (Integer) i.get("shortfall")).toList();
    assertThat(shortfalls).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  // ---- area, filters and the doctor

  @Test
  void overdue_supervisor_seesEveryVillageOfTheTownship_filterByVillage() {
    List<String> all = patientIds(json("sup1", "overdue", "size=200"));
    assertThat(all)
        .contains(twoVisitsNoneThisQuarter.toString(), enrolledInAugustNoVisit.toString());
    List<String> village2 =
        patientIds(json("sup1", "overdue", "size=200&village=" + TestArea.VILLAGE_2));
    assertThat(village2)
        .contains(enrolledInAugustNoVisit.toString())
        .doesNotContain(twoVisitsNoneThisQuarter.toString());
  }

  @Test
  void referrals_urgentReferralOfTheArea_listedWithVillageAndDoctor() {
    Map<String, Object> item = item(json("sup1", "referrals"), dangerOpen);
    assertThat(patientOf(item))
        .containsEntry("villageName", "东关村")
        .containsEntry("doctorName", "张医生");
  }

  @Test
  void doctor_isWhoSignedTheLatestVisit_elseWhoRegistered() {
    Map<String, Object> page = json("sup1", "overdue", "size=200&date=2027-01-02");
    assertThat(patientOf(item(page, lastSignedByDoc9)))
        .containsEntry("doctorId", doc9.toString())
        .containsEntry("doctorName", "周医生");
    assertThat(patientOf(item(page, enrolledInAugustNoVisit))).containsEntry("doctorName", "李医生");
    List<String> doc9Only =
        patientIds(json("sup1", "overdue", "size=200&date=2027-01-02&doctor=" + doc9));
    assertThat(doc9Only).containsExactly(lastSignedByDoc9.toString());
  }

  @Test
  void admin_seesTheCounty() {
    assertThat(patientIds(json("admin1", "danger-signs")))
        .contains(dangerOpen.toString(), dangerTownship2.toString());
  }

  // ---- access

  @Test
  void otherTownship_seesNoneOfItsPatients_andFiltersAnswer403() {
    for (String list : List.of("overdue", "referrals", "danger-signs", "at-risk")) {
      List<String> ids = patientIds(json("sup2", list, "size=200"));
      assertThat(ids)
          .as(list)
          .doesNotContain(
              dangerOpen.toString(),
              twoVisitsNoneThisQuarter.toString(),
              enrolledInAugustNoVisit.toString());
      assertThat(api.get("sup2", BASE + list + "?village=" + TestArea.VILLAGE_1).status())
          .isEqualTo(403);
      assertThat(api.get("sup2", BASE + list + ".csv?village=" + TestArea.VILLAGE_1).status())
          .isEqualTo(403);
      UUID doc1 = auth.seedArea().userId("doc1");
      assertThat(api.get("sup2", BASE + list + "?doctor=" + doc1).status()).isEqualTo(403);
    }
    assertThat(patientIds(json("sup2", "danger-signs"))).contains(dangerTownship2.toString());
    String csv = csv("sup2", "danger-signs", "");
    assertThat(csv).contains("孙危六").doesNotContain("孙危一");
  }

  @Test
  void doctors_areRefused_unknownFiltersAre404() {
    assertThat(api.get("doc1", BASE + "overdue").status()).isEqualTo(403);
    assertThat(api.get("doc1", BASE + "overdue.csv").status()).isEqualTo(403);
    TestApi.Response village = api.get("sup1", BASE + "overdue?village=130123100299");
    assertThat(village.status()).isEqualTo(404);
    assertThat(village.at("code")).isEqualTo("VILLAGE_NOT_FOUND");
    TestApi.Response doctor = api.get("sup1", BASE + "overdue?doctor=" + UUID.randomUUID());
    assertThat(doctor.status()).isEqualTo(404);
    assertThat(doctor.at("code")).isEqualTo("DOCTOR_NOT_FOUND");
    assertThat(api.get("sup1", BASE + "overdue?doctor=not-a-uuid").status()).isEqualTo(400);
    assertThat(api.get("sup1", BASE + "overdue?date=2026-13-01").status()).isEqualTo(400);
    assertThat(api.get("sup1", BASE + "overdue?size=0").status()).isEqualTo(400);
  }

  // ---- masking and audit

  @Test
  void json_masksResidentIds_unlessAsked_andAnUnmaskedReadIsAudited() {
    long before = audit.lastId();
    Map<String, Object> masked = json("sup1", "danger-signs");
    String id = (String) patientOf(item(masked, dangerOpen)).get("residentId");
    assertThat(id).matches("130123\\*{8}\\d{3}[0-9X]");
    assertThat(audit.after(before)).isEmpty();

    Map<String, Object> full = json("sup1", "danger-signs", "unmasked=true");
    assertThat(full).containsEntry("unmasked", true);
    String fullId = (String) patientOf(item(full, dangerOpen)).get("residentId");
    assertThat(fullId).matches("130123\\d{11}[0-9X]").endsWith(id.substring(14));
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).action()).isEqualTo("EXPORT_UNMASKED");
    assertThat(rows.get(0).username()).isEqualTo("sup1");
    assertThat(rows.get(0).targetId()).isEqualTo("danger-signs");
    assertThat(rows.get(0).detail()).contains("format=json").contains("unmasked=true");
    assertThat(rows.get(0).remoteAddress()).isNotBlank();
  }

  @Test
  void csv_bomChineseAndMaskedIds_auditedAsExport() throws IOException {
    long before = audit.lastId();
    HttpResponse<byte[]> response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET(BASE + "overdue.csv?village=" + TestArea.VILLAGE_1)
                    .bearerAuth(tokens.get("sup1")),
                byte[].class);
    assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
    assertThat(response.header("Content-Disposition")).contains("worklist-overdue-2026-11-20.csv");
    byte[] bytes = response.body();
    assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
    assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
    assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
    List<CSVRecord> records = parse(bytes);
    assertThat(records.get(0).get(1)).isEqualTo("姓名/Name");
    assertThat(records.get(0).get(4)).isEqualTo("身份证号/Resident ID");
    CSVRecord qian = records.stream().filter(r -> r.get(1).equals("钱一")).findFirst().orElseThrow();
    assertThat(qian.get(4)).matches("130123\\*{8}\\d{3}[0-9X]");
    assertThat(qian.get(7)).isEqualTo("东关村");
    // Every row of the filtered list, not a page: as many patients as the JSON total.
    long total =
        ((Number) json("sup1", "overdue", "village=" + TestArea.VILLAGE_1).get("total"))
            .longValue();
    assertThat(records.stream().skip(1).map(r -> r.get(0)).distinct().count()).isEqualTo(total);
    assertThat(records.stream().skip(1).map(r -> r.get(7)).distinct()).containsExactly("东关村");

    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(1);
    AuditRows.Row row = rows.get(0);
    assertThat(row.action()).isEqualTo("EXPORT");
    assertThat(row.username()).isEqualTo("sup1");
    assertThat(row.targetType()).isEqualTo("WORKLIST");
    assertThat(row.detail())
        .contains("list=overdue", "format=csv", "village=" + TestArea.VILLAGE_1, "unmasked=false")
        .contains("rows=" + total);
    assertThat(row.remoteAddress()).isNotBlank();
  }

  @Test
  void csv_unmasked_fullIds_auditedAsExportUnmasked() throws IOException {
    long before = audit.lastId();
    List<CSVRecord> records =
        parse(csv("admin1", "at-risk", "unmasked=true").getBytes(StandardCharsets.UTF_8));
    CSVRecord qian = records.stream().filter(r -> r.get(1).equals("钱一")).findFirst().orElseThrow();
    assertThat(qian.get(4)).matches("130123\\d{11}[0-9X]");
    List<AuditRows.Row> rows = audit.after(before);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).action()).isEqualTo("EXPORT_UNMASKED");
    assertThat(rows.get(0).username()).isEqualTo("admin1");
    assertThat(rows.get(0).detail()).contains("list=at-risk", "unmasked=true");
  }

  @Test
  void csv_everyList_hasHeaderAndRows() throws IOException {
    for (String list : List.of("overdue", "referrals", "danger-signs", "at-risk")) {
      List<CSVRecord> records = parse(csv("sup1", list, "").getBytes(StandardCharsets.UTF_8));
      assertThat(records.size()).as(list).isGreaterThan(1);
      assertThat(records.get(0).get(0)).isEqualTo("患者ID/Patient ID");
    }
  }

  // ---- helpers

  private void visits(UUID patient, LocalDate... dates) {
    for (LocalDate date : dates) {
      fixtures.visit(patient, Visit.htn(date, 128, 82));
    }
  }

  private Map<String, Object> json(String user, String list) {
    return json(user, list, "");
  }

  private Map<String, Object> json(String user, String list, String query) {
    TestApi.Response r = api.get(user, BASE + list + (query.isEmpty() ? "" : "?" + query));
    if (r.status() != 200) {
      throw new AssertionError(list + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  private String csv(String user, String list, String query) {
    try {
      HttpResponse<byte[]> response =
          client
              .toBlocking()
              .exchange(
                  HttpRequest.GET(BASE + list + ".csv" + (query.isEmpty() ? "" : "?" + query))
                      .bearerAuth(tokens.get(user)),
                  byte[].class);
      return new String(response.body(), StandardCharsets.UTF_8);
    } catch (HttpClientResponseException e) {
      throw new AssertionError(list + ".csv answered " + e.getStatus(), e);
    }
  }

  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
  }

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return (List<Map<String, Object>>) list;
  }

  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return maps(page.get("items"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> patientOf(Map<String, Object> item) {
    return (Map<String, Object>) item.get("patient");
  }

  private static List<String> patientIds(Map<String, Object> page) {
    return items(page).stream().map(i -> (String) patientOf(i).get("id")).toList();
  }

  private static Map<String, Object> item(Map<String, Object> page, UUID patient) {
    return items(page).stream()
        .filter(i -> patient.toString().equals(patientOf(i).get("id")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("patient " + patient + " not on the list " + patientIds(page)));
  }

  private static Map<String, Object> only(Map<String, Object> item) {
    List<Map<String, Object>> diseases = maps(item.get("diseases"));
    assertThat(diseases).hasSize(1);
    return diseases.get(0);
  }
}
