package org.suifang.server.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.suifang.server.auth.Role;

/**
 * Creates a user. The area depends on the role: a {@code VILLAGE_DOCTOR} names one or more villages
 * of one township (county and township follow from them), a {@code TOWNSHIP_SUPERVISOR} names a
 * township, a {@code COUNTY_ADMIN} a county. Codes that are given but not needed must agree.
 *
 * @param username the login name: 3–64 of a–z, 0–9, '.', '_', '-' (matched case-insensitively)
 * @param displayName the name shown to people
 * @param password the initial password: 8–72 bytes in UTF-8
 * @param role the role
 * @param countyCode the county; required for a county administrator, else derived
 * @param townshipCode the township; required for a supervisor, else derived (null for an admin)
 * @param villageCodes a doctor's villages; empty for the other roles
 * @param facilityId the facility the user works at, or null
 */
@Serdeable
public record UserCommand(
    @NotBlank @Size(max = 64) String username,
    @NotBlank @Size(max = 100) String displayName,
    @NotNull @Size(min = 8, max = 72) String password,
    @NotNull Role role,
    @Nullable String countyCode,
    @Nullable String townshipCode,
    @Nullable List<String> villageCodes,
    @Nullable UUID facilityId) {

  /** Creates the command for a village doctor of the given villages. */
  public static UserCommand doctor(
      String username, String displayName, String password, String... villageCodes) {
    return new UserCommand(
        username,
        displayName,
        password,
        Role.VILLAGE_DOCTOR,
        null,
        null,
        List.of(villageCodes),
        null);
  }

  /** Creates the command for a supervisor of the given township. */
  public static UserCommand supervisor(
      String username, String displayName, String password, String townshipCode) {
    return new UserCommand(
        username,
        displayName,
        password,
        Role.TOWNSHIP_SUPERVISOR,
        null,
        townshipCode,
        List.of(),
        null);
  }

  /** Creates the command for an administrator of the given county. */
  public static UserCommand admin(
      String username, String displayName, String password, String countyCode) {
    return new UserCommand(
        username, displayName, password, Role.COUNTY_ADMIN, countyCode, null, List.of(), null);
  }

  /** Returns a copy working at the given facility. */
  public UserCommand withFacility(@Nullable UUID facility) {
    return new UserCommand(
        username, displayName, password, role, countyCode, townshipCode, villageCodes, facility);
  }

  @Override
  public String toString() {
    return "UserCommand[username=" + username + ", role=" + role + "]";
  }
}
