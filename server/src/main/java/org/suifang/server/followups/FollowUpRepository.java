package org.suifang.server.followups;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FollowUpRepository extends CrudRepository<FollowUp, UUID> {

  /** Every record of the patient, superseded and voided ones included; newest visit first. */
  @Query("SELECT * FROM follow_up WHERE patient_id = :patientId ORDER BY visit_date DESC, received_at DESC")
  List<FollowUp> findHistory(UUID patientId);

  List<FollowUp> findByEncounterId(UUID encounterId);

  List<FollowUp> findByAmendsIn(List<UUID> amends);

  boolean existsByAmends(UUID amends);

  /**
   * The previous visit the rules compare with: the latest current (not voided, not amended)
   * face-to-face record of the same patient and disease dated before {@code visitDate}, other than
   * {@code excluded} (the record being amended).
   */
  @Query("""
      SELECT f.* FROM follow_up f
      WHERE f.patient_id = :patientId AND f.disease = :disease AND f.mode <> 'PHONE'
        AND f.voided_at IS NULL AND f.visit_date < :visitDate AND f.id <> :excluded
        AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)
      ORDER BY f.visit_date DESC, f.received_at DESC
      LIMIT 1""")
  Optional<FollowUp> findPrevious(UUID patientId, String disease, LocalDate visitDate, UUID excluded);

  /** Marks a record voided unless it already is; returns the number of rows changed (0 or 1). */
  @Query("""
      UPDATE follow_up SET voided_at = :at, voided_by = :by, void_reason = :reason,
        updated_at = :at, version = version + 1
      WHERE id = :id AND voided_at IS NULL""")
  long markVoided(UUID id, Instant at, UUID by, String reason);
}
