package org.suifang.server.sync;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * The epoch of this database (table {@code server_info}, V1): the first part of every pull cursor.
 * A new epoch makes every device reset its pull (docs/sync-protocol.md#cursor-epoch-and-reset).
 */
@Singleton
class SyncEpoch {

  private static final String READ = "SELECT epoch FROM server_info WHERE id = 1";
  // ON CONFLICT, not WHERE NOT EXISTS: instances starting at once on a new database both see no
  // row, and the later insert must give way to the first instead of failing that server's start.
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO server_info (id, epoch, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING";
  private static final String ROTATE =
      "UPDATE server_info SET epoch = ? WHERE id = 1 AND epoch = ?";

  // Reads, 50 ms apart, waiting for another instance's first epoch to become visible.
  private static final int CONCURRENT_INSERT_READS = 40;

  private final TransactionOperations<Connection> transactions;
  private final Clock clock;

  SyncEpoch(TransactionOperations<Connection> transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Gives a new database its first epoch at startup, so later reads never race to create one. */
  @EventListener
  void onStartup(StartupEvent event) {
    transactions.executeWrite(status -> current());
  }

  /** Returns the epoch, creating the first one if the database has none. Needs a transaction. */
  String current() {
    Connection connection = transactions.getConnection();
    String epoch = read(connection);
    if (epoch != null) {
      return epoch;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setTimestamp(2, Timestamp.from(clock.instant()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new SyncStoreException("Could not read or write the epoch", e);
    }
    epoch = read(connection);
    // Another instance's insert won: on H2 our insert can give way to its row just before that
    // row's commit is visible to our next read, so read again for a moment (read committed: each
    // read sees what has committed by then). Only ever at the first start on an empty database.
    for (int attempt = 0; epoch == null && attempt < CONCURRENT_INSERT_READS; attempt++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      epoch = read(connection);
    }
    if (epoch == null) {
      throw new IllegalStateException("server_info has no row after inserting one");
    }
    return epoch;
  }

  /** Replaces the epoch with a new random one and returns it. Needs a transaction. */
  String rotate() {
    return rotateFrom(current());
  }

  /**
   * Replaces the epoch with a new random one unless another request already replaced {@code
   * expected}, and returns the epoch now current. Needs a transaction.
   */
  String rotateFrom(String expected) {
    String epoch = UUID.randomUUID().toString();
    try (PreparedStatement update = transactions.getConnection().prepareStatement(ROTATE)) {
      update.setString(1, epoch);
      update.setString(2, expected);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new SyncStoreException("Could not rotate the epoch", e);
    }
    return current();
  }

  private static String read(Connection connection) {
    try (PreparedStatement read = connection.prepareStatement(READ);
        ResultSet rs = read.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new SyncStoreException("Could not read or write the epoch", e);
    }
  }
}
