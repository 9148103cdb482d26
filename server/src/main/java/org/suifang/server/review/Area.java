package org.suifang.server.review;

import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * The villages a reviewer sees, as a code prefix: a township supervisor's township (9 digits), a
 * county administrator's county (6 digits). The same rule as {@link CurrentUser#canRead}.
 */
record Area(String prefix) {

  static Area of(CurrentUser user) {
    return switch (user.role()) {
      case TOWNSHIP_SUPERVISOR ->
          new Area(user.townshipCode() == null ? "-" : user.townshipCode().substring(0, 9));
      case COUNTY_ADMIN -> new Area(user.countyCode().substring(0, 6));
      default -> throw new ApiException(CommonError.FORBIDDEN);
    };
  }

  /** The value of the {@code LIKE ?} placeholder that matches this area's village codes. */
  String like() {
    return prefix + "%";
  }
}
