package org.suifang.client.internal.state;

import java.io.Reader;

/**
 * Reads UTF-8 bytes held in memory as characters, for Gson to parse a snapshot or a transaction
 * without first decoding it whole into a String (a snapshot is tens of megabytes; as a String it
 * would take twice that again). An {@code InputStreamReader} does the same through a general
 * charset decoder and buffers, which took a seventh of the time to open a store; this loop decodes
 * straight into the caller's buffer, ASCII first.
 *
 * <p>A byte that does not start a valid sequence reads as U+FFFD (the frames are checksummed and
 * written from Java strings, so only a writer's bug could put one there; the JSON parse then fails
 * or keeps the replacement, as with any decoder).
 */
final class Utf8Reader extends Reader {
  private static final char REPLACEMENT = '\uFFFD';

  private final byte[] bytes;
  private int position;
  private final int end;

  /** The low surrogate of a supplementary character whose high one filled the last buffer. */
  private int pendingLow = -1;

  Utf8Reader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** Reads {@code bytes} from {@code start} (inclusive) to {@code end} (exclusive). */
  Utf8Reader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int out = offset;
    int limit = offset + length;
    if (pendingLow >= 0) {
      buffer[out++] = (char) pendingLow;
      pendingLow = -1;
    }
    byte[] b = bytes;
    int p = position;
    while (out < limit && p < end) {
      int b0 = b[p];
      if (b0 >= 0) {
        buffer[out++] = (char) b0;
        p++;
        continue;
      }
      b0 &= 0xFF;
      if (b0 >= 0xC2 && b0 <= 0xDF && p + 1 < end && isContinuation(b[p + 1])) {
        buffer[out++] = (char) (((b0 & 0x1F) << 6) | (b[p + 1] & 0x3F));
        p += 2;
      } else if (b0 >= 0xE0 && b0 <= 0xEF && p + 2 < end && valid3(b0, b[p + 1], b[p + 2])) {
        buffer[out++] = (char) (((b0 & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F));
        p += 3;
      } else if (b0 >= 0xF0
          && b0 <= 0xF4
          && p + 3 < end
          && valid4(b0, b[p + 1], b[p + 2], b[p + 3])) {
        int cp =
            ((b0 & 0x07) << 18)
                | ((b[p + 1] & 0x3F) << 12)
                | ((b[p + 2] & 0x3F) << 6)
                | (b[p + 3] & 0x3F);
        buffer[out++] = Character.highSurrogate(cp);
        char low = Character.lowSurrogate(cp);
        if (out < limit) {
          buffer[out++] = low;
        } else {
          pendingLow = low;
        }
        p += 4;
      } else {
        buffer[out++] = REPLACEMENT;
        p++;
      }
    }
    position = p;
    int n = out - offset;
    return n == 0 ? -1 : n;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static boolean valid3(int b0, byte b1, byte b2) {
    if (!isContinuation(b1) || !isContinuation(b2)) {
      return false;
    }
    int u1 = b1 & 0xFF;
    // Overlong forms (E0 80..9F) and surrogates (ED A0..BF) are malformed.
    return !(b0 == 0xE0 && u1 < 0xA0) && !(b0 == 0xED && u1 > 0x9F);
  }

  private static boolean valid4(int b0, byte b1, byte b2, byte b3) {
    if (!isContinuation(b1) || !isContinuation(b2) || !isContinuation(b3)) {
      return false;
    }
    int u1 = b1 & 0xFF;
    // Overlong forms (F0 80..8F) and beyond U+10FFFF (F4 90..BF) are malformed.
    return !(b0 == 0xF0 && u1 < 0x90) && !(b0 == 0xF4 && u1 > 0x8F);
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
