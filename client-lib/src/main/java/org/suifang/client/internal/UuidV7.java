package org.suifang.client.internal;

import java.util.Random;
import java.util.UUID;

/**
 * Makes UUIDv7 values (RFC 9562 §5.7): a 48-bit Unix millisecond timestamp, the version 7, the
 * variant {@code 10} and 74 random bits. Used for record and mutation ids for index locality only,
 * never for ordering: the tablet's clock may be wrong.
 */
public final class UuidV7 {
  private final Random random;

  /** Creates a generator drawing its random bits from {@code random} (a SecureRandom in use). */
  public UuidV7(Random random) {
    this.random = random;
  }

  /** Returns a new UUIDv7 for the given Unix time in milliseconds. */
  public UUID next(long unixMillis) {
    long millis = unixMillis & 0xFFFF_FFFF_FFFFL;
    long randA = random.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** Returns the Unix millisecond timestamp of a UUIDv7. */
  public static long unixMillis(UUID uuid) {
    return uuid.getMostSignificantBits() >>> 16;
  }
}
