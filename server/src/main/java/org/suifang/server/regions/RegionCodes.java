package org.suifang.server.regions;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * Checks and navigates 12-digit NBS statistical division codes (domain.md §6.3): digits 1–6 are the
 * county, 7–9 the township, 10–12 the village. A county code ends in six zeros, a township code in
 * three; township and village segments are never {@code 000}.
 */
public final class RegionCodes {

  private RegionCodes() {}

  /**
   * Returns true if {@code code} is exactly twelve ASCII digits and its county part is not zero.
   */
  public static boolean isWellFormed(@Nullable String code) {
    if (code == null || code.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !code.startsWith("000000");
  }

  /** Returns the level a well-formed code denotes; throws for a malformed code. */
  public static RegionLevel levelOf(String code) {
    requireWellFormed(code);
    if (code.endsWith("000000")) {
      return RegionLevel.COUNTY;
    }
    if (code.endsWith("000")) {
      return RegionLevel.TOWNSHIP;
    }
    if (code.substring(6, 9).equals("000")) {
      throw new IllegalArgumentException("village code without a township segment: " + code);
    }
    return RegionLevel.VILLAGE;
  }

  /** Returns true if the code is well formed and denotes a region of the given level. */
  public static boolean isLevel(@Nullable String code, RegionLevel level) {
    if (!isWellFormed(code)) {
      return false;
    }
    try {
      return levelOf(code) == level;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the code of the county a region lies in, e.g. {@code 130123000000}. */
  public static String countyOf(String code) {
    requireWellFormed(code);
    return code.substring(0, 6) + "000000";
  }

  /** Returns the code of the township a township or village lies in; throws for a county. */
  public static String townshipOf(String code) {
    if (levelOf(code) == RegionLevel.COUNTY) {
      throw new IllegalArgumentException("a county has no township: " + code);
    }
    return code.substring(0, 9) + "000";
  }

  /** Returns the code of the parent region, or null for a county. */
  public static @Nullable String parentOf(String code) {
    switch (levelOf(code)) {
      case COUNTY:
        return null;
      case TOWNSHIP:
        return countyOf(code);
      default:
        return townshipOf(code);
    }
  }

  private static void requireWellFormed(String code) {
    Objects.requireNonNull(code, "code == null");
    if (!isWellFormed(code)) {
      throw new IllegalArgumentException("not a 12-digit statistical division code: " + code);
    }
  }
}
