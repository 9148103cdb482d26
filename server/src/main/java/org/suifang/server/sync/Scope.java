package org.suifang.server.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;

/**
 * The villages whose patients a user's devices receive (sync-design.md D4), decided from the
 * authenticated user only: a village doctor's villages, a township supervisor's township, a county
 * administrator's county.
 *
 * @param role the user's role
 * @param villages the exact village codes (doctors); empty otherwise
 * @param prefix the code prefix of the township (9 digits) or county (6 digits); null for doctors
 * @param hash the cursor's {@code scope}: a short hex hash of the role and the sorted area codes
 */
record Scope(Role role, List<String> villages, String prefix, String hash) {

  static Scope of(CurrentUser user) {
    switch (user.role()) {
      case VILLAGE_DOCTOR:
        {
          List<String> villages = List.copyOf(new TreeSet<>(user.villageCodes()));
          return new Scope(user.role(), villages, null, hash(user.role(), villages));
        }
      case TOWNSHIP_SUPERVISOR:
        {
          String prefix = user.townshipCode() == null ? "-" : user.townshipCode().substring(0, 9);
          return new Scope(user.role(), List.of(), prefix, hash(user.role(), List.of(prefix)));
        }
      case COUNTY_ADMIN:
        {
          String prefix = user.countyCode().substring(0, 6);
          return new Scope(user.role(), List.of(), prefix, hash(user.role(), List.of(prefix)));
        }
      default:
        throw new IllegalArgumentException("unknown role " + user.role());
    }
  }

  /** Returns true if the village lies in this scope. */
  boolean contains(String villageCode) {
    if (villageCode == null) {
      return false;
    }
    return prefix == null ? villages.contains(villageCode) : villageCode.startsWith(prefix);
  }

  /**
   * Returns an SQL condition that a village code column lies in this scope, with {@code ?}
   * placeholders for {@link #parameters()}. A doctor without villages matches nothing.
   */
  String sql(String column) {
    if (prefix != null) {
      return column + " LIKE ?";
    }
    if (villages.isEmpty()) {
      return "1 = 0";
    }
    return column + " IN (" + String.join(", ", villages.stream().map(v -> "?").toList()) + ")";
  }

  /** The values of the placeholders of {@link #sql(String)}. */
  List<String> parameters() {
    return prefix != null ? List.of(prefix + "%") : villages;
  }

  private static String hash(Role role, List<String> codes) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha256.digest(
              (role.name() + ":" + String.join(",", codes)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
