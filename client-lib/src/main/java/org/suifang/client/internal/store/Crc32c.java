package org.suifang.client.internal.store;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), table-driven. {@code java.util.zip.CRC32C}
 * is Java 9+ and not in Android API 26, so the store carries its own.
 */
final class Crc32c {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
      }
      TABLE[i] = c;
    }
  }

  private Crc32c() {}

  /** Returns the CRC-32C of {@code length} bytes of {@code bytes} from {@code offset}. */
  static int compute(byte[] bytes, int offset, int length) {
    return update(0, bytes, offset, length);
  }

  /**
   * Continues {@code crc} (a value this class returned, or 0 to start) over more bytes, so that
   * {@code update(compute(a), b) == compute(a + b)}.
   */
  static int update(int crc, byte[] bytes, int offset, int length) {
    int c = ~crc;
    for (int i = offset, end = offset + length; i < end; i++) {
      c = TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
