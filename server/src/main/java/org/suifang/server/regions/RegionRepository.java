package org.suifang.server.regions;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegionRepository extends CrudRepository<Region, String> {

  List<Region> findByCountyCodeOrderByCode(String countyCode);
}
