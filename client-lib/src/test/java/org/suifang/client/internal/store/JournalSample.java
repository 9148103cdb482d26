package org.suifang.client.internal.store;

import static org.suifang.client.internal.store.StoreFiles.tx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;

/**
 * A closed store holding {@code count} sample transactions (after one compaction, so generation 1,
 * when asked), with the journal offset where each frame starts and ends.
 */
final class JournalSample {
  static final String SNAPSHOT_TEXT = "snapshot-before-the-journal";

  final Path directory;
  final Path journal;
  @Nullable final SecretKey key;
  final boolean compacted;
  final long[] starts;
  final long[] ends;

  private JournalSample(
      Path directory,
      Path journal,
      @Nullable SecretKey key,
      boolean compacted,
      long[] starts,
      long[] ends) {
    this.directory = directory;
    this.journal = journal;
    this.key = key;
    this.compacted = compacted;
    this.starts = starts;
    this.ends = ends;
  }

  static JournalSample create(Path directory, int count, @Nullable SecretKey key, boolean compacted)
      throws IOException {
    long[] starts = new long[count];
    long[] ends = new long[count];
    Path journal;
    try (JournalStore store = JournalStore.open(directory, key)) {
      if (compacted) {
        store.commit(tx(1000));
        store.compact(SNAPSHOT_TEXT.getBytes(StandardCharsets.UTF_8));
      }
      journal = store.journalFile().toPath();
      for (int i = 0; i < count; i++) {
        starts[i] = Files.size(journal);
        store.commit(tx(i));
        ends[i] = Files.size(journal);
      }
    }
    return new JournalSample(directory, journal, key, compacted, starts, ends);
  }

  int count() {
    return ends.length;
  }

  /** Returns how many frames end at or before {@code length}: those a cut there keeps whole. */
  int completeFramesWithin(long length) {
    int complete = 0;
    while (complete < ends.length && ends[complete] <= length) {
      complete++;
    }
    return complete;
  }

  /** Returns the index of the frame holding byte {@code offset}. */
  int frameAt(long offset) {
    for (int i = 0; i < ends.length; i++) {
      if (offset >= starts[i] && offset < ends[i]) {
        return i;
      }
    }
    throw new IllegalArgumentException("offset " + offset + " is in no frame");
  }

  /** Returns this sample's files copied into {@code to}, with the journal's path there. */
  Path copyJournalTo(Path to) throws IOException {
    StoreFiles.copy(directory, to);
    return to.resolve(journal.getFileName());
  }
}
