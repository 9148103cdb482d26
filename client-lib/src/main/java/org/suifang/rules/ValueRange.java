package org.suifang.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An inclusive range of decimal values, used for the validation ranges and the diabetes glucose
 * target of a {@link RuleSet}. Comparisons are exact decimal comparisons (see {@link #contains}).
 */
public final class ValueRange {
  private final BigDecimal min;
  private final BigDecimal max;

  private ValueRange(BigDecimal min, BigDecimal max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Creates the range {@code [min, max]}.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static ValueRange of(BigDecimal min, BigDecimal max) {
    Objects.requireNonNull(min, "min == null");
    Objects.requireNonNull(max, "max == null");
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min > max: " + min + " > " + max);
    }
    return new ValueRange(min, max);
  }

  /**
   * Creates the range {@code [min, max]} from doubles, converted exactly as written (0.5 is 0.5).
   *
   * @throws IllegalArgumentException if {@code min > max} or a bound is not finite
   */
  public static ValueRange of(double min, double max) {
    return of(Decimals.of(min), Decimals.of(max));
  }

  /** Returns the inclusive lower bound. */
  public BigDecimal min() {
    return min;
  }

  /** Returns the inclusive upper bound. */
  public BigDecimal max() {
    return max;
  }

  /** Returns whether {@code min <= value <= max}. */
  public boolean contains(BigDecimal value) {
    return min.compareTo(value) <= 0 && value.compareTo(max) <= 0;
  }

  /**
   * Returns whether {@code min <= value <= max}, comparing the shortest decimal form of {@code
   * value} exactly (so 33.3 is inside a range ending at 33.3).
   */
  public boolean contains(double value) {
    return contains(Decimals.of(value));
  }

  /** Returns the range as "min–max", for messages ("40–300", "0.5–40"). */
  public String format() {
    return Decimals.format(min) + "–" + Decimals.format(max);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ValueRange)) {
      return false;
    }
    ValueRange that = (ValueRange) o;
    return Decimals.equal(min, that.min) && Decimals.equal(max, that.max);
  }

  @Override
  public int hashCode() {
    return 31 * Decimals.hash(min) + Decimals.hash(max);
  }

  @Override
  public String toString() {
    return "[" + Decimals.format(min) + ", " + Decimals.format(max) + "]";
  }
}
