package org.suifang.server.patients;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PatientRepository extends CrudRepository<Patient, UUID> {

  /** The patient with this id, unless it was merged into another: then empty, as for no patient. */
  @Query("SELECT * FROM patient WHERE id = :id AND merged_into IS NULL")
  Optional<Patient> findUnmerged(UUID id);

  /**
   * The patients of the county with this resident ID number: more than one when tablets registered
   * the same person offline (they become merge candidates). Merged duplicates are left out.
   */
  @Query(
      "SELECT * FROM patient WHERE county_code = :countyCode AND resident_id = :residentId"
          + " AND merged_into IS NULL")
  List<Patient> findByCountyCodeAndResidentId(String countyCode, String residentId);

  /**
   * The patients of the village with this name and birth date (possible duplicates); merged
   * duplicates are left out.
   */
  @Query(
      "SELECT * FROM patient WHERE village_code = :villageCode AND birth_date = :birthDate"
          + " AND name = :name AND merged_into IS NULL")
  List<Patient> findByVillageCodeAndBirthDateAndName(
      String villageCode, LocalDate birthDate, String name);

  /** Reads the patient and locks its row until the transaction ends. */
  Optional<Patient> findByIdForUpdate(UUID id);
}
