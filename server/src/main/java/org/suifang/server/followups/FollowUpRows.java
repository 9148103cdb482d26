package org.suifang.server.followups;

import static org.suifang.server.common.SqlValues.setInt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.PreviousVisit;

/**
 * The statements of recording a follow-up that read or write only a few columns, in plain JDBC in
 * the caller's transaction: the push path runs them once per visit, and reading a whole 80-column
 * {@link FollowUp} through the repository's entity mapper to use four of its columns, or inserting
 * medication rows one statement each, was most of its cost (docs/performance.md, "Server: push and
 * pull throughput").
 */
@Singleton
class FollowUpRows {

  private final JdbcOperations jdbc;

  FollowUpRows(JdbcOperations jdbc) {
    this.jdbc = jdbc;
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
        ORDER BY f.visit_date DESC, f.received_at DESC
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
