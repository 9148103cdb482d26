package org.suifang.server.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * Inserts audit entries. Deliberately not a {@code CrudRepository}: there is no update or delete.
 * Readers query through their own repositories.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntry, Long> {

  AuditEntry save(AuditEntry entry);
}
