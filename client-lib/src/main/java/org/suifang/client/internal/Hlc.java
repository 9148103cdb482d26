package org.suifang.client.internal;

/**
 * A hybrid logical clock (docs/sync-protocol.md, "Identities and clocks"): a 64-bit value {@code
 * wallMillis << 16 | counter}. It never goes backwards, whatever the wall clock does; a counter
 * overflow carries into the millisecond part. Not thread-safe: the client serialises calls.
 */
public final class Hlc {
  private long value;

  /** Creates a clock that continues from {@code value} (0 for a new device). */
  public Hlc(long value) {
    this.value = value;
  }

  /** Returns the last value issued or received. */
  public long value() {
    return value;
  }

  /** Returns the next value for a local event: {@code max(hlc + 1, wallMillis << 16)}. */
  public long tick(long wallMillis) {
    long wall = wallMillis << 16;
    value = Math.max(value + 1, wall);
    return value;
  }

  /** Merges a remote value: {@code hlc = max(hlc, remote)}. */
  public void receive(long remote) {
    value = Math.max(value, remote);
  }

  /** Returns the wall-clock milliseconds of an HLC value. */
  public static long wallMillis(long hlc) {
    return hlc >>> 16;
  }

  /** Returns the logical counter of an HLC value. */
  public static int counter(long hlc) {
    return (int) (hlc & 0xFFFF);
  }
}
