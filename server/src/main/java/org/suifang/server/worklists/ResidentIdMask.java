package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;

/**
 * Masks resident ID numbers in line lists and on the patient page: the first six characters (the
 * address code) and the last four stay, the rest become {@code *}, e.g. {@code 130627********1234}.
 */
public final class ResidentIdMask {

  private ResidentIdMask() {}

  /** Returns the masked number; null for null. A number of ten characters or fewer is all stars. */
  public static @Nullable String mask(@Nullable String residentId) {
    if (residentId == null) {
      return null;
    }
    int n = residentId.length();
    if (n <= 10) {
      return "*".repeat(n);
    }
    return residentId.substring(0, 6) + "*".repeat(n - 10) + residentId.substring(n - 4);
  }
}
