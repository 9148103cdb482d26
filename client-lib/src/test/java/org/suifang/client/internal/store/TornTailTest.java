package org.suifang.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.client.internal.store.StoreFiles.sampleTexts;
import static org.suifang.client.internal.store.StoreFiles.texts;
import static org.suifang.client.internal.store.StoreFiles.tx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A crash during an append leaves a torn last frame. For every length the journal can be cut to
 * inside its last three frames (length prefix, checksum and payload), reopening recovers exactly
 * the complete frames, cuts the rest, and later appends are readable.
 */
class TornTailTest {
  private static final int COUNT = 8;

  @TempDir Path dir;

  @ParameterizedTest(name = "encrypted={0}, compacted={1}")
  @CsvSource({"false, false", "false, true", "true, false", "true, true"})
  void open_journalCutAtAnyOffsetOfLastFrames_recoversCompleteFramesOnly(
      boolean encrypted, boolean compacted) throws Exception {
    JournalSample sample =
        JournalSample.create(
            dir.resolve("pristine"), COUNT, encrypted ? StoreFiles.key(7) : null, compacted);
    long from = sample.starts[COUNT - 3];
    long to = sample.ends[COUNT - 1];

    for (long cut = from; cut < to; cut++) {
      Path copy = dir.resolve("cut-" + cut);
      Path journal = sample.copyJournalTo(copy);
      StoreFiles.truncate(journal, cut);
      int complete = sample.completeFramesWithin(cut);
      long goodEnd = sample.ends[complete - 1];

      try (JournalStore store = JournalStore.open(copy, sample.key)) {
        String at = "cut at " + cut;
        assertThat(texts(store.transactions())).as(at).isEqualTo(sampleTexts(0, complete));
        assertThat(snapshotText(store))
            .as(at)
            .isEqualTo(compacted ? JournalSample.SNAPSHOT_TEXT : null);
        assertThat(store.recovery())
            .as(at)
            .isEqualTo(new RecoveryReport(compacted ? 1 : 0, complete, cut - goodEnd, -1, null));
        assertThat(Files.size(journal)).as(at).isEqualTo(goodEnd);
        store.commit(tx(99));
      }
      try (JournalStore store = JournalStore.open(copy, sample.key)) {
        List<String> expected = sampleTexts(0, complete);
        expected.add(new String(tx(99), StandardCharsets.UTF_8));
        assertThat(texts(store.transactions())).as("after cut at " + cut).isEqualTo(expected);
        assertThat(store.recovery().isClean()).isTrue();
      }
      StoreFiles.deleteRecursively(copy);
    }
  }

  private static String snapshotText(JournalStore store) throws java.io.IOException {
    byte[] snapshot = store.snapshot();
    return snapshot == null ? null : new String(snapshot, StandardCharsets.UTF_8);
  }
}
