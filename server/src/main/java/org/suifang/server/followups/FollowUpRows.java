package org.suifang.server.followups;

import static org.suifang.server.common.SqlValues.setInt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.naming.NamingStrategy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.PreviousVisit;
import org.suifang.server.common.SqlValues;

/**
 * The statements of recording a follow-up, in plain JDBC in the caller's transaction: the push path
 * runs them once per visit, and reading a whole 80-column {@link FollowUp} through the repository's
 * entity mapper to use four of its columns, inserting medication rows one statement each, or
 * inserting a record through the mapper and updating its change number afterwards was most of its
 * cost (docs/performance.md, "Server: push and pull throughput").
 */
@Singleton
class FollowUpRows {

  private final JdbcOperations jdbc;
  // The entity's properties in the order of insertSql's columns.
  private final List<BeanProperty<FollowUp, Object>> columns;
  private final String insertSql;

  FollowUpRows(JdbcOperations jdbc) {
    this.jdbc = jdbc;
    this.columns =
        new ArrayList<>(BeanIntrospection.getIntrospection(FollowUp.class).getBeanProperties());
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (BeanProperty<FollowUp, Object> p : columns) {
      names.add(column(p));
      marks.add("?");
    }
    this.insertSql = "INSERT INTO follow_up (" + names + ", change_seq) VALUES (" + marks + ", ?)";
  }

  /** The column of a property, named as the repository names it. */
  private static String column(BeanProperty<FollowUp, Object> property) {
    return property
        .stringValue(MappedProperty.class)
        .orElseGet(() -> NamingStrategy.DEFAULT.mappedName(property.getName()));
  }

  /**
   * Inserts a record with its change number (0 for one stamped afterwards): every column the
   * repository's {@code save} writes, bound from the entity's introspection, without the mapper's
   * per-row work, so that a batch of pushed records can insert each with its number and not update
   * it later (docs/performance.md, "Fourth round").
   */
  void insert(FollowUp row, long changeSeq) {
    jdbc.prepareStatement(
        insertSql,
        ps -> {
          int i = 1;
          for (BeanProperty<FollowUp, Object> p : columns) {
            bind(ps, i++, p.get(row), p.getType());
          }
          ps.setLong(i, changeSeq);
          return ps.executeUpdate();
        });
  }

  /** Binds a value of an entity property the way the repository binds it, on H2 and PostgreSQL. */
  private static void bind(PreparedStatement ps, int index, @Nullable Object value, Class<?> type)
      throws SQLException {
    if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else if (value instanceof Instant instant) {
      SqlValues.setInstant(ps, index, instant);
    } else if (value != null) {
      ps.setObject(index, value);
    } else if (type == String.class || type.isEnum()) {
      ps.setNull(index, Types.VARCHAR);
    } else if (type == Integer.class) {
      ps.setNull(index, Types.INTEGER);
    } else if (type == BigDecimal.class) {
      ps.setNull(index, Types.NUMERIC);
    } else if (type == Boolean.class) {
      ps.setNull(index, Types.BOOLEAN);
    } else if (type == LocalDate.class) {
      ps.setNull(index, Types.DATE);
    } else if (type == Instant.class) {
      SqlValues.setInstant(ps, index, null);
    } else {
      // UUID and anything else: the database infers the type.
      ps.setObject(index, null);
    }
  }

  /**
   * The request hash of the record with this id, or null if there is none: what an idempotent
   * repeat of a record or an amendment is checked against.
   */
  @Nullable
  String requestHash(UUID id) {
    return jdbc.prepareStatement(
        "SELECT request_hash FROM follow_up WHERE id = ?",
        ps -> {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
          }
        });
  }

  /**
   * The previous visit the rules compare with: the latest current (not voided, not amended)
   * face-to-face record of the same patient and disease dated before {@code visitDate}, other than
   * {@code excluded} (the record being amended), with its effective classification; null when there
   * is none. The doctor's override is the classification that counts; with an override the measured
   * control flag is not passed, so the override decides whether the previous visit was
   * uncontrolled. A visit with no classification at all gives no previous visit (it cannot make
   * this one the second uncontrolled in a row).
   *
   * <p>The order names every column of {@code ix_follow_up_patient} (the first two are fixed by the
   * conditions), so that H2 too reads the index backwards and stops at the first row that passes,
   * where an order by the date alone made it read and sort every earlier record of the patient.
   */
  @Nullable
  PreviousVisit previous(UUID patientId, String disease, LocalDate visitDate, UUID excluded) {
    return jdbc.prepareStatement(
        """
        SELECT f.visit_date, f.classification, f.classification_override, f.bphs_controlled
        FROM follow_up f
        WHERE f.patient_id = ? AND f.disease = ? AND f.mode <> 'PHONE'
          AND f.voided_at IS NULL AND f.visit_date < ? AND f.id <> ?
          AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)
        ORDER BY f.patient_id DESC, f.disease DESC, f.visit_date DESC, f.received_at DESC
        LIMIT 1""",
        ps -> {
          ps.setObject(1, patientId);
          ps.setString(2, disease);
          ps.setObject(3, visitDate);
          ps.setObject(4, excluded);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return null;
            }
            LocalDate date = rs.getObject(1, LocalDate.class);
            String classification = rs.getString(2);
            String override = rs.getString(3);
            boolean controlled = rs.getBoolean(4);
            Boolean bphsControlled = rs.wasNull() ? null : controlled;
            String effective = override != null ? override : classification;
            if (effective == null) {
              return null;
            }
            return PreviousVisit.of(
                date, Classification.valueOf(effective), override != null ? null : bphsControlled);
          }
        });
  }

  /** Inserts a record's medication rows in one batch. */
  void insertMedications(List<FollowUpMedication> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        "INSERT INTO follow_up_medication (follow_up_id, kind, line_no, drug_name, times_per_day,"
            + " mg_per_dose, insulin_type, insulin_dosage) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          for (FollowUpMedication m : rows) {
            ps.setObject(1, m.followUpId());
            ps.setString(2, m.kind().name());
            ps.setInt(3, m.lineNo());
            ps.setString(4, m.drugName());
            setInt(ps, 5, m.timesPerDay());
            ps.setBigDecimal(6, m.mgPerDose());
            ps.setString(7, m.insulinType());
            ps.setString(8, m.insulinDosage());
            ps.addBatch();
          }
          return ps.executeBatch();
        });
  }

  /** Inserts a record's validation warnings in one batch. */
  void insertWarnings(List<FollowUpWarning> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        "INSERT INTO follow_up_warning (follow_up_id, line_no, field, code, message_zh, message_en)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        ps -> {
          for (FollowUpWarning w : rows) {
            ps.setObject(1, w.followUpId());
            ps.setInt(2, w.lineNo());
            ps.setString(3, w.field());
            ps.setString(4, w.code());
            ps.setString(5, w.messageZh());
            ps.setString(6, w.messageEn());
            ps.addBatch();
          }
          return ps.executeBatch();
        });
  }
}
