package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The first epoch of a new database. Several server instances may start at once on it (a county
 * deployment behind a load balancer), and each gives the database its first epoch at startup: the
 * one that loses the race must adopt the winner's epoch instead of failing to start.
 */
@MicronautTest(transactional = false)
class SyncEpochTest {

  @Inject SyncEpoch epoch;

  @Inject TransactionOperations<Connection> transactions;

  @Test
  void firstEpochCreatedConcurrentlyByAnotherInstance_adoptsTheirs() throws Exception {
    transactions.executeWrite(
        status -> {
          try (Statement s = status.getConnection().createStatement()) {
            return s.executeUpdate("DELETE FROM server_info");
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    try {
      // "Another instance" inserts the first epoch and has not committed yet.
      Future<?> other =
          pool.submit(
              () ->
                  transactions.executeWrite(
                      status -> {
                        try (PreparedStatement insert =
                            status
                                .getConnection()
                                .prepareStatement(
                                    "INSERT INTO server_info (id, epoch, created_at)"
                                        + " VALUES (1, 'theirs', ?)")) {
                          insert.setTimestamp(1, Timestamp.from(Instant.now()));
                          insert.executeUpdate();
                        }
                        inserted.countDown();
                        return commit.await(30, TimeUnit.SECONDS);
                      }));
      assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
      // This instance reads no epoch yet, inserts its own and waits for the other's row lock.
      Future<String> ours = pool.submit(() -> transactions.executeWrite(s -> epoch.current()));
      Thread.sleep(500);
      commit.countDown();
      other.get(30, TimeUnit.SECONDS);

      assertThat(ours.get(30, TimeUnit.SECONDS)).isEqualTo("theirs");
    } finally {
      pool.shutdownNow();
    }
    String stored = transactions.executeRead(s -> epoch.current());
    assertThat(stored).isEqualTo("theirs");
  }
}
