package org.suifang.client.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The tablet's durable store (sync-design.md decision D1), at the level of opaque transactions: the
 * client serialises each local transaction (a visit with its outbox mutation, a pulled page with
 * its cursor) to bytes and commits it here; on open it gets back the last snapshot and every
 * transaction committed after it, and replays them.
 *
 * <p>{@link #commit} returns only when the transaction is durable (fsynced). A transaction is
 * all-or-nothing: after a crash, a reopened store returns exactly the transactions whose {@code
 * commit} returned, possibly plus the one in flight, never part of one.
 *
 * <p>When {@code commit} or {@code compact} throws an {@link IOException}, its outcome may be known
 * only after a reopen: the reopened store holds the failed transaction whole or not at all, and
 * after a failed {@code compact} either the old or the new state. {@link JournalStore} refuses
 * further writes while the outcome is unknown.
 *
 * <p>Not thread-safe: the client serialises calls.
 */
public interface LocalStore extends Closeable {

  /**
   * The last snapshot written by {@link #compact}, or null if there is none. The caller owns the
   * array; the store may read it from disk again (it need not keep the whole state in memory).
   */
  @Nullable
  byte[] snapshot() throws IOException;

  /** The transactions committed after the snapshot, oldest first. */
  List<byte[]> transactions();

  /** Appends one transaction and makes it durable before returning. */
  void commit(byte[] transaction) throws IOException;

  /**
   * Replaces the snapshot and every transaction with {@code snapshot}, atomically: after a crash
   * the store holds either the old snapshot and transactions or the new snapshot alone.
   */
  void compact(byte[] snapshot) throws IOException;

  /** Bytes of transactions written since the last snapshot, to decide when to compact. */
  long transactionBytes();
}
