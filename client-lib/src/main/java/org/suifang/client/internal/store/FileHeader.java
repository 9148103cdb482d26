package org.suifang.client.internal.store;

import java.io.File;
import javax.annotation.Nullable;
import javax.crypto.BadPaddingException;

/**
 * The header at the start of every store file:
 *
 * <pre>
 * offset size
 *  0      4   magic "SFLS"
 *  4      1   format version (1)
 *  5      1   kind: 'J' journal, 'S' snapshot
 *  6      1   flags: bit 0 = encrypted; other bits 0
 *  7      1   reserved, 0
 *  8      8   generation, big-endian
 * 16     28   only if encrypted: key check = AES-GCM seal of no bytes with bytes 0-15 as AAD
 * 16|44   4   CRC-32C of every header byte before it
 * </pre>
 *
 * <p>The key check lets a wrong key be told from damage even in a store with no frames yet.
 */
final class FileHeader {
  static final byte KIND_JOURNAL = 'J';
  static final byte KIND_SNAPSHOT = 'S';
  static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = {'S', 'F', 'L', 'S'};
  private static final int FLAG_ENCRYPTED = 1;
  private static final int PREFIX_LENGTH = 16;

  final byte kind;
  final long generation;
  final boolean encrypted;
  final int length;

  private FileHeader(byte kind, long generation, boolean encrypted) {
    this.kind = kind;
    this.generation = generation;
    this.encrypted = encrypted;
    this.length = length(encrypted);
  }

  /** Returns the header length of a clear ({@code false}) or encrypted ({@code true}) file. */
  static int length(boolean encrypted) {
    return PREFIX_LENGTH + (encrypted ? FrameCipher.OVERHEAD : 0) + 4;
  }

  /**
   * Returns the header of a {@code kind} file of {@code generation}, encrypted if cipher != null.
   */
  static byte[] encode(byte kind, long generation, @Nullable FrameCipher cipher)
      throws StoreException {
    byte[] header = new byte[length(cipher != null)];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    header[4] = FORMAT_VERSION;
    header[5] = kind;
    header[6] = (byte) (cipher != null ? FLAG_ENCRYPTED : 0);
    Frames.writeLong(header, 8, generation);
    int crcOffset = PREFIX_LENGTH;
    if (cipher != null) {
      byte[] check = cipher.seal(new byte[0], prefix(header));
      System.arraycopy(check, 0, header, PREFIX_LENGTH, check.length);
      crcOffset += check.length;
    }
    Frames.writeInt(header, crcOffset, Crc32c.compute(header, 0, crcOffset));
    return header;
  }

  /**
   * Reads and checks the header at the start of {@code data}: the magic, version, checksum, kind,
   * and that the encryption mode matches {@code cipher} and the key check passes.
   */
  static FileHeader decode(byte[] data, File file, byte expectedKind, @Nullable FrameCipher cipher)
      throws StoreException {
    if (data.length < length(false)) {
      throw new StoreException(
          StoreException.Code.CORRUPT,
          "The file is " + data.length + " bytes, shorter than a header.",
          file);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (data[i] != MAGIC[i]) {
        throw new StoreException(
            StoreException.Code.CORRUPT, "The file does not start with the store's magic.", file);
      }
    }
    if (data[4] != FORMAT_VERSION) {
      throw new StoreException(
          StoreException.Code.UNSUPPORTED_FORMAT,
          "Format version " + (data[4] & 0xFF) + "; this library reads " + FORMAT_VERSION + ".",
          file);
    }
    boolean encrypted = (data[6] & FLAG_ENCRYPTED) != 0;
    int crcOffset = length(encrypted) - 4;
    if (data.length < crcOffset + 4
        || Crc32c.compute(data, 0, crcOffset) != Frames.readInt(data, crcOffset)) {
      throw new StoreException(
          StoreException.Code.CORRUPT, "The header checksum does not match.", file);
    }
    if ((data[6] & ~FLAG_ENCRYPTED) != 0 || data[7] != 0) {
      throw new StoreException(
          StoreException.Code.UNSUPPORTED_FORMAT,
          "Unknown header flags 0x" + Integer.toHexString(data[6] & 0xFF) + ".",
          file);
    }
    if (data[5] != expectedKind) {
      throw new StoreException(
          StoreException.Code.CORRUPT,
          "File kind '" + (char) data[5] + "', expected '" + (char) expectedKind + "'.",
          file);
    }
    if (encrypted && cipher == null) {
      throw new StoreException(
          StoreException.Code.KEY_REQUIRED, "The header says the file is encrypted.", file);
    }
    if (!encrypted && cipher != null) {
      throw new StoreException(
          StoreException.Code.NOT_ENCRYPTED, "The header says the file is not encrypted.", file);
    }
    if (cipher != null) {
      try {
        cipher.open(data, PREFIX_LENGTH, FrameCipher.OVERHEAD, prefix(data));
      } catch (BadPaddingException e) {
        throw new StoreException(
            StoreException.Code.WRONG_KEY, "The header's key check fails.", file, e);
      }
    }
    return new FileHeader(data[5], Frames.readLong(data, 8), encrypted);
  }

  private static byte[] prefix(byte[] header) {
    byte[] prefix = new byte[PREFIX_LENGTH];
    System.arraycopy(header, 0, prefix, 0, PREFIX_LENGTH);
    return prefix;
  }
}
