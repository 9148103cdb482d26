package org.suifang.client.internal.store;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * A store failure that the app must act on: a wrong or missing key, a file the store will not read,
 * or a store that must be reopened. Each {@link Code} is stable and documented in {@code
 * docs/local-store.md} under the anchor of its lower-case name.
 *
 * <p>When opening throws one of these, the store has changed no file in the directory.
 */
public final class StoreException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The stable reason of a {@link StoreException}; branch on it, never on the messages. */
  public enum Code {
    /** The key is not the key the store was encrypted with. Nothing was changed. */
    WRONG_KEY("密钥错误：本地数据无法解密。未修改任何文件。", "The key does not open this store. No file was changed."),
    /** The store is encrypted and no key was given. */
    KEY_REQUIRED("本地数据已加密，打开时必须提供密钥。", "The store is encrypted; open it with its key."),
    /** A key was given but the store is not encrypted. */
    NOT_ENCRYPTED("本地数据未加密，打开时不能提供密钥。", "The store is not encrypted; open it without a key."),
    /** The key cannot be used for AES/GCM (wrong algorithm, invalidated Keystore key, …). */
    KEY_UNUSABLE("密钥无法用于 AES/GCM 加密。", "The key cannot be used for AES/GCM."),
    /**
     * A frame's checksum is right but its authentication fails although the key is right: the file
     * was changed deliberately. Nothing was changed.
     */
    TAMPERED(
        "本地数据校验正确但认证失败，文件可能被篡改。未修改任何文件。",
        "A record passed its checksum but failed authentication with the right key; the file was"
            + " altered. No file was changed."),
    /** A file the store cannot read safely (bad header, bad snapshot, missing snapshot). */
    CORRUPT(
        "本地数据文件已损坏，无法安全读取。未修改任何文件。",
        "A store file is damaged and cannot be read safely. No file was changed."),
    /** The files were written by a newer format version. */
    UNSUPPORTED_FORMAT("本地数据由更新版本的程序写入，无法读取。", "The store was written by a newer format version."),
    /** Another open store holds the directory. */
    LOCKED("本地数据已被另一个实例打开。", "Another open store holds this directory."),
    /** An earlier write failed; the on-disk state is known only after reopening. */
    NEEDS_REOPEN("之前的写入失败，请关闭后重新打开本地数据。", "An earlier write failed; close and reopen the store.");

    private final String messageZh;
    private final String messageEn;

    Code(String messageZh, String messageEn) {
      this.messageZh = messageZh;
      this.messageEn = messageEn;
    }

    /** Returns the anchor of this code in {@code docs/local-store.md}. */
    public String help() {
      return "docs/local-store.md#" + name().toLowerCase(Locale.ROOT);
    }
  }

  private final Code code;
  private final String detail;
  @Nullable private final File file;

  StoreException(Code code, String detail, @Nullable File file, @Nullable Throwable cause) {
    super(
        "["
            + code
            + "] "
            + code.messageEn
            + " "
            + detail
            + (file == null ? "" : " (" + file + ")")
            + " / "
            + code.messageZh
            + " See "
            + code.help(),
        cause);
    this.code = code;
    this.detail = detail;
    this.file = file;
  }

  StoreException(Code code, String detail, @Nullable File file) {
    this(code, detail, file, null);
  }

  /** Returns the stable code. */
  public Code code() {
    return code;
  }

  /** Returns the Chinese message for the user. */
  public String messageZh() {
    return code.messageZh;
  }

  /** Returns the English message, with the technical detail. */
  public String messageEn() {
    return code.messageEn + " " + detail;
  }

  /** Returns the file the failure is about, or null if it is not about one file. */
  @Nullable
  public File file() {
    return file;
  }
}
