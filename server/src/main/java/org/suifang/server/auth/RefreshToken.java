package org.suifang.server.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token, stored as the SHA-256 hex of the token. A login starts a family; each refresh
 * uses one token and issues the next of the same family.
 *
 * @param id the id
 * @param userId whose token it is
 * @param familyId the login session it belongs to
 * @param tokenHash SHA-256 of the token, lower-case hex
 * @param deviceName what the client called itself at login, or null
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param usedAt when it was exchanged for the next token, or null
 * @param revokedAt when its family was revoked (logout, reuse, deactivation), or null
 */
@MappedEntity("refresh_token")
record RefreshToken(
    @Id UUID id,
    UUID userId,
    UUID familyId,
    String tokenHash,
    @Nullable String deviceName,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable Instant usedAt,
    @Nullable Instant revokedAt) {

  @Override
  public String toString() {
    return "RefreshToken[id=" + id + ", familyId=" + familyId + "]";
  }
}
