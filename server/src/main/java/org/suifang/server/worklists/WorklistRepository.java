package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worklist queries: one SQL statement per list and page, and one statement for the counts of
 * all four lists over any number of villages. Every statement runs unchanged on H2 (PostgreSQL
 * mode) and PostgreSQL.
 *
 * <p>Every statement starts from the same derived table, {@link #VISIT_SUMMARY}: one row per
 * patient in scope and disease managed, with the facts the lists need about its <em>current</em>
 * follow-ups (not voided, not superseded by an amendment, dated on or before the reference date).
 * Each list is a condition over that row ({@link #OVERDUE_WHEN} and so on), shared by the page and
 * the count statements, so the rules are written once. Follow-ups are read in one pass and sorted
 * once per statement.
 *
 * <p>Two H2 limits shape the SQL. It does not re-bind parameters used inside a {@code WITH} clause
 * when it reuses a cached statement (h2database issue #4228), which would answer one village's list
 * with another's; so the SQL nests derived tables instead. And H2 re-runs a derived table for every
 * row of another table it is joined to; so every level reads from a single derived table, and the
 * only joins are between base tables, at the bottom.
 */
@Singleton
class WorklistRepository {

  // Every patient under management or lost to follow-up in the villages, once per managed disease,
  // with each of its current follow-ups of that disease (none: one row of NULLs). Current means not
  // voided, not superseded by an amendment and dated on or before the reference date. Visits are
  // numbered newest first (rn); f2f_rn is the number of the latest face-to-face visit, managing_rn
  // that of the latest visit that manages the disease: a face-to-face visit, or a phone visit that
  // set a next step (a call that only reached the patient changes no plan). The last two windows
  // only partition, so the database sorts the rows once.
  private static final String RANKED_VISITS =
      """
      SELECT w.*,
             MIN(CASE WHEN w.f2f = 1 THEN w.rn END) OVER (PARTITION BY w.patient_id, w.disease) AS f2f_rn,
             MIN(CASE WHEN w.managing = 1 THEN w.rn END) OVER (PARTITION BY w.patient_id, w.disease) AS managing_rn
      FROM (
        SELECT c.*,
               ROW_NUMBER() OVER (PARTITION BY c.patient_id, c.disease
                   ORDER BY c.visit_date DESC, c.received_at DESC, c.visit_id DESC) AS rn
        FROM (
          SELECT p.id AS patient_id, p.village_code, p.status AS patient_status, p.name AS p_name,
                 p.sex AS p_sex, p.birth_date AS p_birth_date, p.phone AS p_phone, p.address AS p_address,
                 d.disease,
                 f.id AS visit_id, f.visit_date, f.received_at, f.mode, f.next_visit_date, f.next_step,
                 f.danger_signs, f.systolic, f.diastolic, f.fasting_glucose,
                 f.referral_reason, f.referral_facility, f.referral_department,
                 COALESCE(f.classification_override, f.classification) AS cls,
                 CASE WHEN f.urgent_referral THEN 1 ELSE 0 END AS urgent,
                 CASE WHEN f.annual_check THEN 1 ELSE 0 END AS annual,
                 CASE WHEN f.mode <> 'PHONE' THEN 1 ELSE 0 END AS f2f,
                 CASE WHEN f.mode <> 'PHONE' OR f.next_step IS NOT NULL THEN 1 ELSE 0 END AS managing
          FROM patient p
          JOIN (SELECT 'HYPERTENSION' AS disease UNION ALL SELECT 'DIABETES') d
            ON (d.disease = 'HYPERTENSION' AND p.hypertension) OR (d.disease = 'DIABETES' AND p.diabetes)
          LEFT JOIN follow_up f
            ON f.patient_id = p.id AND f.disease = d.disease AND f.visit_date <= :d AND f.voided_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)
          WHERE p.village_code IN (:villages) AND p.status IN ('ACTIVE', 'LOST_TO_FOLLOW_UP')
        ) c
      ) w""";

  // One row per patient and disease: the patient, and the facts the lists need about its visits:
  // the latest visit (last_*), the latest face-to-face visit (f2f_*), the latest managing visit
  // (m_*) and the latest face-to-face annual check. All NULL for a disease never visited.
  private static final String VISIT_SUMMARY =
      """
      SELECT r.patient_id, r.village_code, r.patient_status, r.p_name, r.p_sex, r.p_birth_date, r.p_phone,
             r.p_address, r.disease,
             MAX(CASE WHEN r.rn = 1 THEN CAST(r.visit_id AS VARCHAR(36)) END) AS last_id,
             MAX(CASE WHEN r.rn = 1 THEN r.visit_date END) AS last_date,
             MAX(CASE WHEN r.rn = 1 THEN r.mode END) AS last_mode,
             MAX(CASE WHEN r.rn = 1 THEN r.next_visit_date END) AS last_next_date,
             MAX(CASE WHEN r.rn = 1 THEN r.next_step END) AS last_step,
             MAX(CASE WHEN r.rn = 1 THEN r.urgent END) AS last_urgent,
             MAX(CASE WHEN r.rn = 1 THEN r.cls END) AS last_cls,
             MAX(CASE WHEN r.rn = 1 THEN r.danger_signs END) AS last_danger_signs,
             MAX(CASE WHEN r.rn = 1 THEN r.referral_reason END) AS last_referral_reason,
             MAX(CASE WHEN r.rn = 1 THEN r.referral_facility END) AS last_referral_facility,
             MAX(CASE WHEN r.rn = 1 THEN r.referral_department END) AS last_referral_department,
             MAX(CASE WHEN r.rn = r.f2f_rn THEN r.visit_date END) AS f2f_date,
             MAX(CASE WHEN r.rn = r.f2f_rn THEN r.cls END) AS f2f_cls,
             MAX(CASE WHEN r.rn = r.managing_rn THEN CAST(r.visit_id AS VARCHAR(36)) END) AS m_id,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.visit_date END) AS m_date,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.mode END) AS m_mode,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.next_step END) AS m_step,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.urgent END) AS m_urgent,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.cls END) AS m_cls,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.systolic END) AS m_systolic,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.diastolic END) AS m_diastolic,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.fasting_glucose END) AS m_glucose,
             MAX(CASE WHEN r.rn = r.managing_rn THEN r.next_visit_date END) AS m_next_date,
             MAX(CASE WHEN r.f2f = 1 AND r.annual = 1 THEN r.visit_date END) AS last_check
      FROM (%s) r
      GROUP BY r.patient_id, r.village_code, r.patient_status, r.p_name, r.p_sex, r.p_birth_date, r.p_phone,
               r.p_address, r.disease"""
          .formatted(RANKED_VISITS);

  // The columns every list row carries.
  private static final String PATIENT_COLUMNS =
      """
      s.patient_id, s.village_code, s.patient_status, s.p_name, s.p_sex, s.p_birth_date, s.p_phone,
      s.p_address, s.disease""";

  // Overdue: no face-to-face visit since the period (quarter) start, or the next follow-up date
  // agreed at the latest visit has passed. Patients lost to follow-up stay on this list.
  private static final String OVERDUE_WHEN =
      "(s.f2f_date IS NULL OR s.f2f_date < :period_start OR s.last_next_date < :d)";
  // Recheck: the latest managing visit asked for the two-week recheck (第1次控制不满意2周随访); a
  // later face-to-face visit would itself be the latest managing visit.
  private static final String RECHECK_WHEN =
      "(s.patient_status = 'ACTIVE' AND s.m_step = 'FIRST_UNCONTROLLED_RECHECK' AND s.m_urgent = 0)";
  // Referral: the latest visit of any mode referred the patient; any later visit of the disease,
  // a phone call included, is the referral's follow-up.
  private static final String REFERRAL_WHEN =
      "(s.patient_status = 'ACTIVE' AND (s.last_step IN ('REFERRAL', 'URGENT_REFERRAL') OR s.last_urgent = 1))";
  // Annual check: no face-to-face visit marked as the annual health check since the year start.
  private static final String ANNUAL_WHEN =
      "(s.patient_status = 'ACTIVE' AND (s.last_check IS NULL OR s.last_check < :year_start))";

  // Each list's rows (one per patient and disease) with sort_date: earlier is more urgent.
  private static final String OVERDUE =
      """
      SELECT x.*,
             CASE WHEN x.period_due IS NULL THEN x.next_due
                  WHEN x.next_due IS NULL OR x.period_due <= x.next_due THEN x.period_due
                  ELSE x.next_due END AS sort_date
      FROM (
        SELECT %s, s.last_date, s.last_mode, s.last_next_date, s.f2f_date, s.f2f_cls,
               CASE WHEN s.f2f_date IS NULL OR s.f2f_date < :period_start THEN :period_start END AS period_due,
               CASE WHEN s.last_next_date < :d THEN s.last_next_date END AS next_due
        FROM (%s) s
        WHERE %s
      ) x"""
          .formatted(PATIENT_COLUMNS, VISIT_SUMMARY, OVERDUE_WHEN);

  private static final String RECHECKS =
      """
      SELECT %s, s.m_id, s.m_date, s.m_mode, s.m_cls, s.m_systolic, s.m_diastolic, s.m_glucose, s.m_next_date,
             s.m_date AS sort_date
      FROM (%s) s
      WHERE %s"""
          .formatted(PATIENT_COLUMNS, VISIT_SUMMARY, RECHECK_WHEN);

  private static final String REFERRALS =
      """
      SELECT %s, s.last_id, s.last_date, s.last_mode, s.last_cls, s.last_step, s.last_urgent,
             s.last_danger_signs, s.last_referral_reason, s.last_referral_facility, s.last_referral_department,
             s.last_date AS sort_date
      FROM (%s) s
      WHERE %s"""
          .formatted(PATIENT_COLUMNS, VISIT_SUMMARY, REFERRAL_WHEN);

  private static final String ANNUAL_CHECKS =
      """
      SELECT %s, s.last_check, s.f2f_date, COALESCE(s.last_check, DATE '1900-01-01') AS sort_date
      FROM (%s) s
      WHERE %s"""
          .formatted(PATIENT_COLUMNS, VISIT_SUMMARY, ANNUAL_WHEN);

  // Pages by patient: a patient is as urgent as their most urgent disease; ties go to patients
  // under management before those lost to follow-up, then by name. All rows of a patient come
  // together; pos is the patient's position and total the list's length.
  private static final String PAGE =
      """
      SELECT c.* FROM (
        SELECT pl.*, MAX(pl.pos) OVER () AS total FROM (
          SELECT k.*, DENSE_RANK() OVER (ORDER BY k.patient_sort, k.patient_status, k.p_name, k.patient_id) AS pos
          FROM (SELECT h.*, MIN(h.sort_date) OVER (PARTITION BY h.patient_id) AS patient_sort FROM (%s) h) k
        ) pl
      ) c
      WHERE c.pos > :offset AND c.pos <= :end
      ORDER BY c.pos, CASE c.disease WHEN 'HYPERTENSION' THEN 0 ELSE 1 END""";

  private static final String COUNT = "SELECT COUNT(DISTINCT h.patient_id) FROM (%s) h";

  // Per village: the patients on each list, and a list-specific subset of them.
  private static final String SUMMARY =
      """
      SELECT x.village_code,
             COUNT(DISTINCT CASE WHEN x.overdue = 1 THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.overdue = 1 AND x.patient_status = 'LOST_TO_FOLLOW_UP'
                 THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.recheck = 1 THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.recheck = 1 AND x.m_date < :recheck_cutoff THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.referral = 1 THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.referral = 1 AND x.last_date < :referral_cutoff THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.annual = 1 THEN x.patient_id END),
             COUNT(DISTINCT CASE WHEN x.annual = 1 AND x.last_check IS NULL THEN x.patient_id END)
      FROM (
        SELECT s.patient_id, s.village_code, s.patient_status, s.m_date, s.last_date, s.last_check,
               CASE WHEN %s THEN 1 ELSE 0 END AS overdue,
               CASE WHEN %s THEN 1 ELSE 0 END AS recheck,
               CASE WHEN %s THEN 1 ELSE 0 END AS referral,
               CASE WHEN %s THEN 1 ELSE 0 END AS annual
        FROM (%s) s
      ) x
      GROUP BY x.village_code"""
          .formatted(OVERDUE_WHEN, RECHECK_WHEN, REFERRAL_WHEN, ANNUAL_WHEN, VISIT_SUMMARY);

  private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-z][a-z_]*)");

  private final JdbcOperations jdbc;

  WorklistRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The dates a query is computed for.
   *
   * @param date the reference date
   * @param periodStart the first day of the period that needs a face-to-face visit
   * @param yearStart the first day of the assessment year
   * @param recheckCutoff a recheck asked for before this date is past due
   * @param referralCutoff a referral made before this date is past due
   */
  record Window(
      LocalDate date,
      LocalDate periodStart,
      LocalDate yearStart,
      LocalDate recheckCutoff,
      LocalDate referralCutoff) {}

  /** The patient columns of every page row. */
  record PatientColumns(
      UUID id,
      String villageCode,
      String status,
      String name,
      String sex,
      LocalDate birthDate,
      @Nullable String phone,
      @Nullable String address) {}

  /**
   * One page of rows (one per patient and disease) and the number of patients on the whole list.
   */
  record Page<R>(List<R> rows, long total) {}

  record OverdueRow(
      PatientColumns patient,
      String disease,
      @Nullable LocalDate lastVisitDate,
      @Nullable String lastMode,
      @Nullable LocalDate nextVisitDate,
      @Nullable LocalDate lastFaceToFaceDate,
      @Nullable String lastClassification,
      @Nullable LocalDate periodDue,
      @Nullable LocalDate nextDue,
      LocalDate overdueSince) {}

  record RecheckRow(
      PatientColumns patient,
      String disease,
      UUID followUpId,
      LocalDate visitDate,
      String mode,
      @Nullable String classification,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable BigDecimal fastingGlucose,
      LocalDate nextVisitDate) {}

  record ReferralRow(
      PatientColumns patient,
      String disease,
      UUID followUpId,
      LocalDate visitDate,
      String mode,
      @Nullable String classification,
      @Nullable String nextStep,
      boolean urgentReferral,
      String dangerSigns,
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department) {}

  record AnnualCheckRow(
      PatientColumns patient,
      String disease,
      @Nullable LocalDate lastCheck,
      @Nullable LocalDate lastFaceToFaceDate) {}

  /** The counts of every list in one village; see {@link WorklistSummaryView.Counts}. */
  record CountRow(String villageCode, WorklistSummaryView.Counts counts) {}

  /** A village: its code, name and township. */
  record VillageRow(String code, String name, String townshipCode) {}

  @Transactional(readOnly = true)
  Page<OverdueRow> overdue(String village, Window window, int offset, int limit) {
    return page(
        OVERDUE,
        village,
        window,
        offset,
        limit,
        (rs, p) ->
            new OverdueRow(
                p,
                rs.getString("disease"),
                date(rs, "last_date"),
                rs.getString("last_mode"),
                date(rs, "last_next_date"),
                date(rs, "f2f_date"),
                rs.getString("f2f_cls"),
                date(rs, "period_due"),
                date(rs, "next_due"),
                date(rs, "sort_date")));
  }

  @Transactional(readOnly = true)
  Page<RecheckRow> rechecks(String village, Window window, int offset, int limit) {
    return page(
        RECHECKS,
        village,
        window,
        offset,
        limit,
        (rs, p) ->
            new RecheckRow(
                p,
                rs.getString("disease"),
                UUID.fromString(rs.getString("m_id")),
                date(rs, "m_date"),
                rs.getString("m_mode"),
                rs.getString("m_cls"),
                integer(rs, "m_systolic"),
                integer(rs, "m_diastolic"),
                rs.getBigDecimal("m_glucose"),
                date(rs, "m_next_date")));
  }

  @Transactional(readOnly = true)
  Page<ReferralRow> referrals(String village, Window window, int offset, int limit) {
    return page(
        REFERRALS,
        village,
        window,
        offset,
        limit,
        (rs, p) ->
            new ReferralRow(
                p,
                rs.getString("disease"),
                UUID.fromString(rs.getString("last_id")),
                date(rs, "last_date"),
                rs.getString("last_mode"),
                rs.getString("last_cls"),
                rs.getString("last_step"),
                rs.getInt("last_urgent") == 1,
                rs.getString("last_danger_signs"),
                rs.getString("last_referral_reason"),
                rs.getString("last_referral_facility"),
                rs.getString("last_referral_department")));
  }

  @Transactional(readOnly = true)
  Page<AnnualCheckRow> annualChecks(String village, Window window, int offset, int limit) {
    return page(
        ANNUAL_CHECKS,
        village,
        window,
        offset,
        limit,
        (rs, p) ->
            new AnnualCheckRow(
                p, rs.getString("disease"), date(rs, "last_check"), date(rs, "f2f_date")));
  }

  /** Returns the counts of every list in each of the villages that has patients; one statement. */
  @Transactional(readOnly = true)
  List<CountRow> counts(List<String> villages, Window window) {
    if (villages.isEmpty()) {
      return List.of();
    }
    return query(
        SUMMARY,
        params(window, villages),
        rs ->
            new CountRow(
                rs.getString(1),
                new WorklistSummaryView.Counts(
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getLong(9))));
  }

  /** Returns the villages of a county, in code order. */
  @Transactional(readOnly = true)
  List<VillageRow> villagesOfCounty(String countyCode) {
    return query(
        "SELECT code, name, parent_code FROM region WHERE county_code = :county AND level = 'VILLAGE'"
            + " ORDER BY code",
        Map.of("county", countyCode),
        rs -> new VillageRow(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  private interface RowReader<R> {
    R read(ResultSet rs, PatientColumns patient) throws SQLException;
  }

  private interface Reader<R> {
    R read(ResultSet rs) throws SQLException;
  }

  private <R> Page<R> page(
      String hits, String village, Window window, int offset, int limit, RowReader<R> reader) {
    Map<String, Object> params = params(window, List.of(village));
    params.put("offset", (long) offset);
    params.put("end", (long) offset + limit);
    long[] total = {0};
    List<R> rows =
        query(
            PAGE.formatted(hits),
            params,
            rs -> {
              total[0] = rs.getLong("total");
              return reader.read(rs, patient(rs));
            });
    if (rows.isEmpty() && offset > 0) {
      // Past the last page there is no row to carry the total.
      total[0] = query(COUNT.formatted(hits), params, rs -> rs.getLong(1)).get(0);
    }
    return new Page<>(rows, total[0]);
  }

  private static Map<String, Object> params(Window w, List<String> villages) {
    Map<String, Object> params = new HashMap<>();
    params.put("villages", List.copyOf(villages));
    params.put("d", w.date());
    params.put("period_start", w.periodStart());
    params.put("year_start", w.yearStart());
    params.put("recheck_cutoff", w.recheckCutoff());
    params.put("referral_cutoff", w.referralCutoff());
    return params;
  }

  /**
   * Runs a query whose {@code :name} parameters are taken from {@code params}: a list expands to
   * one placeholder per element, a date to a placeholder cast to DATE (so that PostgreSQL knows its
   * type wherever it appears).
   */
  private <R> List<R> query(String sql, Map<String, Object> params, Reader<R> reader) {
    List<Object> values = new ArrayList<>();
    Matcher m = NAMED.matcher(sql);
    StringBuilder jdbcSql = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      Object value = params.get(name);
      String placeholder;
      if (value instanceof List<?> list) {
        placeholder = String.join(", ", Collections.nCopies(list.size(), "?"));
        values.addAll(list);
      } else {
        placeholder = value instanceof LocalDate ? "CAST(? AS DATE)" : "?";
        values.add(value);
      }
      m.appendReplacement(jdbcSql, Matcher.quoteReplacement(placeholder));
    }
    m.appendTail(jdbcSql);
    return jdbc.prepareStatement(
        jdbcSql.toString(),
        ps -> {
          bind(ps, values);
          List<R> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(reader.read(rs));
            }
          }
          return out;
        });
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }

  private static PatientColumns patient(ResultSet rs) throws SQLException {
    return new PatientColumns(
        rs.getObject("patient_id", UUID.class),
        rs.getString("village_code"),
        rs.getString("patient_status"),
        rs.getString("p_name"),
        rs.getString("p_sex"),
        date(rs, "p_birth_date"),
        rs.getString("p_phone"),
        rs.getString("p_address"));
  }

  private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
