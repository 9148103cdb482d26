package org.suifang.client.internal.store;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES/GCM/NoPadding with a fresh random 12-byte nonce per seal and a 128-bit tag. A sealed value is
 * {@code nonce || ciphertext || tag}. The associated data binds each sealed value to its file kind,
 * generation and frame index, so frames cannot be moved between files or positions.
 */
final class FrameCipher {
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;

  private final SecretKey key;
  private final Cipher cipher;
  private final SecureRandom random = new SecureRandom();

  private FrameCipher(SecretKey key, Cipher cipher) {
    this.key = key;
    this.cipher = cipher;
  }

  /**
   * Creates a cipher for {@code key}, an AES key of 128 or 256 bits. A key without encoded form (an
   * Android Keystore key) is accepted as long as its algorithm is AES.
   */
  static FrameCipher create(SecretKey key) {
    if (!"AES".equals(key.getAlgorithm().toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("key algorithm " + key.getAlgorithm() + " is not AES");
    }
    byte[] encoded = key.getEncoded();
    if (encoded != null && encoded.length != 16 && encoded.length != 32) {
      throw new IllegalArgumentException(
          "AES key of " + encoded.length * 8 + " bits; use 128 or 256 bits");
    }
    try {
      return new FrameCipher(key, Cipher.getInstance("AES/GCM/NoPadding"));
    } catch (GeneralSecurityException e) {
      // Every JVM and Android release ships AES/GCM; its absence is a broken platform.
      throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
    }
  }

  /** Returns {@code nonce || ciphertext || tag} for {@code plaintext} and {@code aad}. */
  byte[] seal(byte[] plaintext, byte[] aad) throws StoreException {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] sealed = new byte[OVERHEAD + plaintext.length];
    System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      cipher.updateAAD(aad);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_LENGTH);
      if (written != plaintext.length + TAG_LENGTH) {
        throw new IllegalStateException("AES/GCM wrote " + written + " bytes");
      }
      return sealed;
    } catch (InvalidAlgorithmParameterException e) {
      throw new StoreException(
          StoreException.Code.KEY_UNUSABLE,
          "The key refuses a caller-chosen nonce; an Android Keystore key needs"
              + " setRandomizedEncryptionRequired(false).",
          null,
          e);
    } catch (GeneralSecurityException e) {
      throw new StoreException(StoreException.Code.KEY_UNUSABLE, e.toString(), null, e);
    }
  }

  /**
   * Returns the plaintext of the sealed value in {@code data[offset, offset + length)}.
   *
   * @throws BadPaddingException if it does not authenticate (a wrong key or altered bytes); for GCM
   *     this is an {@code AEADBadTagException}
   */
  byte[] open(byte[] data, int offset, int length, byte[] aad)
      throws StoreException, BadPaddingException {
    if (length < OVERHEAD) {
      throw new BadPaddingException(length + " bytes are too short for a sealed value");
    }
    try {
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_LENGTH * 8, data, offset, NONCE_LENGTH));
      cipher.updateAAD(aad);
      return cipher.doFinal(data, offset + NONCE_LENGTH, length - NONCE_LENGTH);
    } catch (BadPaddingException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new StoreException(StoreException.Code.KEY_UNUSABLE, e.toString(), null, e);
    }
  }
}
