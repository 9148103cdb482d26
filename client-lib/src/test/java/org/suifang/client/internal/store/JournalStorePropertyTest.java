package org.suifang.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of commit, compact, reopen and torn-tail cuts, checked after every step against
 * a model: the last snapshot plus the list of transactions committed after it, minus those a cut
 * tore.
 */
class JournalStorePropertyTest {
  private static final SecretKey KEY = StoreFiles.key(11);

  @Property(tries = 60)
  void anyOperations_storeMatchesModel(
      @ForAll boolean encrypted, @ForAll("operations") List<Operation> operations)
      throws IOException {
    Path directory = Files.createTempDirectory("journal-property");
    try (Harness harness = new Harness(directory, encrypted ? KEY : null)) {
      for (Operation operation : operations) {
        operation.apply(harness);
        harness.checkAgainstModel(operation);
      }
      harness.reopen();
      harness.checkAgainstModel(null);
    } finally {
      StoreFiles.deleteRecursively(directory);
    }
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    Arbitrary<Operation> operation =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, bytes.map(Commit::new)),
            net.jqwik.api.Tuple.of(1, bytes.map(Compact::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reopen())),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 120).map(CutTail::new)));
    return operation.list().ofMinSize(1).ofMaxSize(25);
  }

  /** The store under test and the model it must match. */
  static final class Harness implements AutoCloseable {
    final Path directory;
    @Nullable final SecretKey key;
    JournalStore store;
    @Nullable byte[] modelSnapshot;
    final List<byte[]> modelTransactions = new ArrayList<>();

    /** Journal length after each model transaction's frame; the first entry is the header. */
    final List<Long> frameEnds = new ArrayList<>();

    Harness(Path directory, @Nullable SecretKey key) throws IOException {
      this.directory = directory;
      this.key = key;
      this.store = JournalStore.open(directory, key);
      frameEnds.add(journalLength());
    }

    long journalLength() throws IOException {
      return Files.size(store.journalFile().toPath());
    }

    void reopen() throws IOException {
      store.close();
      store = JournalStore.open(directory, key);
      assertThat(store.recovery().isClean()).isTrue();
    }

    void checkAgainstModel(@Nullable Operation after) throws IOException {
      String as = "after " + after;
      assertThat(hex(store.snapshot())).as(as).isEqualTo(hex(modelSnapshot));
      assertThat(hexes(store.transactions())).as(as).isEqualTo(hexes(modelTransactions));
    }

    @Override
    public void close() throws IOException {
      store.close();
    }

    @Nullable
    private static String hex(@Nullable byte[] bytes) {
      return bytes == null ? null : StoreFiles.hex(bytes);
    }

    private static List<String> hexes(List<byte[]> list) {
      List<String> hexes = new ArrayList<>();
      for (byte[] bytes : list) {
        hexes.add(StoreFiles.hex(bytes));
      }
      return hexes;
    }
  }

  interface Operation {
    void apply(Harness harness) throws IOException;
  }

  static final class Commit implements Operation {
    final byte[] transaction;

    Commit(byte[] transaction) {
      this.transaction = transaction;
    }

    @Override
    public void apply(Harness h) throws IOException {
      h.store.commit(transaction);
      h.modelTransactions.add(transaction.clone());
      h.frameEnds.add(h.journalLength());
    }

    @Override
    public String toString() {
      return "commit(" + transaction.length + " bytes)";
    }
  }

  static final class Compact implements Operation {
    final byte[] snapshot;

    Compact(byte[] snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public void apply(Harness h) throws IOException {
      h.store.compact(snapshot);
      h.modelSnapshot = snapshot.clone();
      h.modelTransactions.clear();
      h.frameEnds.clear();
      h.frameEnds.add(h.journalLength());
    }

    @Override
    public String toString() {
      return "compact(" + snapshot.length + " bytes)";
    }
  }

  static final class Reopen implements Operation {
    @Override
    public void apply(Harness h) throws IOException {
      h.reopen();
    }

    @Override
    public String toString() {
      return "reopen";
    }
  }

  /**
   * Closes the store, cuts up to {@code bytes} off the journal's end (never the header), reopens.
   */
  static final class CutTail implements Operation {
    final int bytes;

    CutTail(int bytes) {
      this.bytes = bytes;
    }

    @Override
    public void apply(Harness h) throws IOException {
      Path journal = h.store.journalFile().toPath();
      h.store.close();
      long length = Files.size(journal);
      long header = h.frameEnds.get(0);
      long newLength = length - Math.min(bytes, length - header);
      StoreFiles.truncate(journal, newLength);
      while (h.frameEnds.get(h.frameEnds.size() - 1) > newLength) {
        h.frameEnds.remove(h.frameEnds.size() - 1);
        h.modelTransactions.remove(h.modelTransactions.size() - 1);
      }
      long goodEnd = h.frameEnds.get(h.frameEnds.size() - 1);

      h.store = JournalStore.open(h.directory, h.key);

      RecoveryReport report = h.store.recovery();
      assertThat(report.bytesCut()).as(toString()).isEqualTo(newLength - goodEnd);
      assertThat(report.damageFound()).as(toString()).isFalse();
      assertThat(h.journalLength()).as(toString()).isEqualTo(goodEnd);
    }

    @Override
    public String toString() {
      return "cutTail(" + bytes + ")";
    }
  }
}
