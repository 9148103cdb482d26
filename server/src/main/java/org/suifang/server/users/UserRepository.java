package org.suifang.server.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<User, UUID> {

  Optional<User> findByUsername(String username);

  boolean existsByUsername(String username);

  List<User> findByCountyCodeOrderByUsername(String countyCode);

  // Counted in the database so that concurrent failures are not lost.
  @Query("UPDATE app_user SET failed_logins = failed_logins + 1, updated_at = :now WHERE id = :id")
  void incrementFailedLogins(UUID id, Instant now);

  @Query("SELECT failed_logins FROM app_user WHERE id = :id")
  int findFailedLogins(UUID id);

  @Query(
      "UPDATE app_user SET failed_logins = 0, locked_until = :lockedUntil, updated_at = :now WHERE id = :id")
  void resetFailedLogins(UUID id, @Nullable Instant lockedUntil, Instant now);

  @Query("UPDATE app_user SET active = :active, updated_at = :now WHERE id = :id")
  void updateActive(UUID id, boolean active, Instant now);

  @Query("UPDATE app_user SET password_hash = :passwordHash, updated_at = :now WHERE id = :id")
  void updatePasswordHash(UUID id, String passwordHash, Instant now);

  @Query("INSERT INTO user_village (user_id, village_code) VALUES (:userId, :villageCode)")
  void insertVillage(UUID userId, String villageCode);

  @Query("SELECT village_code FROM user_village WHERE user_id = :userId ORDER BY village_code")
  List<String> findVillageCodes(UUID userId);
}
