package org.suifang.client.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.client.internal.store.StoreFiles.sampleTexts;
import static org.suifang.client.internal.store.StoreFiles.texts;
import static org.suifang.client.internal.store.StoreFiles.tx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A crash during {@code compact} can leave any of the intermediate file states below. Each is built
 * by hand from the real files before and after a compaction; reopening must give exactly the state
 * before or the state after, never a mixture, and never replay the old journal on the new snapshot.
 */
class CompactionCrashTest {
  private static final String NEW_SNAPSHOT = "snapshot-after-compaction";

  @TempDir Path dir;

  private Path pre;
  private Path post;
  @Nullable private SecretKey key;
  private long generation;
  @Nullable private String preSnapshot;
  private List<String> preTransactions;

  @ParameterizedTest(name = "encrypted={0}, firstCompaction={1}")
  @CsvSource({"false, true", "false, false", "true, true", "true, false"})
  void open_afterCrashAtEachStep_givesPreOrPostState(boolean encrypted, boolean first)
      throws Exception {
    build(encrypted, first);
    String oldJournal = "journal-" + generation;
    String newJournal = "journal-" + (generation + 1);

    // 1. The temporary snapshot is written and fsynced but not renamed.
    Path s1 = crashState("temp-snapshot-not-renamed", pre);
    Files.copy(post.resolve("snapshot"), s1.resolve("snapshot.tmp"));
    assertPreState(s1);
    assertThat(s1.resolve("snapshot.tmp")).doesNotExist();

    // 1b. The temporary snapshot is only partly written.
    Path s1b = crashState("temp-snapshot-torn", pre);
    byte[] postSnapshot = Files.readAllBytes(post.resolve("snapshot"));
    Files.write(s1b.resolve("snapshot.tmp"), Arrays.copyOf(postSnapshot, postSnapshot.length / 2));
    assertPreState(s1b);

    // 2. Renamed; the new journal is not created yet and the old one is still there.
    Path s2 = crashState("renamed-no-new-journal", pre);
    Files.deleteIfExists(s2.resolve("snapshot"));
    Files.copy(post.resolve("snapshot"), s2.resolve("snapshot"));
    assertPostState(s2);
    assertThat(s2.resolve(oldJournal)).doesNotExist();
    assertThat(s2.resolve(newJournal)).exists();

    // 3. Renamed; the new journal's temporary file is written but not renamed.
    Path s3 = crashState("new-journal-temp-not-renamed", pre);
    Files.deleteIfExists(s3.resolve("snapshot"));
    Files.copy(post.resolve("snapshot"), s3.resolve("snapshot"));
    Files.copy(post.resolve(newJournal), s3.resolve(newJournal + ".tmp"));
    assertPostState(s3);
    assertThat(s3.resolve(newJournal + ".tmp")).doesNotExist();

    // 4. The new journal exists; the old journal is not deleted yet.
    Path s4 = crashState("old-journal-not-deleted", post);
    Files.copy(pre.resolve(oldJournal), s4.resolve(oldJournal));
    assertPostState(s4);
    assertThat(s4.resolve(oldJournal)).doesNotExist();

    // 0 and 5: before the compaction started, and after it finished.
    assertPreState(crashState("before", pre));
    assertPostState(crashState("after", post));
  }

  private void build(boolean encrypted, boolean first) throws IOException {
    key = encrypted ? StoreFiles.key(5) : null;
    pre = dir.resolve("pre");
    post = dir.resolve("post");
    preTransactions = new ArrayList<>();
    try (JournalStore store = JournalStore.open(pre, key)) {
      if (!first) {
        store.commit(tx(100));
        store.compact("older-snapshot".getBytes(UTF_8));
        preSnapshot = "older-snapshot";
      }
      for (int i = 0; i < 4; i++) {
        store.commit(tx(i));
      }
      preTransactions = sampleTexts(0, 4);
      generation = store.generation();
    }
    StoreFiles.copy(pre, post);
    try (JournalStore store = JournalStore.open(post, key)) {
      store.compact(NEW_SNAPSHOT.getBytes(UTF_8));
    }
  }

  private Path crashState(String name, Path from) throws IOException {
    return StoreFiles.copy(from, dir.resolve(name));
  }

  private void assertPreState(Path state) throws IOException {
    assertState(state, generation, preSnapshot, preTransactions);
  }

  private void assertPostState(Path state) throws IOException {
    assertState(state, generation + 1, NEW_SNAPSHOT, new ArrayList<String>());
  }

  /** Checks the state on open, then that a commit after recovery survives another reopen. */
  private void assertState(
      Path state, long expectedGeneration, @Nullable String snapshot, List<String> transactions)
      throws IOException {
    String name = state.getFileName().toString();
    try (JournalStore store = JournalStore.open(state, key)) {
      assertThat(store.generation()).as(name).isEqualTo(expectedGeneration);
      assertThat(text(store.snapshot())).as(name).isEqualTo(snapshot);
      assertThat(texts(store.transactions())).as(name).isEqualTo(transactions);
      assertThat(store.recovery().isClean()).as(name).isTrue();
      store.commit(tx(77));
    }
    List<String> withNext = new ArrayList<>(transactions);
    withNext.add(new String(tx(77), UTF_8));
    try (JournalStore store = JournalStore.open(state, key)) {
      assertThat(text(store.snapshot())).as(name).isEqualTo(snapshot);
      assertThat(texts(store.transactions())).as(name).isEqualTo(withNext);
    }
    assertThat(StoreFiles.contents(state).keySet())
        .as(name)
        .containsExactlyInAnyOrder(
            snapshot == null
                ? new String[] {"lock", "journal-" + expectedGeneration}
                : new String[] {"lock", "snapshot", "journal-" + expectedGeneration});
  }

  @Nullable
  private static String text(@Nullable byte[] bytes) {
    return bytes == null ? null : new String(bytes, UTF_8);
  }
}
