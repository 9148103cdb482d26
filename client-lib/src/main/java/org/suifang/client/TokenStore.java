package org.suifang.client;

import java.io.IOException;
import javax.annotation.Nullable;

/**
 * Keeps the login {@link Session} across restarts. The default, {@link FileTokenStore}, writes a
 * file in the data directory (encrypted when the client has an encryption key); an app may keep it
 * in the Android Keystore instead. Calls come from the client's threads, one at a time.
 *
 * <p>{@link #save} must be durable when it returns: refresh tokens are single use, so the client
 * saves the new one before it ever uses it.
 */
public interface TokenStore {

  /** Returns the saved session, or null if there is none. */
  @Nullable
  Session load() throws IOException;

  /** Replaces the saved session, durably. */
  void save(Session session) throws IOException;

  /** Removes the saved session. */
  void clear() throws IOException;
}
