package org.suifang.server.auth;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user of a request and the area they may see, taken from the access token.
 * Declare it as a controller method argument; {@link CurrentUserBinder} fills it in.
 *
 * <p>Area codes are 12-digit statistical division codes (domain.md §6.3); a county code is its six
 * digits padded with zeros to twelve, a township code its nine digits padded with zeros.
 *
 * @param id the user's id
 * @param username the login name
 * @param role the role
 * @param countyCode the county the user belongs to (every role has one)
 * @param townshipCode the township, or null for a county administrator
 * @param villageCodes the villages a doctor works in; empty for other roles
 */
public record CurrentUser(
    UUID id, String username, Role role, String countyCode, String townshipCode, Set<String> villageCodes) {

  /** JWT claim holding the user id. */
  public static final String CLAIM_USER_ID = "uid";
  /** JWT claim holding the county code. */
  public static final String CLAIM_COUNTY = "county";
  /** JWT claim holding the township code (absent for county administrators). */
  public static final String CLAIM_TOWNSHIP = "township";
  /** JWT claim holding the doctor's village codes. */
  public static final String CLAIM_VILLAGES = "villages";

  public CurrentUser {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(countyCode, "countyCode == null");
    villageCodes = Set.copyOf(villageCodes);
  }

  /**
   * Returns true if this user may read data of the village with the given 12-digit code: a doctor
   * their own villages, a supervisor every village of their township, an administrator every village
   * of their county. False for null.
   */
  public boolean canRead(String villageCode) {
    if (villageCode == null) {
      return false;
    }
    switch (role) {
      case VILLAGE_DOCTOR:
        return villageCodes.contains(villageCode);
      case TOWNSHIP_SUPERVISOR:
        return townshipCode != null && villageCode.startsWith(townshipCode.substring(0, 9));
      case COUNTY_ADMIN:
        return villageCode.startsWith(countyCode.substring(0, 6));
      default:
        return false;
    }
  }

  /**
   * Returns true if this user may record data for the village: only its own doctors may.
   * Supervisors and administrators read only. False for null.
   */
  public boolean canWrite(String villageCode) {
    return villageCode != null && role == Role.VILLAGE_DOCTOR && villageCodes.contains(villageCode);
  }
}
