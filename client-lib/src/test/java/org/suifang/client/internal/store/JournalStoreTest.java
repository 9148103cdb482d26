package org.suifang.client.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suifang.client.internal.store.StoreFiles.hexContents;
import static org.suifang.client.internal.store.StoreFiles.sampleTexts;
import static org.suifang.client.internal.store.StoreFiles.texts;
import static org.suifang.client.internal.store.StoreFiles.tx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {
  @TempDir Path dir;

  @Test
  void open_emptyDirectory_createsEmptyStore() throws Exception {
    Path store = dir.resolve("a").resolve("b");

    try (JournalStore s = JournalStore.open(store, null)) {
      assertThat(s.snapshot()).isNull();
      assertThat(s.transactions()).isEmpty();
      assertThat(s.transactionBytes()).isZero();
      assertThat(s.recovery()).isEqualTo(new RecoveryReport(0, 0, 0, -1, null));
      assertThat(s.recovery().isClean()).isTrue();
    }
    assertThat(store.resolve("journal-0")).exists();
    assertThat(store.resolve("snapshot")).doesNotExist();
  }

  @Test
  void commit_thenReopen_returnsTransactionsInOrder() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      for (int i = 0; i < 5; i++) {
        s.commit(tx(i));
      }
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(0, 5));
    }

    try (JournalStore s = JournalStore.open(dir, null)) {
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(0, 5));
      assertThat(s.snapshot()).isNull();
      assertThat(s.recovery().framesRecovered()).isEqualTo(5);
      assertThat(s.recovery().isClean()).isTrue();
    }
  }

  @Test
  void commit_emptyAndLargeTransactions_roundTrip() throws Exception {
    byte[] large = new byte[1 << 20];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31);
    }
    try (JournalStore s = JournalStore.open(dir, StoreFiles.key(1))) {
      s.commit(new byte[0]);
      s.commit(large);
    }

    try (JournalStore s = JournalStore.open(dir, StoreFiles.key(1))) {
      assertThat(s.transactions()).hasSize(2);
      assertThat(s.transactions().get(0)).isEmpty();
      assertThat(s.transactions().get(1)).isEqualTo(large);
    }
  }

  /** The store hands the snapshot read at open over once, then reads the file again. */
  @Test
  void snapshot_askedAgain_isReadFromTheFile_evenEncrypted() throws Exception {
    SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    try (JournalStore s = JournalStore.open(dir, key)) {
      s.compact("state-1".getBytes(UTF_8));
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-1");
      s.snapshot()[0] = 'X';
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-1");
    }
    try (JournalStore s = JournalStore.open(dir, key)) {
      byte[] first = s.snapshot();
      byte[] second = s.snapshot();
      assertThat(second).isNotSameAs(first).isEqualTo("state-1".getBytes(UTF_8));
      s.compact("state-2".getBytes(UTF_8));
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-2");
    }
  }

  @Test
  void compact_thenReopen_keepsSnapshotAndLaterCommits() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.commit(tx(0));
      s.commit(tx(1));
      s.compact("state-1".getBytes(UTF_8));
      assertThat(s.transactions()).isEmpty();
      assertThat(s.transactionBytes()).isZero();
      s.commit(tx(2));
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-1");
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(2, 3));
    }

    try (JournalStore s = JournalStore.open(dir, null)) {
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-1");
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(2, 3));
      assertThat(s.recovery().generation()).isEqualTo(1);
    }
    assertThat(StoreFiles.contents(dir).keySet())
        .containsExactlyInAnyOrder("snapshot", "journal-1", "lock");
  }

  @Test
  void compact_manyTimes_keepsOnlyLatestGeneration() throws Exception {
    for (int round = 0; round < 20; round++) {
      try (JournalStore s = JournalStore.open(dir, null)) {
        if (round > 0) {
          assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-" + (round - 1));
          assertThat(texts(s.transactions())).isEqualTo(sampleTexts(round, round + 1));
        }
        s.compact(("state-" + round).getBytes(UTF_8));
        s.commit(tx(round + 1));
        s.compact(("state-" + round).getBytes(UTF_8));
        s.commit(tx(round + 1));
      }
    }

    try (JournalStore s = JournalStore.open(dir, null)) {
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("state-19");
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(20, 21));
      assertThat(s.recovery().generation()).isEqualTo(40);
    }
    assertThat(StoreFiles.contents(dir).keySet())
        .containsExactlyInAnyOrder("snapshot", "journal-40", "lock");
  }

  @Test
  void transactionBytes_countsJournalFramesAndSurvivesReopen() throws Exception {
    long afterTwo;
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.commit(new byte[10]);
      assertThat(s.transactionBytes()).isEqualTo(Frames.PREFIX_LENGTH + 10);
      s.commit(new byte[5]);
      afterTwo = s.transactionBytes();
      assertThat(afterTwo).isEqualTo(2 * Frames.PREFIX_LENGTH + 15);
    }
    try (JournalStore s = JournalStore.open(dir, null)) {
      assertThat(s.transactionBytes()).isEqualTo(afterTwo);
    }
  }

  @Test
  void returnedArrays_areCopies() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      byte[] t = tx(0);
      s.commit(t);
      t[0] = 'X';
      s.transactions().get(0)[1] = 'Y';
      s.compact("snap".getBytes(UTF_8));
      s.snapshot()[0] = 'Z';
      s.commit(tx(1));

      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("snap");
      assertThatThrownBy(() -> s.transactions().add(new byte[0]))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void close_twice_isHarmless_andUseAfterCloseFailsFast() throws Exception {
    JournalStore s = JournalStore.open(dir, null);
    s.close();
    s.close();

    assertThatThrownBy(() -> s.commit(tx(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(s::transactions).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.compact(new byte[0])).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void open_whileOpen_isLocked_andOpensAfterClose() throws Exception {
    try (JournalStore first = JournalStore.open(dir, null)) {
      first.commit(tx(0));
      assertThatThrownBy(() -> JournalStore.open(dir, null))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.code()).isEqualTo(StoreException.Code.LOCKED));
      first.commit(tx(1));
    }
    try (JournalStore again = JournalStore.open(dir, null)) {
      assertThat(texts(again.transactions())).isEqualTo(sampleTexts(0, 2));
    }
  }

  @Test
  void nullArguments_failFast() throws Exception {
    assertThatThrownBy(() -> JournalStore.open((File) null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory == null");
    try (JournalStore s = JournalStore.open(dir, null)) {
      assertThatThrownBy(() -> s.commit(null)).hasMessage("transaction == null");
      assertThatThrownBy(() -> s.compact(null)).hasMessage("snapshot == null");
    }
  }

  @Test
  void open_keyNotAes256Or128_isRejected() {
    assertThatThrownBy(() -> JournalStore.open(dir, new SecretKeySpec(new byte[24], "AES")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("192 bits");
    assertThatThrownBy(() -> JournalStore.open(dir, new SecretKeySpec(new byte[32], "HmacSHA256")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not AES");
  }

  @Test
  void open_aes128Key_works() throws Exception {
    SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
    try (JournalStore s = JournalStore.open(dir, key)) {
      s.commit(tx(0));
    }
    try (JournalStore s = JournalStore.open(dir, key)) {
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(0, 1));
    }
  }

  @Test
  void open_newerFormatVersion_isUnsupported_andChangesNothing() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.commit(tx(0));
    }
    Path journal = dir.resolve("journal-0");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[4] = 2;
    Frames.writeInt(bytes, 16, Crc32c.compute(bytes, 0, 16));
    Files.write(journal, bytes);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_FORMAT);
              assertThat(e.file()).isEqualTo(journal.toFile());
              assertThat(e.getMessage()).contains("docs/local-store.md#unsupported_format");
              assertThat(e.messageZh()).contains("更新版本");
            });
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_damagedHeader_isCorrupt_andChangesNothing() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.commit(tx(0));
    }
    StoreFiles.flipBit(dir.resolve("journal-0"), 9, 0); // inside the generation
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, null))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT));
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_damagedSnapshot_isCorrupt_andChangesNothing() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.compact("the snapshot".getBytes(UTF_8));
      s.commit(tx(0));
    }
    Path snapshot = dir.resolve("snapshot");
    StoreFiles.flipBit(snapshot, Files.size(snapshot) - 1, 3);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
              assertThat(e.file()).isEqualTo(snapshot.toFile());
            });
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_snapshotMissingButLaterJournalHoldsData_isCorrupt_andChangesNothing() throws Exception {
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.compact("state".getBytes(UTF_8));
      s.commit(tx(0));
    }
    Files.delete(dir.resolve("snapshot"));
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
              assertThat(e.getMessage()).contains("snapshot is missing");
            });
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_olderSnapshotWithNewerEmptyJournal_deletesTheEmptyJournal() throws Exception {
    Path pre = dir.resolve("pre");
    Path post = dir.resolve("post");
    try (JournalStore s = JournalStore.open(pre, null)) {
      s.compact("old".getBytes(UTF_8));
      s.commit(tx(0));
    }
    StoreFiles.copy(pre, post);
    try (JournalStore s = JournalStore.open(post, null)) {
      s.compact("new".getBytes(UTF_8));
    }
    Files.copy(post.resolve("journal-2"), pre.resolve("journal-2"));

    try (JournalStore s = JournalStore.open(pre, null)) {
      assertThat(new String(s.snapshot(), UTF_8)).isEqualTo("old");
      assertThat(texts(s.transactions())).isEqualTo(sampleTexts(0, 1));
    }
    assertThat(pre.resolve("journal-2")).doesNotExist();
  }

  @Test
  void open_unknownFiles_areLeftAlone() throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("notes.txt"), "keep me".getBytes(UTF_8));
    try (JournalStore s = JournalStore.open(dir, null)) {
      s.commit(tx(0));
      s.compact(new byte[] {1});
    }
    assertThat(dir.resolve("notes.txt")).hasContent("keep me");
  }
}
