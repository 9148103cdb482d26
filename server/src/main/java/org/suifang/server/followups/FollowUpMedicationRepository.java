package org.suifang.server.followups;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FollowUpMedicationRepository extends CrudRepository<FollowUpMedication, Long> {

  List<FollowUpMedication> findByFollowUpIdInOrderByLineNo(Collection<UUID> followUpIds);
}
