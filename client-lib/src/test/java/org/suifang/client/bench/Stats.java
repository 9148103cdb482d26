package org.suifang.client.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of timed samples (nanoseconds), reported in milliseconds. */
public final class Stats {
  private final long[] sorted;

  private Stats(long[] sorted) {
    this.sorted = sorted;
  }

  /** The statistics of {@code nanos}; at least one sample. */
  public static Stats of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("No samples");
    }
    long[] copy = nanos.clone();
    Arrays.sort(copy);
    return new Stats(copy);
  }

  public int count() {
    return sorted.length;
  }

  /** The {@code p}-th percentile (0-100) by the nearest-rank method, in milliseconds. */
  public double percentileMillis(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  public double p50() {
    return percentileMillis(50);
  }

  public double p99() {
    return percentileMillis(99);
  }

  public double maxMillis() {
    return sorted[sorted.length - 1] / 1e6;
  }

  /** {@code "p50 1.23 ms, p99 4.56 ms"}. */
  public String p50p99() {
    return String.format(Locale.ROOT, "p50 %s ms, p99 %s ms", ms(p50()), ms(p99()));
  }

  /** A millisecond figure with sensible precision: 0.042, 1.23, 12.3, 123. */
  public static String ms(double millis) {
    if (millis < 1) {
      return String.format(Locale.ROOT, "%.3f", millis);
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
