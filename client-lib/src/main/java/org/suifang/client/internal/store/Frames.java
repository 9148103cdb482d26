package org.suifang.client.internal.store;

/**
 * The journal's frame format: a 4-byte big-endian length {@code L}, a 4-byte CRC-32C over the
 * length bytes and the payload, then {@code L} payload bytes (the transaction, or its AES-GCM
 * sealed form). A frame is valid if it fits in the file and its checksum matches.
 */
final class Frames {
  /** Bytes before the payload: length and checksum. */
  static final int PREFIX_LENGTH = 8;

  private Frames() {}

  /** Returns the frame holding {@code payload}. */
  static byte[] encode(byte[] payload) {
    byte[] frame = new byte[PREFIX_LENGTH + payload.length];
    writeInt(frame, 0, payload.length);
    System.arraycopy(payload, 0, frame, PREFIX_LENGTH, payload.length);
    int crc = Crc32c.update(Crc32c.compute(frame, 0, 4), frame, PREFIX_LENGTH, payload.length);
    writeInt(frame, 4, crc);
    return frame;
  }

  /**
   * Returns the whole length (prefix and payload) of the valid frame that starts at {@code offset},
   * or -1 if none does before {@code end}.
   */
  static int validFrameLength(byte[] data, int offset, int end) {
    if (end - offset < PREFIX_LENGTH) {
      return -1;
    }
    int length = readInt(data, offset);
    if (length < 0 || length > end - offset - PREFIX_LENGTH) {
      return -1;
    }
    int crc = Crc32c.update(Crc32c.compute(data, offset, 4), data, offset + PREFIX_LENGTH, length);
    return crc == readInt(data, offset + 4) ? PREFIX_LENGTH + length : -1;
  }

  /**
   * Returns the first offset in {@code (from, end)} where a valid frame starts, or -1. Used only
   * after a bad frame, to tell a torn tail (nothing valid follows) from damage in the middle.
   */
  static int findValidFrameAfter(byte[] data, int from, int end) {
    for (int offset = from + 1; offset <= end - PREFIX_LENGTH; offset++) {
      if (validFrameLength(data, offset, end) >= 0) {
        return offset;
      }
    }
    return -1;
  }

  static int readInt(byte[] data, int offset) {
    return (data[offset] & 0xFF) << 24
        | (data[offset + 1] & 0xFF) << 16
        | (data[offset + 2] & 0xFF) << 8
        | (data[offset + 3] & 0xFF);
  }

  static void writeInt(byte[] data, int offset, int value) {
    data[offset] = (byte) (value >>> 24);
    data[offset + 1] = (byte) (value >>> 16);
    data[offset + 2] = (byte) (value >>> 8);
    data[offset + 3] = (byte) value;
  }

  static long readLong(byte[] data, int offset) {
    return ((long) readInt(data, offset) << 32) | (readInt(data, offset + 4) & 0xFFFFFFFFL);
  }

  static void writeLong(byte[] data, int offset, long value) {
    writeInt(data, offset, (int) (value >>> 32));
    writeInt(data, offset + 4, (int) value);
  }
}
