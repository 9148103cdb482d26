package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
  //
  // The %s slot is the patient's doctor (doctor_id): see PATIENT_DOCTOR and NO_DOCTOR. Merged
  // duplicates (merged_into set) are left out.
  private static final String RANKED_VISITS =
      """
      SELECT w.*,
             MIN(CASE WHEN w.f2f = 1 THEN w.rn END) OVER (PARTITION BY w.patient_id, w.disease) AS f2f_rn,
             MIN(CASE WHEN w.managing = 1 THEN w.rn END) OVER (PARTITION BY w.patient_id, w.disease) AS managing_rn,
             %s AS doctor_id
      FROM (
        SELECT c.*,
               ROW_NUMBER() OVER (PARTITION BY c.patient_id, c.disease
                   ORDER BY c.visit_date DESC, c.received_at DESC, c.visit_id DESC) AS rn
        FROM (
          SELECT p.id AS patient_id, p.village_code, p.status AS patient_status, p.name AS p_name,
                 p.sex AS p_sex, p.birth_date AS p_birth_date, p.phone AS p_phone, p.address AS p_address,
                 p.resident_id AS p_resident_id, p.created_by AS p_created_by, p.created_at AS p_created_at,
                 d.disease,
                 f.id AS visit_id, f.doctor_id AS visit_doctor, f.visit_date, f.received_at, f.mode, f.next_visit_date, f.next_step,
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
            AND p.merged_into IS NULL
        ) c
      ) w""";

  // The doctor of a patient: the one who signed the latest current visit (of either disease), else
  // the user who registered the patient. Costs one more sort, so only the area lists compute it.
  private static final String PATIENT_DOCTOR =
      """
      COALESCE(FIRST_VALUE(w.visit_doctor) OVER (PARTITION BY w.patient_id
                   ORDER BY w.visit_date DESC NULLS LAST, w.received_at DESC NULLS LAST,
                            w.visit_id DESC NULLS LAST), w.p_created_by)""";

  private static final String NO_DOCTOR = "CAST(NULL AS UUID)";

  // One row per patient and disease: the patient, and the facts the lists need about its visits:
  // the latest visit (last_*), the latest face-to-face visit (f2f_*), the latest managing visit
  // (m_*) and the latest face-to-face annual check. All NULL for a disease never visited.
  private static final String VISIT_SUMMARY_OF =
      """
      SELECT r.patient_id, r.village_code, r.patient_status, r.p_name, r.p_sex, r.p_birth_date, r.p_phone,
             r.p_address, r.p_resident_id, r.p_created_at, r.doctor_id, r.disease,
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
             MAX(CASE WHEN r.f2f = 1 AND r.annual = 1 THEN r.visit_date END) AS last_check,
             COUNT(DISTINCT CASE WHEN r.f2f = 1 AND r.visit_date >= :year_start THEN r.visit_date END) AS f2f_year
      FROM (%s) r
      GROUP BY r.patient_id, r.village_code, r.patient_status, r.p_name, r.p_sex, r.p_birth_date, r.p_phone,
               r.p_address, r.p_resident_id, r.p_created_at, r.doctor_id, r.disease""";

  // Per patient and disease, for the lists of one village (no doctor computed).
  private static final String VISIT_SUMMARY =
      VISIT_SUMMARY_OF.formatted(RANKED_VISITS.formatted(NO_DOCTOR));

  // Per patient and disease with the patient's doctor, for the area lists of the dashboard.
  private static final String AREA_VISIT_SUMMARY =
      VISIT_SUMMARY_OF.formatted(RANKED_VISITS.formatted(PATIENT_DOCTOR));

  // The columns every list row carries.
  private static final String PATIENT_COLUMNS =
      """
      s.patient_id, s.village_code, s.patient_status, s.p_name, s.p_sex, s.p_birth_date, s.p_phone,
      s.p_address, s.p_resident_id, s.p_created_at, s.doctor_id, s.disease""";

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
  private static final String OVERDUE = overdueHits(VISIT_SUMMARY);

  private static String overdueHits(String summary) {
    return """
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
        .formatted(PATIENT_COLUMNS, summary, OVERDUE_WHEN);
  }

  private static final String RECHECKS =
      """
      SELECT %s, s.m_id, s.m_date, s.m_mode, s.m_cls, s.m_systolic, s.m_diastolic, s.m_glucose, s.m_next_date,
             s.m_date AS sort_date
      FROM (%s) s
      WHERE %s"""
          .formatted(PATIENT_COLUMNS, VISIT_SUMMARY, RECHECK_WHEN);

  private static final String REFERRALS = referralHits(VISIT_SUMMARY);

  private static String referralHits(String summary) {
    return """
      SELECT %s, s.last_id, s.last_date, s.last_mode, s.last_cls, s.last_step, s.last_urgent,
             s.last_danger_signs, s.last_referral_reason, s.last_referral_facility, s.last_referral_department,
             s.last_date AS sort_date
      FROM (%s) s
      WHERE %s"""
        .formatted(PATIENT_COLUMNS, summary, REFERRAL_WHEN);
  }

  // The area lists of the dashboard: the same rules over the villages of the caller's area, with
  // the patient's doctor (filterable, see DOCTOR_FILTER).
  private static final String AREA_OVERDUE = overdueHits(AREA_VISIT_SUMMARY);

  private static final String AREA_REFERRALS = referralHits(AREA_VISIT_SUMMARY);

  // At risk of missing the yearly count: every active patient and disease with the face-to-face
  // visits of the year so far and the latest one; WorklistService applies the rule.
  private static final String AT_RISK_CANDIDATES =
      """
      SELECT %s, s.f2f_year, s.f2f_date
      FROM (%s) s
      WHERE s.patient_status = 'ACTIVE'"""
          .formatted(PATIENT_COLUMNS, AREA_VISIT_SUMMARY);

  private static final String DOCTOR_FILTER =
      "SELECT hd.* FROM (%s) hd WHERE hd.doctor_id = :doctor";

  // Danger-sign visits: current visits dated from :danger_from to the reference date with a danger
  // sign or an urgent referral, one row per visit, with the first later current visit of the same
  // disease (any mode) if there is one. Here the patient's doctor is a correlated subquery: it runs
  // for the few visits found, not for every visit of the area.
  private static final String DANGER_SIGN_VISITS =
      """
      SELECT p.id AS patient_id, p.village_code, p.status AS patient_status, p.name AS p_name,
             p.sex AS p_sex, p.birth_date AS p_birth_date, p.phone AS p_phone, p.address AS p_address,
             p.resident_id AS p_resident_id, p.created_at AS p_created_at,
             COALESCE((SELECT l.doctor_id FROM follow_up l
                       WHERE l.patient_id = p.id AND l.voided_at IS NULL AND l.visit_date <= :d
                         AND NOT EXISTS (SELECT 1 FROM follow_up la WHERE la.amends = l.id)
                       ORDER BY l.visit_date DESC, l.received_at DESC, l.id DESC LIMIT 1),
                      p.created_by) AS doctor_id,
             f.disease, f.id AS visit_id, f.visit_date, f.mode, f.danger_signs, f.next_step,
             f.doctor_id AS signed_by, COALESCE(f.classification_override, f.classification) AS cls,
             CASE WHEN f.urgent_referral THEN 1 ELSE 0 END AS urgent,
             f.referral_reason, f.referral_facility, f.referral_department,
             (SELECT MIN(n.visit_date) FROM follow_up n
              WHERE n.patient_id = f.patient_id AND n.disease = f.disease AND n.voided_at IS NULL
                AND n.visit_date <= :d
                AND NOT EXISTS (SELECT 1 FROM follow_up na WHERE na.amends = n.id)
                AND (n.visit_date > f.visit_date
                     OR (n.visit_date = f.visit_date AND n.received_at > f.received_at))) AS later_date
      FROM patient p
      JOIN follow_up f ON f.patient_id = p.id
      WHERE p.village_code IN (:villages) AND p.status IN ('ACTIVE', 'LOST_TO_FOLLOW_UP')
        AND p.merged_into IS NULL
        AND f.visit_date >= :danger_from AND f.visit_date <= :d AND f.voided_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)
        AND ((p.hypertension AND f.disease = 'HYPERTENSION') OR (p.diabetes AND f.disease = 'DIABETES'))
        AND (f.urgent_referral OR f.next_step = 'URGENT_REFERRAL' OR f.danger_signs <> '')""";

  // Visits without a later visit first (their follow-up is still open), then the oldest (the
  // nearest to its 14-day deadline), then by name.
  private static final String DANGER_SIGN_PAGE =
      """
      SELECT y.*, COUNT(*) OVER () AS total FROM (%s) y
      ORDER BY CASE WHEN y.later_date IS NULL THEN 0 ELSE 1 END, y.visit_date, y.p_name, y.visit_id
      LIMIT :limit OFFSET :offset""";

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

  /**
   * The patient columns of every page row.
   *
   * @param registeredAt when the patient was registered on the server
   * @param doctorId the patient's doctor; only on the area lists (null on a village's lists)
   */
  record PatientColumns(
      UUID id,
      String villageCode,
      String status,
      String name,
      String sex,
      LocalDate birthDate,
      @Nullable String phone,
      @Nullable String address,
      @Nullable String residentId,
      Instant registeredAt,
      @Nullable UUID doctorId) {}

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

  record DangerSignRow(
      PatientColumns patient,
      String disease,
      UUID followUpId,
      LocalDate visitDate,
      String mode,
      String dangerSigns,
      boolean urgentReferral,
      @Nullable String nextStep,
      @Nullable String classification,
      UUID signedBy,
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department,
      @Nullable LocalDate laterVisitDate) {}

  /**
   * An active patient's disease with its face-to-face visits of the year up to the reference date.
   */
  record AtRiskRow(
      PatientColumns patient,
      String disease,
      int faceToFaceThisYear,
      @Nullable LocalDate lastFaceToFaceDate) {}

  /** The counts of every list in one village; see {@link WorklistSummaryView.Counts}. */
  record CountRow(String villageCode, WorklistSummaryView.Counts counts) {}

  /** A village: its code, name and township. */
  record VillageRow(String code, String name, String townshipCode) {}

  @Transactional(readOnly = true)
  Page<OverdueRow> overdue(String village, Window window, int offset, int limit) {
    return page(OVERDUE, village, window, offset, limit, WorklistRepository::overdueRow);
  }

  /** The overdue list over many villages, optionally of one doctor's patients. */
  @Transactional(readOnly = true)
  Page<OverdueRow> overdue(
      List<String> villages, @Nullable UUID doctor, Window window, int offset, int limit) {
    return page(
        AREA_OVERDUE, villages, doctor, window, offset, limit, WorklistRepository::overdueRow);
  }

  private static OverdueRow overdueRow(ResultSet rs, PatientColumns p) throws SQLException {
    return new OverdueRow(
        p,
        rs.getString("disease"),
        date(rs, "last_date"),
        rs.getString("last_mode"),
        date(rs, "last_next_date"),
        date(rs, "f2f_date"),
        rs.getString("f2f_cls"),
        date(rs, "period_due"),
        date(rs, "next_due"),
        date(rs, "sort_date"));
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
    return page(REFERRALS, village, window, offset, limit, WorklistRepository::referralRow);
  }

  /** The referral list over many villages, optionally of one doctor's patients. */
  @Transactional(readOnly = true)
  Page<ReferralRow> referrals(
      List<String> villages, @Nullable UUID doctor, Window window, int offset, int limit) {
    return page(
        AREA_REFERRALS, villages, doctor, window, offset, limit, WorklistRepository::referralRow);
  }

  private static ReferralRow referralRow(ResultSet rs, PatientColumns p) throws SQLException {
    return new ReferralRow(
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
        rs.getString("last_referral_department"));
  }

  /**
   * The danger-sign visits dated from {@code from} to the reference date over many villages,
   * optionally of one doctor's patients; pages by visit.
   */
  @Transactional(readOnly = true)
  Page<DangerSignRow> dangerSigns(
      List<String> villages,
      @Nullable UUID doctor,
      Window window,
      LocalDate from,
      int offset,
      int limit) {
    if (villages.isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    Map<String, Object> params = params(window, villages);
    params.put("danger_from", from);
    String hits = DANGER_SIGN_VISITS;
    if (doctor != null) {
      hits = DOCTOR_FILTER.formatted(hits);
      params.put("doctor", doctor);
    }
    params.put("offset", (long) offset);
    params.put("limit", (long) limit);
    long[] total = {0};
    List<DangerSignRow> rows =
        query(
            DANGER_SIGN_PAGE.formatted(hits),
            params,
            rs -> {
              total[0] = rs.getLong("total");
              return new DangerSignRow(
                  patient(rs),
                  rs.getString("disease"),
                  rs.getObject("visit_id", UUID.class),
                  date(rs, "visit_date"),
                  rs.getString("mode"),
                  rs.getString("danger_signs"),
                  rs.getInt("urgent") == 1,
                  rs.getString("next_step"),
                  rs.getString("cls"),
                  rs.getObject("signed_by", UUID.class),
                  rs.getString("referral_reason"),
                  rs.getString("referral_facility"),
                  rs.getString("referral_department"),
                  date(rs, "later_date"));
            });
    if (rows.isEmpty() && offset > 0) {
      total[0] =
          query("SELECT COUNT(*) FROM (%s) h".formatted(hits), params, rs -> rs.getLong(1)).get(0);
    }
    return new Page<>(rows, total[0]);
  }

  /**
   * Every active patient's diseases with this year's face-to-face visits; see {@link AtRiskRow}.
   */
  @Transactional(readOnly = true)
  List<AtRiskRow> atRiskCandidates(List<String> villages, @Nullable UUID doctor, Window window) {
    if (villages.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = params(window, villages);
    String sql = AT_RISK_CANDIDATES;
    if (doctor != null) {
      sql = DOCTOR_FILTER.formatted(sql);
      params.put("doctor", doctor);
    }
    return query(
        sql + " ORDER BY 1",
        params,
        rs ->
            new AtRiskRow(
                patient(rs), rs.getString("disease"), rs.getInt("f2f_year"), date(rs, "f2f_date")));
  }

  /** Returns the display names of the users, by id. */
  @Transactional(readOnly = true)
  Map<UUID, String> userNames(java.util.Collection<UUID> ids) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object[] row :
        query(
            "SELECT id, display_name FROM app_user WHERE id IN (:ids)",
            Map.of("ids", List.copyOf(ids)),
            rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})) {
      out.put((UUID) row[0], (String) row[1]);
    }
    return out;
  }

  /** Returns the doctors (village doctors) with a village among the given ones: id and name. */
  @Transactional(readOnly = true)
  List<DoctorRow> doctorsOf(List<String> villages) {
    if (villages.isEmpty()) {
      return List.of();
    }
    return query(
        "SELECT DISTINCT u.id, u.display_name, u.username FROM app_user u"
            + " JOIN user_village v ON v.user_id = u.id"
            + " WHERE u.role = 'VILLAGE_DOCTOR' AND v.village_code IN (:villages)"
            + " ORDER BY u.display_name, u.username",
        Map.of("villages", List.copyOf(villages)),
        rs -> new DoctorRow(rs.getObject(1, UUID.class), rs.getString(2)));
  }

  /** A village doctor: id and display name. */
  record DoctorRow(UUID id, String name) {}

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
    return page(hits, List.of(village), null, window, offset, limit, reader);
  }

  private <R> Page<R> page(
      String hits,
      List<String> villages,
      @Nullable UUID doctor,
      Window window,
      int offset,
      int limit,
      RowReader<R> reader) {
    if (villages.isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    Map<String, Object> params = params(window, villages);
    if (doctor != null) {
      hits = DOCTOR_FILTER.formatted(hits);
      params.put("doctor", doctor);
    }
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
        rs.getString("p_address"),
        rs.getString("p_resident_id"),
        rs.getObject("p_created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("doctor_id", UUID.class));
  }

  private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
