package org.suifang.server.followups;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FollowUpRepository extends CrudRepository<FollowUp, UUID> {

  /** Every record of the patient, superseded and voided ones included; newest visit first. */
  @Query(
      "SELECT * FROM follow_up WHERE patient_id = :patientId ORDER BY visit_date DESC, received_at DESC")
  List<FollowUp> findHistory(UUID patientId);

  List<FollowUp> findByEncounterId(UUID encounterId);

  List<FollowUp> findByAmendsIn(List<UUID> amends);

  boolean existsByAmends(UUID amends);

  /** Marks a record voided unless it already is; returns the number of rows changed (0 or 1). */
  @Query(
      """
      UPDATE follow_up SET voided_at = :at, voided_by = :by, void_reason = :reason,
        updated_at = :at, version = version + 1
      WHERE id = :id AND voided_at IS NULL""")
  long markVoided(UUID id, Instant at, UUID by, String reason);
}
