package org.suifang.server.sync;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MutationResultRepository extends CrudRepository<MutationResult, UUID> {

  /** Which of these mutations have a stored result: one query for a batch's duplicate checks. */
  List<UUID> findMutationIdByMutationIdIn(Collection<UUID> mutationIds);
}
