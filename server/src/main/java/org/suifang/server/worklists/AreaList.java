package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;

/** The worklists of the supervisors' dashboard, by their path segment. */
public enum AreaList {
  OVERDUE("overdue"),
  REFERRALS("referrals"),
  DANGER_SIGNS("danger-signs"),
  AT_RISK("at-risk");

  private final String path;

  AreaList(String path) {
    this.path = path;
  }

  /** Returns the path segment, e.g. {@code danger-signs}. */
  public String path() {
    return path;
  }

  /** Returns the list with this path segment, or null. */
  public static @Nullable AreaList parse(@Nullable String path) {
    for (AreaList list : values()) {
      if (list.path.equals(path)) {
        return list;
      }
    }
    return null;
  }
}
