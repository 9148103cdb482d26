package org.suifang.client;

import com.google.gson.JsonParseException;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.suifang.client.internal.SessionCodec;

/**
 * The default {@link TokenStore}: one file in the data directory, replaced atomically (written to a
 * temporary file, synced, renamed). With a key the file is encrypted with AES-GCM, so a lost tablet
 * does not leak tokens; without one it is plain JSON, which is only as safe as the app's private
 * directory. Thread-safe.
 */
public final class FileTokenStore implements TokenStore {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final File file;
  @Nullable private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * Creates a store in {@code directory} ({@code session.json}, or {@code session.bin} when
   * encrypted with {@code key}, an AES key).
   */
  public FileTokenStore(File directory, @Nullable SecretKey key) {
    Objects.requireNonNull(directory, "directory == null");
    this.key = key;
    this.file = new File(directory, key == null ? "session.json" : "session.bin");
  }

  @Override
  @Nullable
  public synchronized Session load() throws IOException {
    if (!file.exists()) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file.toPath());
    try {
      return SessionCodec.decode(key == null ? bytes : decrypt(bytes));
    } catch (JsonParseException | GeneralSecurityException e) {
      throw new IOException("unreadable session file " + file, e);
    }
  }

  @Override
  public synchronized void save(Session session) throws IOException {
    Objects.requireNonNull(session, "session == null");
    byte[] bytes = SessionCodec.encode(session);
    if (key != null) {
      try {
        bytes = encrypt(bytes);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot encrypt the session", e);
      }
    }
    File directory = file.getAbsoluteFile().getParentFile();
    if (!directory.isDirectory() && !directory.mkdirs()) {
      throw new IOException("cannot create " + directory);
    }
    File temp = new File(directory, file.getName() + ".tmp");
    try (FileOutputStream out = new FileOutputStream(temp)) {
      out.write(bytes);
      out.getFD().sync();
    }
    Files.move(
        temp.toPath(),
        file.toPath(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public synchronized void clear() throws IOException {
    Files.deleteIfExists(file.toPath());
  }

  private byte[] encrypt(byte[] plain) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
    byte[] sealed = cipher.doFinal(plain);
    byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
    return out;
  }

  private byte[] decrypt(byte[] stored) throws GeneralSecurityException {
    if (stored.length < IV_BYTES) {
      throw new GeneralSecurityException("session file too short");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
    return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
  }

  @Override
  public String toString() {
    return "FileTokenStore{" + file + (key == null ? "" : ", encrypted") + "}";
  }
}
