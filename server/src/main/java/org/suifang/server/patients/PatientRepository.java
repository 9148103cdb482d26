package org.suifang.server.patients;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PatientRepository extends CrudRepository<Patient, UUID> {

  Optional<Patient> findByCountyCodeAndResidentId(String countyCode, String residentId);
}
