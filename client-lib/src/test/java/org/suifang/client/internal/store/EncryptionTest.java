package org.suifang.client.internal.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suifang.client.internal.store.StoreFiles.hexContents;
import static org.suifang.client.internal.store.StoreFiles.sampleTexts;
import static org.suifang.client.internal.store.StoreFiles.texts;
import static org.suifang.client.internal.store.StoreFiles.tx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionTest {
  private static final String NAME = "王秀英";
  private static final String ID_NUMBER = "130123195403120027";
  private static final SecretKey KEY = StoreFiles.key(1);
  private static final SecretKey OTHER_KEY = StoreFiles.key(2);

  @TempDir Path dir;

  @Test
  void encryptedStore_noFileContainsNameOrIdNumber() throws Exception {
    writePatientData(dir, KEY);

    List<String> found = findSecrets(dir);

    assertThat(found).isEmpty();
    try (JournalStore store = JournalStore.open(dir, KEY)) {
      assertThat(new String(store.snapshot(), UTF_8)).contains(NAME, ID_NUMBER);
      assertThat(texts(store.transactions()))
          .containsExactly(patient("p2"), sampleTexts(0, 1).get(0));
      assertThat(store.recovery().bytesCut()).isPositive();
    }
    assertThat(findSecrets(dir)).isEmpty();
  }

  /** The control for the test above: the same scan finds both in a clear store. */
  @Test
  void clearStore_scanFindsNameAndIdNumber() throws Exception {
    writePatientData(dir, null);

    assertThat(findSecrets(dir))
        .contains("name in snapshot", "id in snapshot", "name in journal-1", "id in journal-1");
  }

  @Test
  void open_wrongKey_throwsAndChangesNothing() throws Exception {
    writePatientData(dir, KEY); // ends in a torn tail, which a wrong key must not cut either
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, OTHER_KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(StoreException.Code.WRONG_KEY);
              assertThat(e.messageZh()).contains("密钥错误");
              assertThat(e.getMessage()).contains("docs/local-store.md#wrong_key");
            });
    assertThat(hexContents(dir)).isEqualTo(before);

    try (JournalStore store = JournalStore.open(dir, KEY)) {
      assertThat(texts(store.transactions()))
          .containsExactly(patient("p2"), sampleTexts(0, 1).get(0));
      assertThat(store.recovery().bytesCut())
          .isEqualTo(
              Frames.PREFIX_LENGTH
                  + FrameCipher.OVERHEAD
                  + patient("p3").getBytes(UTF_8).length
                  - 3);
    }
  }

  @Test
  void open_wrongKey_onEmptyJournal_isDetectedByHeaderKeyCheck() throws Exception {
    try (JournalStore store = JournalStore.open(dir, KEY)) {
      assertThat(store.transactions()).isEmpty();
    }
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, OTHER_KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.WRONG_KEY));
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_encryptedStoreWithoutKey_throwsKeyRequired() throws Exception {
    writePatientData(dir, KEY);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.KEY_REQUIRED));
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_clearStoreWithKey_throwsNotEncrypted() throws Exception {
    writePatientData(dir, null);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.NOT_ENCRYPTED));
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void open_alteredFrameWithRecomputedChecksum_throwsTamperedAndChangesNothing() throws Exception {
    JournalSample sample = JournalSample.create(dir, 4, KEY, false);
    byte[] bytes = Files.readAllBytes(sample.journal);
    int frame = (int) sample.starts[2];
    bytes[frame + Frames.PREFIX_LENGTH + FrameCipher.NONCE_LENGTH] ^= 1;
    rewriteChecksum(bytes, frame);
    Files.write(sample.journal, bytes);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(StoreException.Code.TAMPERED);
              assertThat(e.getMessage()).contains("offset " + frame);
            });
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  /** Frames are bound to their position: two valid frames swapped do not authenticate. */
  @Test
  void open_framesSwapped_throwsTampered() throws Exception {
    JournalSample sample = JournalSample.create(dir, 3, KEY, false);
    byte[] bytes = Files.readAllBytes(sample.journal);
    byte[] first = Arrays.copyOfRange(bytes, (int) sample.starts[0], (int) sample.ends[0]);
    byte[] second = Arrays.copyOfRange(bytes, (int) sample.starts[1], (int) sample.ends[1]);
    byte[] swapped = bytes.clone();
    System.arraycopy(second, 0, swapped, (int) sample.starts[0], second.length);
    System.arraycopy(first, 0, swapped, (int) sample.starts[0] + second.length, first.length);
    Files.write(sample.journal, swapped);

    assertThatThrownBy(() -> JournalStore.open(dir, KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.TAMPERED));
  }

  @Test
  void open_alteredSnapshotWithRecomputedChecksum_throwsTampered() throws Exception {
    writePatientData(dir, KEY);
    Path snapshot = dir.resolve("snapshot");
    byte[] bytes = Files.readAllBytes(snapshot);
    int frame = FileHeader.length(true);
    bytes[bytes.length - 1] ^= 0x40;
    rewriteChecksum(bytes, frame);
    Files.write(snapshot, bytes);
    Map<String, String> before = hexContents(dir);

    assertThatThrownBy(() -> JournalStore.open(dir, KEY))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(StoreException.Code.TAMPERED));
    assertThat(hexContents(dir)).isEqualTo(before);
  }

  @Test
  void encryptedStore_sameTransactionTwice_storesDifferentBytes() throws Exception {
    JournalSample sample = JournalSample.create(dir, 0, KEY, false);
    try (JournalStore store = JournalStore.open(dir, KEY)) {
      store.commit(tx(1));
      store.commit(tx(1));
    }
    byte[] bytes = Files.readAllBytes(sample.journal);
    int header = FileHeader.length(true);
    int frame = (bytes.length - header) / 2;

    assertThat(Arrays.copyOfRange(bytes, header, header + frame))
        .isNotEqualTo(Arrays.copyOfRange(bytes, header + frame, bytes.length));
    try (JournalStore store = JournalStore.open(dir, KEY)) {
      assertThat(texts(store.transactions())).isEqualTo(Arrays.asList("tx-1+", "tx-1+"));
    }
  }

  private static void writePatientData(Path dir, @Nullable SecretKey key) throws Exception {
    try (JournalStore store = JournalStore.open(dir, key)) {
      store.commit(patient("p1").getBytes(UTF_8));
      store.compact(("[" + patient("p1") + "]").getBytes(UTF_8));
      store.commit(patient("p2").getBytes(UTF_8));
      store.commit(sampleTexts(0, 1).get(0).getBytes(UTF_8));
      store.commit(patient("p3").getBytes(UTF_8));
    }
    // Leave the last transaction torn (as a crash would), so a partial frame is scanned too.
    Path journal = dir.resolve("journal-1");
    byte[] bytes = Files.readAllBytes(journal);
    Files.write(journal, Arrays.copyOf(bytes, bytes.length - 3));
  }

  private static String patient(String id) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + NAME + "\",\"residentId\":\"" + ID_NUMBER + "\"}";
  }

  /** Returns "name in FILE" / "id in FILE" for every file holding the name or the ID digits. */
  private static List<String> findSecrets(Path dir) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : StoreFiles.contents(dir).entrySet()) {
      if (indexOf(file.getValue(), NAME.getBytes(UTF_8)) >= 0) {
        found.add("name in " + file.getKey());
      }
      if (indexOf(file.getValue(), ID_NUMBER.getBytes(US_ASCII)) >= 0) {
        found.add("id in " + file.getKey());
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void rewriteChecksum(byte[] bytes, int frame) {
    int length = Frames.readInt(bytes, frame);
    int crc =
        Crc32c.update(Crc32c.compute(bytes, frame, 4), bytes, frame + Frames.PREFIX_LENGTH, length);
    Frames.writeInt(bytes, frame + 4, crc);
  }
}
