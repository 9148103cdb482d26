package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.suifang.server.auth.CurrentUser;

/**
 * The patient search query. Filters are optional, so the SQL is assembled here rather than derived
 * by Micronaut Data; every value is a bind parameter. Runs inside the caller's transaction.
 */
@Singleton
class PatientSearch {

  /** One page of patients and the number of all matches. */
  record Result(List<Patient> patients, long total) {}

  private final JdbcOperations jdbc;

  PatientSearch(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Finds the patients in the user's area that match every given filter. */
  Result find(
      CurrentUser user,
      @Nullable String name,
      @Nullable String residentId,
      @Nullable String villageCode,
      int page,
      int size) {
    StringBuilder where = new StringBuilder(" WHERE ");
    List<String> args = new ArrayList<>();
    switch (user.role()) {
      case VILLAGE_DOCTOR -> {
        if (user.villageCodes().isEmpty()) {
          return new Result(List.of(), 0);
        }
        where
            .append("village_code IN (")
            .append(String.join(", ", user.villageCodes().stream().map(v -> "?").toList()))
            .append(')');
        args.addAll(user.villageCodes());
      }
      case TOWNSHIP_SUPERVISOR -> {
        if (user.townshipCode() == null) {
          return new Result(List.of(), 0);
        }
        where.append("village_code LIKE ?");
        args.add(user.townshipCode().substring(0, 9) + "%");
      }
      case COUNTY_ADMIN -> {
        where.append("village_code LIKE ?");
        args.add(user.countyCode().substring(0, 6) + "%");
      }
      default -> throw new IllegalStateException("unknown role " + user.role());
    }
    // Merged duplicates redirect to their survivor and are never listed.
    where.append(" AND merged_into IS NULL");
    if (name != null) {
      where.append(" AND name LIKE ? ESCAPE '\\'");
      args.add("%" + escapeLike(name) + "%");
    }
    if (residentId != null) {
      where.append(" AND resident_id = ?");
      args.add(residentId);
    }
    if (villageCode != null) {
      where.append(" AND village_code = ?");
      args.add(villageCode);
    }
    long total =
        jdbc.prepareStatement(
            "SELECT count(*) FROM patient" + where,
            ps -> {
              bind(ps, args);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    List<Patient> patients =
        jdbc.prepareStatement(
            "SELECT * FROM patient" + where + " ORDER BY name, id LIMIT ? OFFSET ?",
            ps -> {
              bind(ps, args);
              ps.setInt(args.size() + 1, size);
              ps.setLong(args.size() + 2, (long) page * size);
              try (ResultSet rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Patient.class).toList();
              }
            });
    return new Result(patients, total);
  }

  private static void bind(PreparedStatement ps, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setString(i + 1, args.get(i));
    }
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
