package org.suifang.server.reports;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * The small fixed dataset of the indicator tests, written through the real REST API as the
 * villages' doctors (so every visit is validated and assessed by the shared rules), with three
 * facts no API sets on purpose written by SQL: registration dates, a merged duplicate and two
 * tablets' sync state. "Today" is {@link #NOW}, 2026-11-20 in China Standard Time (the fourth
 * quarter has begun). Default settings. The expected figures are derived by hand in {@code
 * IndicatorTest}. After seeding, the clock is the real time again (any date from 2026-11-20 on
 * gives the same figures).
 *
 * <pre>
 * 村1 东关村 (doc1; doc9 陈医生 also works there)        registered 2025-12-01 unless noted
 *   A fullYear   HTN  CLINIC 02-10 150/95, 05-10 130/80, 08-10 135/85, 11-05 132/82 (by doc9)
 *   B midYear    HTN  registered 2026-07-15; CLINIC 07-20 128/78, HOME 10-15 142/88
 *   C phoneOnly  HTN  PHONE 02-15, 05-15, 08-15, 11-10
 *   D lost       HTN  CLINIC 02-01, 05-01, 08-01, 10-10 all 130/80; LOST_TO_FOLLOW_UP since 10-20
 *   E terminated HTN  CLINIC 02-05, 05-05 130/80; TERMINATED (death) on 06-20
 *   F elderly    HTN  born 1955 (71); CLINIC 03-01, 06-01, 09-01, 11-01 all 145/85
 *   G corrected  HTN  CLINIC 02-20, 05-20 130/80; 08-20 130/80 VOIDED;
 *                     11-10 170/100 AMENDED into 11-02 138/86
 *   H merged     HTN  CLINIC every quarter 130/80; merged_into = A (by SQL)
 *   M never      HTN  no visit
 * 村2 南街村 (doc2)
 *   I diabetic   DM   CLINIC 03-10 FPG 6.5, 06-10 7.2, 09-10 6.8, 11-10 7.5
 *   J both       HTN  CLINIC 03-15, 08-15 130/80
 *                DM   CLINIC 03-15 FPG 6.0, 08-15 6.2, PHONE 09-01, CLINIC 10-20 6.1
 * 村3 西岭村 (doc3, township 2)
 *   K            HTN  CLINIC 08-05 130/80
 * Tablets: doc1's last synced 2026-11-19T02:00Z with 3 changes pending; doc2's 2026-11-18T02:00Z
 * with 1 pending; doc3's never synced.
 * </pre>
 */
@Singleton
class IndicatorDataset {

  /** 12:00 China Standard Time on 2026-11-20. */
  static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");

  static final Instant DOC1_SYNC = Instant.parse("2026-11-19T02:00:00Z");
  static final Instant DOC2_SYNC = Instant.parse("2026-11-18T02:00:00Z");

  private final TestApi api;
  private final TestAuth auth;
  private final FakeClock clock;
  private final TransactionOperations<Connection> transactions;
  private final Map<String, UUID> ids = new LinkedHashMap<>();
  private TestArea area;

  IndicatorDataset(
      TestApi api, TestAuth auth, FakeClock clock, TransactionOperations<Connection> transactions) {
    this.api = api;
    this.auth = auth;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** Seeds the dataset once per application context; returns the patient ids by letter. */
  synchronized Map<String, UUID> seed() {
    if (!ids.isEmpty()) {
      return ids;
    }
    area = auth.seedArea();
    UUID doc9 =
        auth.createUser(UserCommand.doctor("doc9", "陈医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    // Tokens are issued by the server's clock but checked against the real time: let TestApi
    // log everyone in before the clock goes back to the dataset's "today".
    for (String user : List.of("doc1", "doc2", "doc3", "doc9", "sup1", "sup2", "admin1")) {
      check(api.get(user, "/api/v1/me"), 200);
    }
    clock.set(NOW);

    UUID a = patient("A", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    htn("doc1", a, "2026-02-10", 150, 95);
    htn("doc1", a, "2026-05-10", 130, 80);
    htn("doc1", a, "2026-08-10", 135, 85);
    htn("doc9", a, "2026-11-05", 132, 82);

    UUID b = patient("B", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    htn("doc1", b, "2026-07-20", 128, 78);
    Map<String, Object> home =
        FollowUpSamples.hypertensionVisit(LocalDate.parse("2026-10-15"), 142, 88);
    home.put("mode", "HOME");
    visit("doc1", b, home);

    UUID c = patient("C", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    for (String date : List.of("2026-02-15", "2026-05-15", "2026-08-15", "2026-11-10")) {
      visit("doc1", c, FollowUpSamples.hypertensionPhoneCall(LocalDate.parse(date)));
    }

    UUID d = patient("D", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    for (String date : List.of("2026-02-01", "2026-05-01", "2026-08-01", "2026-10-10")) {
      htn("doc1", d, date, 130, 80);
    }
    status("doc1", d, "LOST_TO_FOLLOW_UP", null, "2026-10-20");

    UUID e = patient("E", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    htn("doc1", e, "2026-02-05", 130, 80);
    htn("doc1", e, "2026-05-05", 130, 80);
    status("doc1", e, "TERMINATED", "DEATH", "2026-06-20");

    UUID f = patient("F", "doc1", TestArea.VILLAGE_1, "1955-03-01", true, false);
    for (String date : List.of("2026-03-01", "2026-06-01", "2026-09-01", "2026-11-01")) {
      htn("doc1", f, date, 145, 85);
    }

    UUID g = patient("G", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    htn("doc1", g, "2026-02-20", 130, 80);
    htn("doc1", g, "2026-05-20", 130, 80);
    UUID voided = htn("doc1", g, "2026-08-20", 130, 80);
    check(
        api.post("doc1", "/api/v1/follow-ups/" + voided + "/void", Map.of("reason", "录错患者")), 200);
    UUID wrong = htn("doc1", g, "2026-11-10", 170, 100);
    check(
        api.post(
            "doc1",
            "/api/v1/follow-ups/" + wrong + "/amend",
            FollowUpSamples.amendment(
                FollowUpSamples.hypertensionVisit(LocalDate.parse("2026-11-02"), 138, 86),
                "日期和血压填错")),
        201);

    UUID h = patient("H", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);
    for (String date : List.of("2026-02-11", "2026-05-11", "2026-08-11", "2026-11-11")) {
      htn("doc1", h, date, 130, 80);
    }

    patient("M", "doc1", TestArea.VILLAGE_1, "1970-05-01", true, false);

    UUID i = patient("I", "doc2", TestArea.VILLAGE_2, "1970-05-01", false, true);
    dm("doc2", i, "2026-03-10", 6.5);
    dm("doc2", i, "2026-06-10", 7.2);
    dm("doc2", i, "2026-09-10", 6.8);
    dm("doc2", i, "2026-11-10", 7.5);

    UUID j = patient("J", "doc2", TestArea.VILLAGE_2, "1970-05-01", true, true);
    htn("doc2", j, "2026-03-15", 130, 80);
    htn("doc2", j, "2026-08-15", 130, 80);
    dm("doc2", j, "2026-03-15", 6.0);
    dm("doc2", j, "2026-08-15", 6.2);
    Map<String, Object> dmCall =
        FollowUpSamples.hypertensionPhoneCall(LocalDate.parse("2026-09-01"));
    dmCall.put("disease", "DIABETES");
    visit("doc2", j, dmCall);
    dm("doc2", j, "2026-10-20", 6.1);

    UUID k = patient("K", "doc3", TestArea.VILLAGE_3, "1970-05-01", true, false);
    htn("doc3", k, "2026-08-05", 130, 80);

    sql(
        "UPDATE patient SET created_at = ? WHERE id IN (" + marks(ids.size()) + ")",
        concat(OffsetDateTime.parse("2025-12-01T10:00:00+08:00"), ids.values()));
    sql(
        "UPDATE patient SET created_at = ? WHERE id = ?",
        List.of(OffsetDateTime.parse("2026-07-15T10:00:00+08:00"), b));
    sql("UPDATE patient SET merged_into = ? WHERE id = ?", List.of(a, h));
    device(area.userId("doc1"), DOC1_SYNC, 3);
    device(area.userId("doc2"), DOC2_SYNC, 1);
    device(area.userId("doc3"), null, 0);
    ids.put("doc9", doc9);
    // Back to the real time, so later logins work. The figures do not change: every quarter of
    // 2026 has begun on either date, and no visit is dated after NOW.
    clock.reset();
    return ids;
  }

  TestArea area() {
    return area;
  }

  private UUID patient(
      String letter, String doctor, String village, String birth, boolean htn, boolean dm) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", UUID.randomUUID().toString());
    p.put("name", "患者" + letter);
    p.put("residentId", PatientSamples.residentId(LocalDate.parse(birth), "MALE"));
    p.put("phone", "13800000000");
    p.put("villageCode", village);
    p.put("address", "一组1号");
    List<Map<String, Object>> conditions = new ArrayList<>();
    if (htn) {
      conditions.add(PatientSamples.condition("HYPERTENSION", "2020-01-01"));
    }
    if (dm) {
      conditions.add(PatientSamples.condition("DIABETES", "2020-01-01"));
    }
    p.put("conditions", conditions);
    UUID id =
        UUID.fromString((String) check(api.post(doctor, "/api/v1/patients", p), 201).at("id"));
    ids.put(letter, id);
    return id;
  }

  private UUID htn(String doctor, UUID patient, String date, int sbp, int dbp) {
    return visit(
        doctor, patient, FollowUpSamples.hypertensionVisit(LocalDate.parse(date), sbp, dbp));
  }

  private UUID dm(String doctor, UUID patient, String date, double fpg) {
    return visit(doctor, patient, FollowUpSamples.diabetesVisit(LocalDate.parse(date), fpg));
  }

  private UUID visit(String doctor, UUID patient, Map<String, Object> form) {
    TestApi.Response r = api.post(doctor, "/api/v1/patients/" + patient + "/follow-ups", form);
    return UUID.fromString((String) check(r, 201).at("id"));
  }

  private void status(String doctor, UUID patient, String status, String reason, String date) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    if (reason != null) {
      body.put("reason", reason);
    }
    body.put("date", date);
    body.put("version", api.get(doctor, "/api/v1/patients/" + patient).at("version"));
    check(api.post(doctor, "/api/v1/patients/" + patient + "/status", body), 200);
  }

  private void device(UUID user, Instant lastSync, int pending) {
    UUID device = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    sql(
        "INSERT INTO device (id, user_id, registered_at, last_seq, pending_count,"
            + " clock_suspect_count) VALUES (?, ?, ?, 0, ?, 0)",
        List.of(device, user, now, pending));
    if (lastSync != null) {
      sql(
          "UPDATE device SET last_sync_at = ? WHERE id = ?",
          List.of(OffsetDateTime.ofInstant(lastSync, ZoneOffset.UTC), device));
    }
    sql(
        "INSERT INTO device_user (device_id, user_id, registered_at) VALUES (?, ?, ?)",
        List.of(device, user, now));
  }

  private static TestApi.Response check(TestApi.Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + ", got " + r.status() + ": " + r.body());
    }
    return r;
  }

  private static List<Object> concat(Object first, java.util.Collection<?> rest) {
    List<Object> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private void sql(String sql, List<?> params) {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            for (int n = 0; n < params.size(); n++) {
              ps.setObject(n + 1, params.get(n));
            }
            return ps.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
          }
        });
  }
}
