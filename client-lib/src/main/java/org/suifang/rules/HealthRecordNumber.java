package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A validated 17-digit health record number (居民健康档案编号; domain.md §6.2): county code (6), township
 * or street (3), village-level organisation (3) and personal serial (5).
 *
 * <p>Paper forms print only the last 8 digits as □□□-□□□□□; {@link #lastEight()} returns them
 * without the dash and {@link #lastEightDashed()} with it. County codes are checked only for a
 * plausible province prefix (11–82), not against the current GB/T 2260 list.
 */
public final class HealthRecordNumber {
  private static final int MIN_PROVINCE = 11;
  private static final int MAX_PROVINCE = 82;

  private final String number;
  private final VillageKind villageKind;

  private HealthRecordNumber(String number, VillageKind villageKind) {
    this.number = number;
    this.villageKind = villageKind;
  }

  /** Returns the parsed number, or null if {@code raw} is not valid; see {@link #check}. */
  @Nullable
  public static HealthRecordNumber parse(String raw) {
    return check(raw).healthRecordNumber();
  }

  /**
   * Checks {@code raw} (surrounding whitespace is ignored) and returns the parsed number or an
   * error, checking {@code FORMAT}, {@code COUNTY_CODE}, {@code TOWNSHIP_SEGMENT}, {@code
   * VILLAGE_SEGMENT} and {@code SERIAL} in that order.
   */
  public static HealthRecordNumberCheck check(String raw) {
    Objects.requireNonNull(raw, "raw == null");
    String value = raw.trim();
    if (value.length() != 17) {
      return HealthRecordNumberCheck.invalid(HealthRecordNumberError.FORMAT);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return HealthRecordNumberCheck.invalid(HealthRecordNumberError.FORMAT);
      }
    }
    int province = Integer.parseInt(value.substring(0, 2));
    if (province < MIN_PROVINCE || province > MAX_PROVINCE) {
      return HealthRecordNumberCheck.invalid(HealthRecordNumberError.COUNTY_CODE);
    }
    if (Integer.parseInt(value.substring(6, 9)) == 0) {
      return HealthRecordNumberCheck.invalid(HealthRecordNumberError.TOWNSHIP_SEGMENT);
    }
    VillageKind kind = VillageKind.ofSegment(Integer.parseInt(value.substring(9, 12)));
    if (kind == null) {
      return HealthRecordNumberCheck.invalid(HealthRecordNumberError.VILLAGE_SEGMENT);
    }
    if (Integer.parseInt(value.substring(12, 17)) == 0) {
      return HealthRecordNumberCheck.invalid(HealthRecordNumberError.SERIAL);
    }
    return HealthRecordNumberCheck.valid(new HealthRecordNumber(value, kind));
  }

  /** Returns the full 17-digit number. */
  public String number() {
    return number;
  }

  /** Returns the county-or-above division code, digits 1–6. */
  public String countyCode() {
    return number.substring(0, 6);
  }

  /** Returns the township or street segment, digits 7–9. */
  public String townshipSegment() {
    return number.substring(6, 9);
  }

  /** Returns the village-level segment, digits 10–12. */
  public String villageSegment() {
    return number.substring(9, 12);
  }

  /** Returns the personal serial, digits 13–17. */
  public String serial() {
    return number.substring(12, 17);
  }

  /** Returns the last 8 digits (village segment and serial) without the dash, e.g. "10100023". */
  public String lastEight() {
    return number.substring(9, 17);
  }

  /** Returns the last 8 digits as printed on paper forms, □□□-□□□□□, e.g. "101-00023". */
  public String lastEightDashed() {
    return villageSegment() + "-" + serial();
  }

  /** Returns the kind of village-level organisation of segment 3. */
  public VillageKind villageKind() {
    return villageKind;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof HealthRecordNumber && number.equals(((HealthRecordNumber) o).number));
  }

  @Override
  public int hashCode() {
    return number.hashCode();
  }

  @Override
  public String toString() {
    return "HealthRecordNumber{" + number + "}";
  }
}
