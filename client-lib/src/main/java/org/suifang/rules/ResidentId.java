package org.suifang.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A validated resident ID number (公民身份号码, GB 11643-1999; domain.md §6.1): 6-digit address code,
 * 8-digit birth date, 3-digit sequence code and an ISO 7064 MOD 11-2 check character.
 *
 * <p>Parsing trims whitespace, accepts a lower-case {@code x} and upgrades a legacy 15-digit number
 * (GB 11643-1989) by inserting "19" before the birth date and computing the check character.
 * Address codes are not checked against GB/T 2260: a number keeps the code of the place of
 * registration at the time of issue, which may no longer exist. {@link #toString()} masks the birth
 * date because an ID number is sensitive personal information.
 */
public final class ResidentId {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final int MIN_BIRTH_YEAR = 1800;

  private final String number;
  private final LocalDate birthDate;
  private final boolean upgradedFrom15;

  private ResidentId(String number, LocalDate birthDate, boolean upgradedFrom15) {
    this.number = number;
    this.birthDate = birthDate;
    this.upgradedFrom15 = upgradedFrom15;
  }

  /**
   * Returns the parsed ID number, or null if {@code raw} is not valid on {@code today}; use {@link
   * #check} to learn why.
   */
  @Nullable
  public static ResidentId parse(String raw, LocalDate today) {
    return check(raw, today).residentId();
  }

  /**
   * Checks {@code raw} and returns either the parsed ID number or an error. Checks run in this
   * order: {@code FORMAT}, {@code BIRTH_DATE_INVALID}, {@code BIRTH_DATE_IN_FUTURE} (after {@code
   * today}), {@code CHECK_DIGIT} (18-digit numbers only).
   */
  public static ResidentIdCheck check(String raw, LocalDate today) {
    Objects.requireNonNull(raw, "raw == null");
    Objects.requireNonNull(today, "today == null");
    String value = raw.trim().toUpperCase(java.util.Locale.ROOT);
    boolean legacy;
    if (value.length() == 18 && allDigits(value, 0, 17) && isCheckCharacter(value.charAt(17))) {
      legacy = false;
    } else if (value.length() == 15 && allDigits(value, 0, 15)) {
      legacy = true;
    } else {
      return ResidentIdCheck.invalid(ResidentIdError.FORMAT);
    }
    String first17 =
        legacy ? value.substring(0, 6) + "19" + value.substring(6) : value.substring(0, 17);
    LocalDate birthDate = birthDate(first17);
    if (birthDate == null) {
      return ResidentIdCheck.invalid(ResidentIdError.BIRTH_DATE_INVALID);
    }
    if (birthDate.isAfter(today)) {
      return ResidentIdCheck.invalid(ResidentIdError.BIRTH_DATE_IN_FUTURE);
    }
    char check = checkCharacter(first17);
    if (!legacy && value.charAt(17) != check) {
      return ResidentIdCheck.invalid(ResidentIdError.CHECK_DIGIT);
    }
    return ResidentIdCheck.valid(new ResidentId(first17 + check, birthDate, legacy));
  }

  /**
   * Returns the check character for the first 17 digits: {@code "10X98765432"[S mod 11]}, where S
   * is the sum of the digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
   *
   * @throws IllegalArgumentException if {@code first17} is not exactly 17 ASCII digits
   */
  public static char checkCharacter(String first17) {
    Objects.requireNonNull(first17, "first17 == null");
    if (first17.length() != 17 || !allDigits(first17, 0, 17)) {
      throw new IllegalArgumentException("Expected 17 digits: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** Returns the normalised 18-character number, with an upper-case X. */
  public String number() {
    return number;
  }

  /** Returns the 6-digit address code (GB/T 2260 county code at the time of issue). */
  public String addressCode() {
    return number.substring(0, 6);
  }

  /** Returns the date of birth encoded in digits 7–14. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** Returns the 3-digit sequence code, digits 15–17. */
  public String sequenceCode() {
    return number.substring(14, 17);
  }

  /** Returns the sex from the 17th digit: odd is male, even is female. */
  public Sex sex() {
    return (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** Returns whether the input was a legacy 15-digit number upgraded to 18 characters. */
  public boolean upgradedFrom15() {
    return upgradedFrom15;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResidentId)) {
      return false;
    }
    ResidentId that = (ResidentId) o;
    return number.equals(that.number) && upgradedFrom15 == that.upgradedFrom15;
  }

  @Override
  public int hashCode() {
    return 31 * number.hashCode() + (upgradedFrom15 ? 1 : 0);
  }

  /** Returns a masked form such as {@code ResidentId{110105********002X}}, safe for logs. */
  @Override
  public String toString() {
    return "ResidentId{" + number.substring(0, 6) + "********" + number.substring(14) + "}";
  }

  @Nullable
  private static LocalDate birthDate(String first17) {
    int year = Integer.parseInt(first17.substring(6, 10));
    int month = Integer.parseInt(first17.substring(10, 12));
    int day = Integer.parseInt(first17.substring(12, 14));
    if (year < MIN_BIRTH_YEAR) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      // Not a calendar date, e.g. 19990230: an expected outcome of validation, not a failure.
      return null;
    }
  }

  private static boolean allDigits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isCheckCharacter(char c) {
    return (c >= '0' && c <= '9') || c == 'X';
  }
}
