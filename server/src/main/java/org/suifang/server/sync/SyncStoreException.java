package org.suifang.server.sync;

import java.sql.SQLException;

/** A database failure in the sync feature's own SQL: temporary, the request may be retried. */
final class SyncStoreException extends RuntimeException {

  SyncStoreException(String what, SQLException cause) {
    super(what, cause);
  }
}
