package org.suifang.server.testing;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The standard test area that {@link TestAuth#seedArea()} creates: one county, two townships, three
 * villages, a health centre per township, a clinic per village, and six users.
 *
 * <pre>
 * 130123000000 示范县 (county)                       admin1
 * ├── 130123100000 东关镇 (township 1)  东关镇卫生院    sup1
 * │   ├── 130123100201 东关村  东关村卫生室           doc1
 * │   └── 130123100202 南街村  南街村卫生室           doc2
 * └── 130123200000 西岭乡 (township 2)  西岭乡卫生院    sup2
 *     └── 130123200201 西岭村  西岭村卫生室           doc3
 * </pre>
 *
 * Every user's password is {@link TestAuth#PASSWORD}.
 *
 * @param userIds the id of each seeded user, by username
 * @param facilityIds the id of each seeded facility, by the code of the region it lies in
 */
public record TestArea(Map<String, UUID> userIds, Map<String, UUID> facilityIds) {

  public static final String COUNTY = "130123000000";
  public static final String TOWNSHIP_1 = "130123100000";
  public static final String TOWNSHIP_2 = "130123200000";

  /** In township 1; doc1's village. */
  public static final String VILLAGE_1 = "130123100201";

  /** In township 1; doc2's village. */
  public static final String VILLAGE_2 = "130123100202";

  /** In township 2; doc3's village. */
  public static final String VILLAGE_3 = "130123200201";

  public TestArea {
    userIds = Map.copyOf(userIds);
    facilityIds = Map.copyOf(facilityIds);
  }

  /** Returns the id of a seeded user; throws for an unknown username. */
  public UUID userId(String username) {
    return Objects.requireNonNull(userIds.get(username), () -> "no seeded user " + username);
  }

  /** Returns the id of the facility in a seeded township or village; throws for other codes. */
  public UUID facilityId(String regionCode) {
    return Objects.requireNonNull(
        facilityIds.get(regionCode), () -> "no seeded facility in " + regionCode);
  }
}
