package org.suifang.server.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.suifang.server.auth.Role;

/**
 * A user's profile and area, as the API shows it (login answer, {@code GET /api/v1/me}, admin API).
 *
 * @param id the id
 * @param username the login name
 * @param displayName the name shown to people
 * @param role the role
 * @param countyCode the county
 * @param townshipCode the township, null for a county administrator
 * @param villageCodes a doctor's villages, ordered; empty for the other roles
 * @param facilityId the facility the user works at, or null
 * @param active false once deactivated
 */
// Empty lists and nulls are written out, so clients always see every field.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record UserView(
    UUID id,
    String username,
    String displayName,
    Role role,
    String countyCode,
    @Nullable String townshipCode,
    List<String> villageCodes,
    @Nullable UUID facilityId,
    boolean active) {

  static UserView of(User u, List<String> villageCodes) {
    return new UserView(u.id(), u.username(), u.displayName(), u.role(), u.countyCode(), u.townshipCode(),
        List.copyOf(villageCodes), u.facilityId(), u.active());
  }
}
