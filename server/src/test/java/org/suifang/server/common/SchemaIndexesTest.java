package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * The schema the migrations leave behind: which indexes are redundant and which foreign keys exist,
 * read through JDBC metadata so that the same checks run on H2 and PostgreSQL.
 */
@MicronautTest
class SchemaIndexesTest {

  /**
   * Non-unique indexes whose columns lead another index of their table, on both databases:
   * ix_patient_village (village_code) leads ix_patient_identity (village_code, birth_date, name).
   */
  private static final Set<String> REDUNDANT_ON_BOTH = Set.of("patient(village_code)");

  /**
   * The indexes H2 keeps for foreign keys after V35. H2 2.4 backs a foreign key only with an index
   * of exactly its columns made by CREATE INDEX; these keys are covered only by a wider index or a
   * primary key's or unique constraint's index, so H2 would build the same index again.
   */
  private static final Set<String> KEPT_FOR_H2_FOREIGN_KEYS =
      Set.of(
          "audit_log(user_id)",
          "device_mutation(device_id)",
          "device_user(device_id)",
          "follow_up(patient_id)",
          "follow_up_medication(follow_up_id)",
          "merge_candidate(patient_a)",
          "mutation_result(device_id)",
          "population_estimate(township_code)",
          "user_village(user_id)");

  @Inject DataSource dataSource;

  @Test
  void migrations_leaveNoRedundantIndexOtherThanTheKnownOnes() throws SQLException {
    Set<String> expected = new TreeSet<>(REDUNDANT_ON_BOTH);
    if (!TestDatabaseConfigurer.onPostgres()) {
      expected.addAll(KEPT_FOR_H2_FOREIGN_KEYS);
    }
    assertThat(redundantIndexes()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void migrations_keepEveryForeignKey() throws SQLException {
    assertThat(foreignKeys())
        .containsExactlyInAnyOrder(
            "app_user(county_code) -> region(code)",
            "app_user(facility_id) -> facility(id)",
            "app_user(township_code) -> region(code)",
            "audit_log(user_id) -> app_user(id)",
            "dashboard_session_cutoff(user_id) -> app_user(id)",
            "device(user_id) -> app_user(id)",
            "device_mutation(device_id) -> device(id)",
            "device_user(device_id) -> device(id)",
            "device_user(user_id) -> app_user(id)",
            "facility(region_code) -> region(code)",
            "follow_up(amends) -> follow_up(id)",
            "follow_up(doctor_id) -> app_user(id)",
            "follow_up(patient_id) -> patient(id)",
            "follow_up(voided_by) -> app_user(id)",
            "follow_up_medication(follow_up_id) -> follow_up(id)",
            "follow_up_warning(follow_up_id) -> follow_up(id)",
            "merge_candidate(patient_a) -> patient(id)",
            "merge_candidate(patient_b) -> patient(id)",
            "merge_candidate(survivor_id) -> patient(id)",
            "mutation_result(device_id) -> device(id)",
            "patient(created_by) -> app_user(id)",
            "patient(merged_into) -> patient(id)",
            "patient(updated_by) -> app_user(id)",
            "patient(village_code) -> region(code)",
            "population_estimate(township_code) -> region(code)",
            "population_estimate(updated_by) -> app_user(id)",
            "refresh_token(user_id) -> app_user(id)",
            "region(parent_code) -> region(code)",
            "sync_conflict(patient_id) -> patient(id)",
            "user_village(user_id) -> app_user(id)",
            "user_village(village_code) -> region(code)");
  }

  @Test
  void warningForMissingFollowUp_isRefused() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO follow_up_warning (follow_up_id, line_no, code, message_zh,"
                    + " message_en) VALUES (?, 1, 'X', 'x', 'x')")) {
      insert.setObject(1, UUID.randomUUID());
      // Both mean a missing parent row: PostgreSQL's foreign_key_violation, H2's own code.
      String missingParent = TestDatabaseConfigurer.onPostgres() ? "23503" : "23506";
      assertThatThrownBy(insert::executeUpdate)
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(missingParent));
    }
  }

  @Test
  @Tag("h2-only")
  void onH2_v35LetsForeignKeysUseOurIndexes() throws SQLException {
    // H2 names the constraints itself, so they are found by table and column.
    String sql =
        "SELECT tc.index_name FROM information_schema.table_constraints tc"
            + " JOIN information_schema.key_column_usage k"
            + "   ON k.constraint_schema = tc.constraint_schema"
            + "  AND k.constraint_name = tc.constraint_name"
            + " WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ?"
            + "   AND k.column_name = ?";
    Map<String, String> indexes = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (String[] key :
          List.of(
              new String[] {"follow_up_warning", "follow_up_id"},
              new String[] {"device", "user_id"},
              new String[] {"refresh_token", "user_id"})) {
        ps.setString(1, key[0]);
        ps.setString(2, key[1]);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("foreign key on %s(%s)", key[0], key[1]).isTrue();
          indexes.put(key[0], rs.getString(1));
        }
      }
    }
    assertThat(indexes)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "device", "ix_device_user",
                    "follow_up_warning", "ix_follow_up_warning",
                    "refresh_token", "refresh_token_user_id_idx")));
  }

  /** Returns "table(columns)" for each non-unique index whose columns lead another index's. */
  private Set<String> redundantIndexes() throws SQLException {
    Set<String> redundant = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      for (String table : tables(c)) {
        Map<String, List<String>> columns = new TreeMap<>();
        Set<String> nonUnique = new TreeSet<>();
        try (ResultSet rs = md.getIndexInfo(null, c.getSchema(), table, false, false)) {
          while (rs.next()) {
            String index = rs.getString("INDEX_NAME");
            if (index == null) {
              continue;
            }
            List<String> list = columns.computeIfAbsent(index, k -> new ArrayList<>());
            int position = rs.getInt("ORDINAL_POSITION");
            while (list.size() < position) {
              list.add(null);
            }
            list.set(position - 1, rs.getString("COLUMN_NAME"));
            if (rs.getBoolean("NON_UNIQUE")) {
              nonUnique.add(index);
            }
          }
        }
        for (String index : nonUnique) {
          List<String> leading = columns.get(index);
          for (Map.Entry<String, List<String>> other : columns.entrySet()) {
            List<String> otherColumns = other.getValue();
            if (!other.getKey().equals(index)
                && otherColumns.size() >= leading.size()
                && otherColumns.subList(0, leading.size()).equals(leading)) {
              redundant.add(table + "(" + String.join(", ", leading) + ")");
            }
          }
        }
      }
    }
    return redundant;
  }

  /** Returns "table(columns) -> referenced(columns)" for every foreign key. */
  private List<String> foreignKeys() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      for (String table : tables(c)) {
        Map<String, List<String[]>> byName = new TreeMap<>();
        try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), table)) {
          while (rs.next()) {
            // Rows come ordered by referenced table and KEY_SEQ, so each key's columns in order.
            byName
                .computeIfAbsent(rs.getString("FK_NAME"), k -> new ArrayList<>())
                .add(
                    new String[] {
                      rs.getString("FKCOLUMN_NAME"),
                      rs.getString("PKTABLE_NAME"),
                      rs.getString("PKCOLUMN_NAME")
                    });
          }
        }
        for (List<String[]> key : byName.values()) {
          List<String> from = new ArrayList<>();
          List<String> to = new ArrayList<>();
          for (String[] column : key) {
            from.add(column[0]);
            to.add(column[2]);
          }
          keys.add(
              table
                  + "("
                  + String.join(", ", from)
                  + ") -> "
                  + key.get(0)[1]
                  + "("
                  + String.join(", ", to)
                  + ")");
        }
      }
    }
    return keys;
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      ps.setString(1, c.getSchema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }
}
