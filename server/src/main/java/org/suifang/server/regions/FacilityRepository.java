package org.suifang.server.regions;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FacilityRepository extends CrudRepository<Facility, UUID> {

  List<Facility> findByRegionCodeInOrderByName(Collection<String> regionCodes);
}
