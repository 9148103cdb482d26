package org.suifang.server.sync;

/**
 * Hybrid logical clock values (docs/sync-protocol.md): wall-clock milliseconds in the high 48 bits,
 * a logical counter in the low 16 bits. The same layout as the client library's clock.
 */
public final class Hlc {

  private Hlc() {}

  /** The smallest HLC of a wall-clock millisecond. */
  public static long ofWallMillis(long millis) {
    return millis << 16;
  }

  /** The wall-clock milliseconds of an HLC. */
  public static long wallMillis(long hlc) {
    return hlc >>> 16;
  }
}
