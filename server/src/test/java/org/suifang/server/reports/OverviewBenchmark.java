package org.suifang.server.reports;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.suifang.client.bench.BenchReport;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * The overview benchmark of docs/performance.md ("Dashboard overview"): one township of 20 villages
 * with 5,000 patients and 100,000 follow-ups (written by batch JDBC inserts), then the overview of
 * the year 2026 grouped by village timed as a service call (the table and the trend, what the page
 * computes) and over HTTP (the JSON API and the rendered page). Not a unit test: its name does not
 * end in Test, so only the {@code bench} profile runs it:
 *
 * <pre>
 * ./mvnw -B -o -pl server -am verify -Pbench -Dtest=OverviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints the timings and the figures and fails only if the figures are empty.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class OverviewBenchmark {

  static final int PATIENTS = 5_000;
  static final int VISITS = 100_000;
  static final int VILLAGES = 20;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final LocalDate LAST_VISIT = LocalDate.of(2026, 11, 15);

  private BenchReport.Section section;
  private boolean dashboardPage;

  @Inject TestAuth auth;

  @Inject RegionService regions;

  @Inject IndicatorService service;

  @Inject TransactionOperations<Connection> transactions;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void overview_5000Patients_100000Visits() {
    TestArea area = auth.seedArea();
    long seedStart = System.nanoTime();
    List<String> villages = new ArrayList<>(List.of(TestArea.VILLAGE_1, TestArea.VILLAGE_2));
    List<UUID> doctors = new ArrayList<>(List.of(area.userId("doc1"), area.userId("doc2")));
    for (int v = 3; v <= VILLAGES; v++) {
      String code = String.format(Locale.ROOT, "130123100%03d", 200 + v);
      regions.createRegion(RegionCommand.of(code, RegionLevel.VILLAGE, "测试村" + v));
      villages.add(code);
      doctors.add(
          auth.createUser(UserCommand.doctor("bdoc" + v, "医生" + v, TestAuth.PASSWORD, code)));
    }
    int[] counts = seed(villages, doctors);
    if ("postgres".equals(System.getProperty("suifang.test.db"))) {
      // Planner statistics for the bulk-loaded tables, as autovacuum would gather them.
      transactions.executeWrite(
          status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("ANALYZE")) {
              return ps.executeUpdate();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    System.out.printf(
        Locale.ROOT,
        "%nBENCH seeded %d patients, %d follow-ups in %d villages in %.1f s%n",
        counts[0],
        counts[1],
        VILLAGES,
        (System.nanoTime() - seedStart) / 1e9);

    CurrentUser sup1 =
        new CurrentUser(
            area.userId("sup1"),
            "sup1",
            Role.TOWNSHIP_SUPERVISOR,
            TestArea.COUNTY,
            TestArea.TOWNSHIP_1,
            Set.of());
    IndicatorService.Query q = service.query(sup1, "2026", TestArea.TOWNSHIP_1, "village");
    IndicatorReport report = service.report(q);
    String db = System.getProperty("suifang.test.db", "h2");
    section =
        BenchReport.section(
            "40-dashboard-" + db,
            "Dashboard overview, 5,000 patients and 100,000 follow-ups (" + db + ")");
    time("service: table, 2026 by village", () -> service.report(q));
    time("service: trend, 2026", () -> service.trend(q));
    time("service: overview (table + trend, one read)", () -> service.overview(q));
    IndicatorService.Query byDoctor = service.query(sup1, "2026Q3", TestArea.TOWNSHIP_1, "doctor");
    time("service: table, 2026Q3 by doctor", () -> service.report(byDoctor));
    String token = auth.login("sup1");
    String query = "?period=2026&area=" + TestArea.TOWNSHIP_1 + "&groupBy=village";
    time(
        "HTTP GET /api/v1/reports/indicators",
        () ->
            client
                .toBlocking()
                .retrieve(HttpRequest.GET("/api/v1/reports/indicators" + query).bearerAuth(token)));
    if (getClass().getResource("/views/layout.html") == null) {
      System.out.println("BENCH HTTP GET /dashboard: no web shell (views/layout.html) yet");
    } else {
      dashboardPage = true;
      time(
          "HTTP GET /dashboard (page: table + trend)",
          () ->
              client
                  .toBlocking()
                  .exchange(HttpRequest.GET("/dashboard" + query).bearerAuth(token), String.class)
                  .code());
    }

    IndicatorReport.DiseaseFigures h = report.totals().hypertension();
    IndicatorReport.DiseaseFigures d = report.totals().diabetes();
    System.out.printf(
        Locale.ROOT,
        "BENCH figures 2026, township 1: hypertension managed %d, visits %d/%d, 规范管理率 %s%%,"
            + " 血压控制率 %s%%; diabetes managed %d, visits %d/%d, 规范管理率 %s%%, 血糖控制率 %s%%%n",
        h.managed(),
        h.visitsDone(),
        h.visitsDue(),
        h.standardRate(),
        h.controlRate(),
        d.managed(),
        d.visitsDone(),
        d.visitsDue(),
        d.standardRate(),
        d.controlRate());
    System.out.printf(
        Locale.ROOT,
        "BENCH machine: %d cores, Java %s, %s, database %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("suifang.test.db", "h2"));
    if (h.managed() == 0 || d.managed() == 0) {
      throw new AssertionError("the benchmark data produced no managed patients");
    }
  }

  /**
   * Runs the call 3 times to warm up, then 10 times; prints min, median and max in ms. Before each
   * call a write moves the sync clock, as a tablet's sync would: H2 caches the result of a repeated
   * query until the next write, which would make every call after the first look free.
   */
  private void time(String what, Supplier<?> call) {
    boolean page = dashboardPage;
    for (int i = 0; i < 3; i++) {
      tick();
      call.get();
    }
    long[] ms = new long[10];
    for (int i = 0; i < ms.length; i++) {
      tick();
      long start = System.nanoTime();
      call.get();
      ms[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "BENCH %-45s min %4d ms  median %4d ms  max %4d ms%n",
        what,
        ms[0],
        ms[ms.length / 2],
        ms[ms.length - 1]);
    String figure =
        String.format(
            Locale.ROOT, "median %d ms (min %d, max %d)", ms[ms.length / 2], ms[0], ms[9]);
    if (page) {
      section.row(what, figure, BenchReport.target("≤ 1 s", ms[ms.length - 1] <= 1000), "", "");
    } else {
      section.row(what, figure);
    }
  }

  /** Writes the patients and follow-ups; returns their counts. */
  private int[] seed(List<String> villages, List<UUID> doctors) {
    Random random = new Random(42);
    List<Object[]> patients = new ArrayList<>();
    // One visit chain per patient and disease: [patient index, disease, next date, floor].
    List<Object[]> chains = new ArrayList<>();
    LocalDate[] birth = new LocalDate[PATIENTS];
    for (int i = 0; i < PATIENTS; i++) {
      UUID id = UUID.randomUUID();
      int v = i % VILLAGES;
      boolean htn = i % 10 < 8;
      boolean dm = i % 10 >= 6;
      birth[i] =
          LocalDate.of(1940 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
      LocalDate registered =
          random.nextInt(100) < 85
              ? LocalDate.of(2021, 1, 1).plusDays(random.nextInt(540))
              : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
      int s = random.nextInt(100);
      String status = s < 90 ? "ACTIVE" : s < 96 ? "LOST_TO_FOLLOW_UP" : "TERMINATED";
      LocalDate statusDate =
          status.equals("ACTIVE")
              ? registered
              : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(680));
      if (statusDate.isBefore(registered)) {
        statusDate = registered;
      }
      patients.add(
          new Object[] {id, v, htn, dm, birth[i], registered, status, statusDate, doctors.get(v)});
      LocalDate floor = status.equals("TERMINATED") ? statusDate : LAST_VISIT;
      for (String disease : List.of("HYPERTENSION", "DIABETES")) {
        if (disease.equals("HYPERTENSION") ? htn : dm) {
          chains.add(new Object[] {i, disease, floor.minusDays(random.nextInt(30)), registered});
        }
      }
    }
    insertPatients(patients, villages);
    List<Object[]> visits = new ArrayList<>(VISITS);
    boolean progress = true;
    while (visits.size() < VISITS && progress) {
      progress = false;
      for (Object[] chain : chains) {
        if (visits.size() >= VISITS) {
          break;
        }
        LocalDate date = (LocalDate) chain[2];
        if (date.isBefore((LocalDate) chain[3])) {
          continue;
        }
        progress = true;
        int p = (int) chain[0];
        Object[] patient = patients.get(p);
        int m = random.nextInt(100);
        String mode = m < 85 ? "CLINIC" : m < 93 ? "HOME" : "PHONE";
        Boolean controlled = mode.equals("PHONE") ? null : random.nextInt(100) < 65;
        visits.add(
            new Object[] {
              patient[0],
              chain[1],
              date,
              mode,
              random.nextInt(100) < 5,
              Period.between(birth[p], date).getYears(),
              controlled,
              patient[8],
              random.nextInt(100) < 2
            });
        chain[2] = date.minusDays(75 + random.nextInt(30));
      }
    }
    insertVisits(visits);
    return new int[] {patients.size(), visits.size()};
  }

  private void insertPatients(List<Object[]> patients, List<String> villages) {
    batch(
        "INSERT INTO patient (id, name, sex, birth_date, county_code, village_code, hypertension,"
            + " diabetes, status, status_reason, status_date, request_hash, created_by, created_at,"
            + " updated_by, updated_at, version) VALUES (?, ?, 'MALE', ?, ?, ?, ?, ?, ?, ?, ?, 'x',"
            + " ?, ?, ?, ?, 1)",
        patients,
        (ps, p) -> {
          OffsetDateTime created =
              ((LocalDate) p[5]).atTime(10, 0).atZone(CHINA).toOffsetDateTime();
          ps.setObject(1, p[0]);
          ps.setString(2, "患者" + p[0].toString().substring(0, 4));
          ps.setObject(3, p[4]);
          ps.setString(4, TestArea.COUNTY);
          ps.setString(5, villages.get((int) p[1]));
          ps.setBoolean(6, (boolean) p[2]);
          ps.setBoolean(7, (boolean) p[3]);
          ps.setString(8, (String) p[6]);
          ps.setString(9, "TERMINATED".equals(p[6]) ? "MOVED_OUT" : null);
          ps.setObject(10, p[7]);
          ps.setObject(11, p[8]);
          ps.setObject(12, created);
          ps.setObject(13, p[8]);
          ps.setObject(14, created);
        });
  }

  private void insertVisits(List<Object[]> visits) {
    batch(
        "INSERT INTO follow_up (id, patient_id, disease, visit_date, mode, symptoms,"
            + " adverse_reaction, adverse_reaction_hard_to_control, new_or_worse_complication,"
            + " reported_danger_signs, pregnant_or_breastfeeding, annual_check, next_visit_date,"
            + " doctor_id, received_at, rule_set_id, age_at_visit, danger_signs, urgent_referral,"
            + " recommended_action_zh, recommended_action_en, due_date, bphs_controlled,"
            + " voided_at, voided_by, void_reason, request_hash, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, 'NONE', FALSE, FALSE, FALSE, '', FALSE, ?, ?, ?, ?,"
            + " 'bphs-2017', ?, '', FALSE, '按期随访', 'Follow up as planned', ?, ?, ?, ?, ?, 'x',"
            + " ?, 1)",
        visits,
        (ps, v) -> {
          LocalDate date = (LocalDate) v[2];
          OffsetDateTime received = date.plusDays(1).atTime(10, 0).atZone(CHINA).toOffsetDateTime();
          boolean voided = (boolean) v[8];
          ps.setObject(1, UUID.randomUUID());
          ps.setObject(2, v[0]);
          ps.setString(3, (String) v[1]);
          ps.setObject(4, date);
          ps.setString(5, (String) v[3]);
          ps.setBoolean(6, (boolean) v[4]);
          ps.setObject(7, date.plusDays(90));
          ps.setObject(8, v[7]);
          ps.setObject(9, received);
          ps.setInt(10, (int) v[5]);
          ps.setObject(11, date.plusDays(90));
          if (v[6] == null) {
            ps.setNull(12, java.sql.Types.BOOLEAN);
          } else {
            ps.setBoolean(12, (Boolean) v[6]);
          }
          ps.setObject(13, voided ? received : null);
          ps.setObject(14, voided ? v[7] : null);
          ps.setString(15, voided ? "录错" : null);
          ps.setObject(16, received);
        });
  }

  private void tick() {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement ps =
              status.getConnection().prepareStatement("UPDATE sync_clock SET hlc = hlc + 1")) {
            return ps.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps, Object[] row) throws SQLException;
  }

  private void batch(String sql, List<Object[]> rows, Binder binder) {
    for (int from = 0; from < rows.size(); from += 5_000) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 5_000));
      transactions.executeWrite(
          status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
              for (Object[] row : chunk) {
                binder.bind(ps, row);
                ps.addBatch();
              }
              return ps.executeBatch().length;
            } catch (SQLException e) {
              throw new IllegalStateException(sql, e);
            }
          });
    }
  }
}
