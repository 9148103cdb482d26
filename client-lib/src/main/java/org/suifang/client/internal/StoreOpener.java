package org.suifang.client.internal;

import java.io.File;
import java.io.IOException;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import org.suifang.client.internal.store.JournalStore;
import org.suifang.client.internal.store.LocalStore;

/** Opens the durable store of a data directory. */
public interface StoreOpener {

  /** Opens (creating if needed) the store in {@code directory}, encrypted when a key is given. */
  LocalStore open(File directory, @Nullable SecretKey key) throws IOException;

  /**
   * The production store: the journal of {@code org.suifang.client.internal.store} (decision D1).
   */
  StoreOpener JOURNAL =
      new StoreOpener() {
        @Override
        public LocalStore open(File directory, @Nullable SecretKey key) throws IOException {
          return JournalStore.open(directory, key);
        }
      };
}
