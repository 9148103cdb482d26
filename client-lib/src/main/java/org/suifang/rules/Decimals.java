package org.suifang.rules;

import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * Exact decimal helpers. Measured values arrive as {@code double}; they are converted with {@link
 * BigDecimal#valueOf(double)}, which uses the shortest decimal string that round-trips, so 16.7
 * becomes exactly 16.7 and compares correctly with a threshold of 16.7 (binary arithmetic would
 * not).
 */
final class Decimals {
  private Decimals() {}

  static BigDecimal of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Not a finite number: " + value);
    }
    return BigDecimal.valueOf(value);
  }

  /** Returns the plain string without exponent or superfluous zeros ("40", "0.5", "39"). */
  static String format(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }

  static String format(double value) {
    return format(of(value));
  }

  /** Compares numerically, ignoring scale (7.0 equals 7.00). */
  static boolean equal(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.compareTo(b) == 0;
  }

  static int hash(@Nullable BigDecimal value) {
    return value == null ? 0 : value.stripTrailingZeros().hashCode();
  }

  static void checkFinite(@Nullable Double value, String name) {
    if (value != null && (value.isNaN() || value.isInfinite())) {
      throw new IllegalArgumentException(name + " is not a finite number: " + value);
    }
  }
}
