package org.suifang.client.internal.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A {@link LocalStore} in memory, for tests: a "reopen" is a new instance over the same {@link
 * Backing}, as a journal reopened from the same directory. Counts commits and compactions.
 */
public final class InMemoryStore implements LocalStore {

  /** The stored bytes, shared by every instance opened on it. */
  public static final class Backing {
    @Nullable byte[] snapshot;
    final List<byte[]> transactions = new ArrayList<>();
    long transactionBytes;
    int commits;
    int compactions;

    public int commits() {
      return commits;
    }

    public int compactions() {
      return compactions;
    }

    public int transactionCount() {
      return transactions.size();
    }

    /** Returns a copy, as a tablet cloned from a backup would hold. */
    public Backing copy() {
      Backing b = new Backing();
      b.snapshot = snapshot == null ? null : snapshot.clone();
      for (byte[] t : transactions) {
        b.transactions.add(t.clone());
      }
      b.transactionBytes = transactionBytes;
      return b;
    }

    /** Drops the last {@code n} transactions, as a crash before they became durable would. */
    public void dropLast(int n) {
      for (int i = 0; i < n; i++) {
        byte[] removed = transactions.remove(transactions.size() - 1);
        transactionBytes -= removed.length;
      }
    }
  }

  private final Backing backing;
  private boolean closed;

  public InMemoryStore() {
    this(new Backing());
  }

  public InMemoryStore(Backing backing) {
    this.backing = backing;
  }

  public Backing backing() {
    return backing;
  }

  /** Returns a new instance on the same bytes, as reopening the store would. */
  public InMemoryStore reopen() {
    return new InMemoryStore(backing);
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  @Nullable
  public byte[] snapshot() {
    check();
    return backing.snapshot == null ? null : backing.snapshot.clone();
  }

  @Override
  public List<byte[]> transactions() {
    check();
    List<byte[]> out = new ArrayList<>();
    for (byte[] t : backing.transactions) {
      out.add(t.clone());
    }
    return out;
  }

  @Override
  public void commit(byte[] transaction) throws IOException {
    check();
    backing.transactions.add(transaction.clone());
    backing.transactionBytes += transaction.length;
    backing.commits++;
  }

  @Override
  public void compact(byte[] snapshot) throws IOException {
    check();
    backing.snapshot = snapshot.clone();
    backing.transactions.clear();
    backing.transactionBytes = 0;
    backing.compactions++;
  }

  @Override
  public long transactionBytes() {
    check();
    return backing.transactionBytes;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("store closed");
    }
  }
}
