package org.suifang.server.sync;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.suifang.server.common.DerivedKey;

/**
 * Signs the pull cursors the server hands out, so that the server acts only on cursors it issued
 * itself. Without a signature a signed-in user could send a cursor beyond the head, which the
 * server must read as "the database was restored from an older backup" and answer by rotating the
 * epoch, sending every tablet into a full re-download. A cursor whose signature does not match is
 * answered like a cursor of another epoch: this device starts again from the beginning, nothing is
 * rotated. The key is derived from the shared JWT secret, so every instance accepts every other
 * instance's cursors, and a restored database still accepts the cursors issued before the backup.
 */
@Singleton
final class CursorSigner {

  private final DerivedKey key;

  CursorSigner(
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
    this.key = DerivedKey.of(secret, "sync-cursor-key");
  }

  /** Returns the signed cursor {@code {epoch, seq, scope}}. */
  PullCursor cursor(String epoch, long seq, String scope) {
    return new PullCursor(epoch, seq, scope, key.sign(data(epoch, seq, scope)));
  }

  /** Returns whether the cursor carries the signature this server family gave it. */
  boolean isAuthentic(@Nullable PullCursor cursor) {
    return cursor != null
        && cursor.sig() != null
        && key.verify(data(cursor.epoch(), cursor.seq(), cursor.scope()), cursor.sig());
  }

  private static String data(String epoch, long seq, String scope) {
    return epoch + '|' + seq + '|' + scope;
  }
}
