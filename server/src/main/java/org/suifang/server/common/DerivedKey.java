package org.suifang.server.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key for one purpose, derived from the server's shared secret (the JWT secret,
 * {@code SUIFANG_JWT_SECRET}). Every instance behind a load balancer derives the same key, so a
 * value one instance signs, another verifies; a key per purpose means a MAC made for one purpose (a
 * CSRF token, a sync cursor) is never valid for another, nor a JWT signature. Thread-safe.
 */
public final class DerivedKey {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  private DerivedKey(SecretKeySpec key) {
    this.key = key;
  }

  /** Derives the key of {@code purpose} (e.g. {@code "csrf-key"}) from {@code secret}. */
  public static DerivedKey of(String secret, String purpose) {
    SecretKeySpec master = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    return new DerivedKey(new SecretKeySpec(mac(master, purpose), ALGORITHM));
  }

  /** Returns the MAC of {@code data} (UTF-8), base64url without padding. */
  public String sign(String data) {
    return BASE64URL.encodeToString(mac(key, data));
  }

  /** Returns whether {@code presented} is the MAC of {@code data}, in constant time. */
  public boolean verify(String data, String presented) {
    return MessageDigest.isEqual(
        sign(data).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
