package org.suifang.server.web;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signed-out sessions and per-user cut-offs in the database, so that every server instance behind a
 * load balancer refuses them.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SessionRevocationRepository extends GenericRepository<SessionRevocation, String> {

  @Query(
      """
      INSERT INTO dashboard_session_revocation (token_hash, expires_at)
      SELECT :tokenHash, :expiresAt FROM (VALUES (1)) one
      WHERE NOT EXISTS (SELECT 1 FROM dashboard_session_revocation WHERE token_hash = :tokenHash)""")
  void insert(String tokenHash, Instant expiresAt);

  @Query(
      "SELECT COUNT(*) FROM dashboard_session_revocation WHERE token_hash = :tokenHash"
          + " AND expires_at > :now")
  long countRevoked(String tokenHash, Instant now);

  @Query("DELETE FROM dashboard_session_revocation WHERE expires_at <= :now")
  void purge(Instant now);

  /** The user's active flag: one element, or none for an unknown user. */
  @Query("SELECT active FROM app_user WHERE id = :userId")
  List<Boolean> findActive(UUID userId);

  /** The user's cut-off: one element, or none. */
  @Query("SELECT not_before FROM dashboard_session_cutoff WHERE user_id = :userId")
  List<Instant> findCutoff(UUID userId);

  @Query("DELETE FROM dashboard_session_cutoff WHERE user_id = :userId")
  void deleteCutoff(UUID userId);

  @Query("INSERT INTO dashboard_session_cutoff (user_id, not_before) VALUES (:userId, :notBefore)")
  void insertCutoff(UUID userId, Instant notBefore);
}
