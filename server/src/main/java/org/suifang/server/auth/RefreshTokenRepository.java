package org.suifang.server.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends CrudRepository<RefreshToken, UUID> {

  Optional<RefreshToken> findByTokenHash(String tokenHash);

  // Conditional, so that of two concurrent refreshes with one token exactly one wins.
  @Query(
      "UPDATE refresh_token SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
  int markUsed(UUID id, Instant now);

  @Query(
      "UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
  int revokeFamily(UUID familyId, Instant now);

  @Query(
      "UPDATE refresh_token SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeAllOfUser(UUID userId, Instant now);

  @Query("DELETE FROM refresh_token WHERE expires_at < :before")
  int deleteExpiredBefore(Instant before);
}
