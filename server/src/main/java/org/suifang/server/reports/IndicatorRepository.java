package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.server.reports.IndicatorFacts.PatientFact;
import org.suifang.server.reports.IndicatorFacts.VisitFact;

/**
 * Reads what the indicators are computed from: one statement per table (regions, patients,
 * follow-ups, the latest visit's doctor, user names), never one per patient. Every statement runs
 * unchanged on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Singleton
class IndicatorRepository {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  // A follow-up is current when it is not voided and no other record amends it.
  private static final String CURRENT =
      "f.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)";

  private final JdbcOperations jdbc;

  IndicatorRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A region: its 12-digit code, level, name and parent. */
  record RegionRow(String code, String level, String name, @Nullable String parentCode) {}

  /** A user who may own a row of the doctor grouping. */
  record UserRow(UUID id, String name) {}

  /** Returns every region of a county, in code order. */
  @Transactional(readOnly = true)
  List<RegionRow> regionsOfCounty(String countyCode) {
    return query(
        "SELECT code, level, name, parent_code FROM region WHERE county_code = ? ORDER BY code",
        List.of(countyCode),
        rs -> new RegionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  /** Returns the region with the code, or null. */
  @Transactional(readOnly = true)
  @Nullable
  RegionRow region(String code) {
    List<RegionRow> rows =
        query(
            "SELECT code, level, name, parent_code FROM region WHERE code = ?",
            List.of(code),
            rs ->
                new RegionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Returns the patients of the villages registered on or before {@code lastDay} (China Standard
   * Time), leaving out merged duplicates.
   */
  @Transactional(readOnly = true)
  List<PatientFact> patients(Collection<String> villages, LocalDate lastDay) {
    if (villages.isEmpty()) {
      return List.of();
    }
    OffsetDateTime before =
        lastDay
            .plusDays(1)
            .atStartOfDay(CHINA)
            .toOffsetDateTime()
            .withOffsetSameInstant(ZoneOffset.UTC);
    List<Object> params = new ArrayList<>(villages);
    params.add(before);
    return query(
        "SELECT id, village_code, hypertension, diabetes, created_at, status, status_date, created_by"
            + " FROM patient WHERE village_code IN ("
            + marks(villages.size())
            + ") AND merged_into IS NULL AND created_at < ?",
        params,
        rs ->
            new PatientFact(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(CHINA).toLocalDate(),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, UUID.class)));
  }

  /**
   * Returns the current follow-ups dated from {@code from} to {@code to} of the patients of the
   * villages, leaving out those of merged duplicates.
   */
  @Transactional(readOnly = true)
  List<VisitFact> visits(Collection<String> villages, LocalDate from, LocalDate to) {
    if (villages.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(villages);
    params.add(from);
    params.add(to);
    return query(
        "SELECT f.id, f.patient_id, f.disease, f.visit_date, f.mode, f.annual_check, f.age_at_visit,"
            + " f.bphs_controlled, f.received_at"
            + " FROM patient p JOIN follow_up f ON f.patient_id = p.id"
            + " WHERE p.village_code IN ("
            + marks(villages.size())
            + ") AND p.merged_into IS NULL"
            + " AND f.visit_date >= CAST(? AS DATE) AND f.visit_date <= CAST(? AS DATE) AND "
            + CURRENT,
        params,
        rs -> {
          boolean controlled = rs.getBoolean(8);
          return new VisitFact(
              rs.getObject(1, UUID.class),
              rs.getObject(2, UUID.class),
              Disease.valueOf(rs.getString(3)),
              rs.getObject(4, LocalDate.class),
              rs.getString(5),
              rs.getBoolean(6),
              rs.getInt(7),
              rs.wasNull() ? null : controlled,
              rs.getObject(9, OffsetDateTime.class).toInstant());
        });
  }

  /**
   * Returns, for each patient of the villages with a current follow-up dated on or before {@code
   * lastDay}, the doctor who signed the latest one (by visit date, then receipt time, then id).
   */
  @Transactional(readOnly = true)
  Map<UUID, UUID> latestDoctors(Collection<String> villages, LocalDate lastDay) {
    if (villages.isEmpty()) {
      return Map.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(lastDay);
    params.addAll(villages);
    Map<UUID, UUID> out = new HashMap<>();
    // One index range scan of ix_follow_up_patient per patient (a window over every visit of the
    // area sorts far more rows, and is several times slower on H2).
    query(
        "SELECT p.id, (SELECT f.doctor_id FROM follow_up f WHERE f.patient_id = p.id"
            + " AND f.visit_date <= CAST(? AS DATE) AND "
            + CURRENT
            + " ORDER BY f.visit_date DESC, f.received_at DESC, f.id DESC LIMIT 1)"
            + " FROM patient p WHERE p.village_code IN ("
            + marks(villages.size())
            + ") AND p.merged_into IS NULL",
        params,
        rs -> {
          UUID doctor = rs.getObject(2, UUID.class);
          if (doctor != null) {
            out.put(rs.getObject(1, UUID.class), doctor);
          }
          return doctor;
        });
    return out;
  }

  /** Returns the village doctors assigned to any of the villages. */
  @Transactional(readOnly = true)
  List<UserRow> doctorsOf(Collection<String> villages) {
    if (villages.isEmpty()) {
      return List.of();
    }
    return query(
        "SELECT DISTINCT u.id, u.display_name FROM user_village uv JOIN app_user u ON u.id = uv.user_id"
            + " WHERE uv.village_code IN ("
            + marks(villages.size())
            + ") AND u.role = 'VILLAGE_DOCTOR'",
        List.copyOf(villages),
        rs -> new UserRow(rs.getObject(1, UUID.class), rs.getString(2)));
  }

  /** Returns the villages (among the given ones) of each village doctor assigned to them. */
  @Transactional(readOnly = true)
  Map<UUID, List<String>> villagesOfDoctors(Collection<String> villages) {
    Map<UUID, List<String>> out = new HashMap<>();
    if (villages.isEmpty()) {
      return out;
    }
    query(
        "SELECT uv.user_id, uv.village_code FROM user_village uv WHERE uv.village_code IN ("
            + marks(villages.size())
            + ")",
        List.copyOf(villages),
        rs ->
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(rs.getString(2)));
    return out;
  }

  /** Returns the display names of the users. */
  @Transactional(readOnly = true)
  List<UserRow> users(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return query(
        "SELECT id, display_name FROM app_user WHERE id IN (" + marks(ids.size()) + ")",
        List.copyOf(ids),
        rs -> new UserRow(rs.getObject(1, UUID.class), rs.getString(2)));
  }

  private interface Reader<R> {
    R read(ResultSet rs) throws SQLException;
  }

  private <R> List<R> query(String sql, List<?> params, Reader<R> reader) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          List<R> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(reader.read(rs));
            }
          }
          return out;
        });
  }

  static void bind(PreparedStatement ps, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Instant instant) {
        v = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
      }
      ps.setObject(i + 1, v);
    }
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
