package org.suifang.server.reports;

import static org.suifang.server.common.SqlValues.setInstant;
import static org.suifang.server.common.SqlValues.setInt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code population_estimate} table (V32). */
@Singleton
class PopulationEstimateRepository {

  private static final String COLUMNS =
      "township_code, estimate_year, hypertension, diabetes, updated_by, updated_at";

  private final JdbcOperations jdbc;

  PopulationEstimateRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** One row: the estimated patients of a township in a year. */
  record Estimate(
      String townshipCode,
      int year,
      @Nullable Integer hypertension,
      @Nullable Integer diabetes,
      UUID updatedBy,
      Instant updatedAt) {}

  /** Returns the estimates of the townships whose code starts with the prefix, in a year or all. */
  @Transactional(readOnly = true)
  List<Estimate> find(String codePrefix, @Nullable Integer year) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM population_estimate WHERE SUBSTRING(township_code, 1, "
            + codePrefix.length()
            + ") = ?"
            + (year == null ? "" : " AND estimate_year = ?")
            + " ORDER BY estimate_year, township_code";
    List<Object> params = new ArrayList<>();
    params.add(codePrefix);
    if (year != null) {
      params.add(year);
    }
    return jdbc.prepareStatement(
        sql,
        ps -> {
          IndicatorRepository.bind(ps, params);
          List<Estimate> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Estimate(
                      rs.getString(1),
                      rs.getInt(2),
                      rs.getObject(3, Integer.class),
                      rs.getObject(4, Integer.class),
                      rs.getObject(5, UUID.class),
                      rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
          }
          return out;
        });
  }

  /** Writes the estimate of a township and year, replacing any earlier one. */
  @Transactional
  void save(Estimate e) {
    int updated =
        jdbc.prepareStatement(
            "UPDATE population_estimate SET hypertension = ?, diabetes = ?, updated_by = ?,"
                + " updated_at = ? WHERE township_code = ? AND estimate_year = ?",
            ps -> {
              setInt(ps, 1, e.hypertension());
              setInt(ps, 2, e.diabetes());
              ps.setObject(3, e.updatedBy());
              setInstant(ps, 4, e.updatedAt());
              ps.setString(5, e.townshipCode());
              ps.setInt(6, e.year());
              return ps.executeUpdate();
            });
    if (updated == 0) {
      jdbc.prepareStatement(
          "INSERT INTO population_estimate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
          ps -> {
            ps.setString(1, e.townshipCode());
            ps.setInt(2, e.year());
            setInt(ps, 3, e.hypertension());
            setInt(ps, 4, e.diabetes());
            ps.setObject(5, e.updatedBy());
            setInstant(ps, 6, e.updatedAt());
            return ps.executeUpdate();
          });
    }
  }
}
