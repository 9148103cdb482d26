package org.suifang.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.client.internal.store.StoreFiles.sampleTexts;
import static org.suifang.client.internal.store.StoreFiles.texts;
import static org.suifang.client.internal.store.StoreFiles.tx;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A flipped bit anywhere in a frame makes that frame bad. Reopening keeps the frames before it. If
 * valid frames follow the bad one (damage, not a torn write), the journal is first copied aside
 * whole and the report says so; a bad last frame is a torn tail.
 */
class CorruptionTest {
  private static final int COUNT = 8;

  @TempDir Path dir;

  @ParameterizedTest(name = "encrypted={0}")
  @CsvSource({"false", "true"})
  void open_bitFlippedAtAnyOffsetOfLastFrames_keepsFramesBeforeTheDamage(boolean encrypted)
      throws Exception {
    JournalSample sample =
        JournalSample.create(
            dir.resolve("pristine"), COUNT, encrypted ? StoreFiles.key(9) : null, false);
    long from = sample.starts[COUNT - 3];
    long to = sample.ends[COUNT - 1];

    for (long offset = from; offset < to; offset++) {
      Path copy = dir.resolve("flip-" + offset);
      Path journal = sample.copyJournalTo(copy);
      StoreFiles.flipBit(journal, offset, (int) (offset % 8));
      byte[] damagedBytes = Files.readAllBytes(journal);
      int bad = sample.frameAt(offset);
      boolean middle = bad < COUNT - 1;
      String at = "bit flipped at " + offset + " (frame " + bad + ")";

      try (JournalStore store = JournalStore.open(copy, sample.key)) {
        RecoveryReport report = store.recovery();
        assertThat(texts(store.transactions())).as(at).isEqualTo(sampleTexts(0, bad));
        assertThat(report.framesRecovered()).as(at).isEqualTo(bad);
        assertThat(report.bytesCut()).as(at).isEqualTo(sample.ends[COUNT - 1] - sample.starts[bad]);
        assertThat(report.damageFound()).as(at).isEqualTo(middle);
        if (middle) {
          File expectedCopy = new File(copy.toFile(), journal.getFileName() + ".damaged-1");
          assertThat(report.damagedCopy()).as(at).isEqualTo(expectedCopy);
          assertThat(report.damageOffset()).as(at).isEqualTo(sample.starts[bad]);
          assertThat(Files.readAllBytes(expectedCopy.toPath())).as(at).isEqualTo(damagedBytes);
        } else {
          assertThat(StoreFiles.contents(copy)).as(at).hasSize(2); // journal-0 and lock
        }
        store.commit(tx(99));
      }
      try (JournalStore store = JournalStore.open(copy, sample.key)) {
        List<String> expected = sampleTexts(0, bad);
        expected.add(new String(tx(99), StandardCharsets.UTF_8));
        assertThat(texts(store.transactions())).as(at).isEqualTo(expected);
        assertThat(store.recovery().isClean()).as(at).isTrue();
      }
      StoreFiles.deleteRecursively(copy);
    }
  }

  @Test
  void open_damageInTheMiddle_keepsPrefixCopiesJournalAndReportsIt() throws Exception {
    JournalSample sample = JournalSample.create(dir.resolve("store"), 10, null, true);
    Path journal = sample.journal;
    StoreFiles.flipBit(journal, sample.starts[3] + Frames.PREFIX_LENGTH + 1, 2);
    byte[] damaged = Files.readAllBytes(journal);

    try (JournalStore store = JournalStore.open(sample.directory, null)) {
      RecoveryReport report = store.recovery();
      assertThat(texts(store.transactions())).isEqualTo(sampleTexts(0, 3));
      assertThat(report.damageFound()).isTrue();
      assertThat(report.isClean()).isFalse();
      assertThat(report.damageOffset()).isEqualTo(sample.starts[3]);
      assertThat(report.bytesCut()).isEqualTo(sample.ends[9] - sample.starts[3]);
      assertThat(report.damagedCopy()).hasName("journal-1.damaged-1");
      assertThat(Files.readAllBytes(report.damagedCopy().toPath())).isEqualTo(damaged);
      assertThat(Files.size(journal)).isEqualTo(sample.starts[3]);
      store.commit(tx(50));
    }

    // A clean reopen makes no new copy; a second damage gets its own copy, the first is kept.
    try (JournalStore store = JournalStore.open(sample.directory, null)) {
      assertThat(store.recovery().isClean()).isTrue();
      store.commit(tx(51));
    }
    StoreFiles.flipBit(journal, sample.starts[1] + 2, 0);
    try (JournalStore store = JournalStore.open(sample.directory, null)) {
      assertThat(texts(store.transactions())).isEqualTo(sampleTexts(0, 1));
      assertThat(store.recovery().damagedCopy()).hasName("journal-1.damaged-2");
    }
    assertThat(sample.directory.resolve("journal-1.damaged-1")).exists();
  }

  @Test
  void open_zeroFilledTail_isATornTail() throws Exception {
    JournalSample sample = JournalSample.create(dir.resolve("store"), 4, null, false);
    byte[] journal = Files.readAllBytes(sample.journal);
    byte[] withZeros = new byte[journal.length + 4096];
    System.arraycopy(journal, 0, withZeros, 0, journal.length);
    Files.write(sample.journal, withZeros);

    try (JournalStore store = JournalStore.open(sample.directory, null)) {
      assertThat(texts(store.transactions())).isEqualTo(sampleTexts(0, 4));
      assertThat(store.recovery()).isEqualTo(new RecoveryReport(0, 4, 4096, -1, null));
    }
  }
}
