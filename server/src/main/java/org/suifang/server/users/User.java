package org.suifang.server.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.suifang.server.auth.Role;

/**
 * A user account (table {@code app_user}). Never serialised: the API shows {@link UserView}.
 *
 * @param id the id
 * @param username the login name, lower case
 * @param displayName the name shown to people
 * @param role the role
 * @param passwordHash the bcrypt hash of the password
 * @param countyCode the county (every role has one)
 * @param townshipCode the township; null for a county administrator
 * @param facilityId the facility the user works at, or null
 * @param active false once deactivated: no login, no refresh
 * @param failedLogins consecutive failed logins since the last success or lock
 * @param lockedUntil when a lock ends, or null
 * @param createdAt when the account was created
 * @param updatedAt when the row last changed
 */
@MappedEntity("app_user")
public record User(
    @Id UUID id,
    String username,
    String displayName,
    Role role,
    String passwordHash,
    String countyCode,
    @Nullable String townshipCode,
    @Nullable UUID facilityId,
    boolean active,
    int failedLogins,
    @Nullable Instant lockedUntil,
    Instant createdAt,
    Instant updatedAt) {

  /** Returns true if the account is locked at {@code now}. */
  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  @Override
  public String toString() {
    // Keeps the hash out of logs.
    return "User[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
