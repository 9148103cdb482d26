package org.suifang.client.internal.store;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), table-driven, eight bytes per step
 * ("slicing-by-8": eight tables of 256 entries). {@code java.util.zip.CRC32C} is Java 9+ and not in
 * Android API 26, so the store carries its own. Every frame is checked on open and written on
 * commit and compaction, so this runs over the whole store: a byte-at-a-time loop made it a fifth
 * of the open time (docs/performance.md).
 */
final class Crc32c {
  private static final int[][] TABLES = new int[8][256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
      }
      TABLES[0][i] = c;
    }
    for (int i = 0; i < 256; i++) {
      int c = TABLES[0][i];
      for (int t = 1; t < 8; t++) {
        c = TABLES[0][c & 0xFF] ^ (c >>> 8);
        TABLES[t][i] = c;
      }
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
    int[] t0 = TABLES[0];
    int[] t1 = TABLES[1];
    int[] t2 = TABLES[2];
    int[] t3 = TABLES[3];
    int[] t4 = TABLES[4];
    int[] t5 = TABLES[5];
    int[] t6 = TABLES[6];
    int[] t7 = TABLES[7];
    int c = ~crc;
    int i = offset;
    int end = offset + length;
    for (int last8 = end - 8; i <= last8; i += 8) {
      int lo =
          c
              ^ ((bytes[i] & 0xFF)
                  | (bytes[i + 1] & 0xFF) << 8
                  | (bytes[i + 2] & 0xFF) << 16
                  | (bytes[i + 3] & 0xFF) << 24);
      c =
          t7[lo & 0xFF]
              ^ t6[(lo >>> 8) & 0xFF]
              ^ t5[(lo >>> 16) & 0xFF]
              ^ t4[lo >>> 24]
              ^ t3[bytes[i + 4] & 0xFF]
              ^ t2[bytes[i + 5] & 0xFF]
              ^ t1[bytes[i + 6] & 0xFF]
              ^ t0[bytes[i + 7] & 0xFF];
    }
    for (; i < end; i++) {
      c = t0[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
