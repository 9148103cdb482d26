package org.suifang.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Hashes and checks passwords with bcrypt ({@code at.favre.lib:bcrypt}) at the configured cost.
 * bcrypt reads at most 72 bytes, so longer passwords are refused at creation and never match. Calls
 * are CPU-bound (about 0.25 s at cost 12): run them off the event loop.
 */
@Singleton
public class PasswordHasher {

  /** The longest password bcrypt reads, in UTF-8 bytes. */
  public static final int MAX_BYTES = 72;

  private final int cost;
  private volatile String dummyHash;

  PasswordHasher(AuthConfiguration config) {
    this.cost = config.bcryptCost();
  }

  /** Returns the bcrypt hash ({@code $2a$<cost>$…}, 60 characters) of the password. */
  public String hash(String password) {
    Objects.requireNonNull(password, "password == null");
    if (!fits(password)) {
      throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
    }
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  /** Returns true if the password matches the hash; false for a password bcrypt cannot read. */
  public boolean matches(String password, String hash) {
    if (!fits(password)) {
      return false;
    }
    return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
  }

  /**
   * Spends as long as {@link #matches} does and returns false: used for unknown usernames so that
   * timing does not tell which usernames exist.
   */
  public boolean matchesNothing(String password) {
    String hash = dummyHash;
    if (hash == null) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      hash = hash(Base64.getEncoder().encodeToString(random));
      dummyHash = hash;
    }
    matches(password, hash);
    return false;
  }

  /** Returns true if bcrypt can read the whole password. */
  public static boolean fits(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
