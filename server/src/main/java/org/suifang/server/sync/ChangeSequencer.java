package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Hands out the change sequence number of the current transaction (sync-design.md D5).
 *
 * <p>The first call in a transaction increments the single {@code sync_clock} row and ticks the
 * server's hybrid logical clock in the same statement; the row stays locked until the transaction
 * ends, so transactions receive their numbers in commit order and a pull that has seen number
 * {@code n} committed has seen every lower number committed too. Later calls in the same
 * transaction return the same stamp, so every row a transaction writes shares one number, until
 * {@link #forget} makes the next call tick again: a batch of pushed mutations in one transaction
 * gives each mutation its own number that way. A batch of follow-up mutations instead defers its
 * stamps ({@link #deferFollowUpsTo}) and takes one range of numbers at its end ({@link
 * #takeRange}).
 *
 * <p>Take the stamp after the transaction's other row writes: other writers wait for the lock, and
 * a fixed order (rows first, clock last) cannot deadlock. A batch of mutations writes the rows of
 * its later mutations while it holds the clock; a deadlock that this may cause with another writer
 * is broken by the database and the batch is processed again one mutation per transaction ({@link
 * SyncService}).
 */
@Singleton
public class ChangeSequencer {

  private static final String TICK =
      "UPDATE sync_clock SET seq = seq + 1, hlc = GREATEST(hlc + 1, ?, ?) WHERE id = 1";
  private static final String BUMP_HLC =
      "UPDATE sync_clock SET hlc = GREATEST(hlc, ?) WHERE id = 1";
  private static final String READ = "SELECT seq, hlc FROM sync_clock WHERE id = 1";
  private static final String TAKE_RANGE =
      "UPDATE sync_clock SET seq = seq + ?, hlc = GREATEST(hlc + ?, ?, ?) WHERE id = 1";

  private final TransactionOperations<Connection> transactions;
  private final Clock clock;
  // Stamps of the open transactions, by their connection; removed when a transaction completes.
  private final Map<Connection, Stamp> open = new IdentityHashMap<>();
  // Follow-up writes whose stamps are deferred, by connection ({@link #deferFollowUpsTo}).
  private final Map<Connection, Deferral> deferred = new IdentityHashMap<>();

  ChangeSequencer(TransactionOperations<Connection> transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The stamp of a write.
   *
   * @param seq the change sequence number shared by every row the transaction writes
   * @param hlc the server HLC of the transaction, larger than every HLC the server issued or
   *     accepted before
   */
  public record Stamp(long seq, long hlc) {}

  /** Returns the current transaction's stamp, taking one if it has none. */
  public Stamp stamp() {
    return stamp(0);
  }

  /**
   * Returns the current transaction's stamp, taking one whose HLC is larger than {@code atLeastHlc}
   * if it has none (a client HLC the server accepts moves the server clock forward).
   *
   * @throws IllegalStateException outside a transaction
   */
  public Stamp stamp(long atLeastHlc) {
    TransactionStatus<?> status =
        transactions
            .findTransactionStatus()
            .filter(s -> !s.isCompleted())
            .orElseThrow(() -> new IllegalStateException("A change stamp needs a transaction"));
    Connection connection = transactions.getConnection();
    synchronized (open) {
      if (deferred.containsKey(connection)) {
        // Only follow-up writes may be stamped late ({@link MutationProcessor#processBatch}).
        throw new IllegalStateException("A change stamp was asked for while stamps are deferred");
      }
    }
    Stamp existing;
    synchronized (open) {
      existing = open.get(connection);
    }
    if (existing != null) {
      if (atLeastHlc < existing.hlc()) {
        return existing;
      }
      // This transaction holds the clock row already: move the HLC past the value it accepted.
      Stamp moved = new Stamp(existing.seq(), atLeastHlc + 1);
      try (PreparedStatement bump = connection.prepareStatement(BUMP_HLC)) {
        bump.setLong(1, moved.hlc());
        bump.executeUpdate();
      } catch (SQLException e) {
        throw new ChangeSequenceException(e);
      }
      synchronized (open) {
        open.put(connection, moved);
      }
      return moved;
    }
    Stamp stamp = take(connection, atLeastHlc);
    synchronized (open) {
      open.put(connection, stamp);
    }
    status.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(Status completion) {
            synchronized (open) {
              open.remove(connection);
            }
          }
        });
    return stamp;
  }

  /**
   * Forgets the current transaction's stamp, so that its next {@link #stamp} ticks {@code
   * sync_clock} again and gets the next number: a batch of mutations in one transaction gives each
   * its own number ({@link MutationProcessor#processBatch}), and a mutation rolled back to its
   * savepoint gives its tick back. The row lock, once taken, is still held until the transaction
   * ends, so the numbers still follow commit order.
   */
  void forget() {
    Connection connection = transactions.getConnection();
    synchronized (open) {
      open.remove(connection);
    }
  }

  /**
   * While {@code deferral} is not null, {@link ChangeStamps#followUpWritten} in the current
   * transaction adds the follow-up's id to it instead of taking a stamp, {@link
   * ChangeStamps#followUpInserted} holds a new follow-up row in it, and {@link #stamp} fails: a
   * batch of pushed follow-up mutations writes its rows without the {@code sync_clock} lock and
   * stamps them all at its end ({@link #takeRange}), so that the lock covers only the stamping and
   * the commit. Null ends the deferral.
   */
  void deferFollowUpsTo(@Nullable Deferral deferral) {
    Connection connection = transactions.getConnection();
    synchronized (open) {
      if (deferral == null) {
        deferred.remove(connection);
      } else {
        deferred.put(connection, deferral);
      }
    }
  }

  /** The current transaction's deferral ({@link #deferFollowUpsTo}), or null if it has none. */
  @Nullable
  Deferral deferral() {
    Connection connection = transactions.getConnection();
    synchronized (open) {
      return deferred.get(connection);
    }
  }

  /**
   * Takes {@code count} consecutive change sequence numbers for the current transaction in one
   * statement, and moves the HLC past {@code atLeastHlc}; returns the first. Like {@link #stamp},
   * it locks {@code sync_clock} until the transaction ends, so the numbers follow commit order. The
   * transaction must not hold a stamp taken by {@link #stamp} that it still uses.
   */
  long takeRange(int count, long atLeastHlc) {
    if (count < 1) {
      throw new IllegalArgumentException("count " + count);
    }
    transactions
        .findTransactionStatus()
        .filter(s -> !s.isCompleted())
        .orElseThrow(() -> new IllegalStateException("A change stamp needs a transaction"));
    Connection connection = transactions.getConnection();
    try (PreparedStatement range = connection.prepareStatement(TAKE_RANGE)) {
      range.setLong(1, count);
      range.setLong(2, count);
      range.setLong(3, Hlc.ofWallMillis(clock.millis()));
      range.setLong(4, atLeastHlc + 1);
      if (range.executeUpdate() != 1) {
        throw new IllegalStateException("sync_clock has no row");
      }
    } catch (SQLException e) {
      throw new ChangeSequenceException(e);
    }
    return read(connection).seq() - count + 1;
  }

  /** The highest committed change sequence number (what a pull may read up to). */
  public long head() {
    return read(transactions.getConnection()).seq();
  }

  /** The server HLC as last committed, for answers that write nothing. */
  public long currentHlc() {
    return Math.max(read(transactions.getConnection()).hlc(), Hlc.ofWallMillis(clock.millis()));
  }

  private Stamp take(Connection connection, long atLeastHlc) {
    try (PreparedStatement tick = connection.prepareStatement(TICK)) {
      tick.setLong(1, Hlc.ofWallMillis(clock.millis()));
      tick.setLong(2, atLeastHlc + 1);
      if (tick.executeUpdate() != 1) {
        throw new IllegalStateException("sync_clock has no row");
      }
    } catch (SQLException e) {
      throw new ChangeSequenceException(e);
    }
    return read(connection);
  }

  private static Stamp read(Connection connection) {
    try (PreparedStatement read = connection.prepareStatement(READ);
        ResultSet rs = read.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("sync_clock has no row");
      }
      return new Stamp(rs.getLong(1), rs.getLong(2));
    } catch (SQLException e) {
      throw new ChangeSequenceException(e);
    }
  }

  /** A database failure while taking or reading the sequence: temporary, the request may retry. */
  public static final class ChangeSequenceException extends RuntimeException {
    ChangeSequenceException(SQLException cause) {
      super("Could not take a change sequence number", cause);
    }
  }
}
