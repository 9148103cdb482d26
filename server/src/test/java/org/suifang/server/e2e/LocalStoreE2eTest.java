package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.FileTokenStore;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.PatientRegistration;
import org.suifang.client.Session;
import org.suifang.client.Visit;
import org.suifang.rules.Disease;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestAuth;

/**
 * The tablet's files with the real server: a journal whose last frame is torn recovers exactly the
 * committed transactions and still converges, and an encrypted store holds no name, ID number or
 * token in clear.
 */
@MicronautTest(transactional = false)
class LocalStoreE2eTest {
  /** The clear journal header: magic, version, kind, flags, reserved, generation, CRC. */
  private static final int CLEAR_HEADER = 20;

  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  @Test
  void lastJournalFrameTorn_atSeveralOffsets_committedTransactionsRecovered_syncConverges()
      throws Exception {
    auth.seedArea();
    File original = new File(tmp, "tablet");
    Patient p;
    List<UUID> visits = new ArrayList<>();
    UUID deviceId;
    try (Tablet t = Tablet.open("tablet", server.url(), original)) {
      t.client().login("doc1", TestAuth.PASSWORD);
      p = t.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
      t.syncOk();
      t.offline();
      for (int i = 0; i < 3; i++) {
        Visit v =
            t.client()
                .followUps()
                .record(
                    p.id(),
                    Samples.htnVisit(Samples.today().minusDays(9 - i), 140 + i, 88).build());
        visits.add(v.id());
      }
      deviceId = t.client().deviceId();
    }
    File journal = onlyJournal(original);
    List<Long> frames = frameOffsets(journal);
    long lastFrame = frames.get(frames.size() - 1);
    long end = journal.length();
    long payload = end - lastFrame - 8;
    long[] cuts = {
      lastFrame,
      lastFrame + 1,
      lastFrame + 4,
      lastFrame + 7,
      lastFrame + 8,
      lastFrame + 8 + payload / 2,
      end - 1
    };

    for (long cut : cuts) {
      File copy = new File(tmp, "cut-" + cut);
      copyDirectory(original.toPath(), copy.toPath());
      try (RandomAccessFile f = new RandomAccessFile(new File(copy, journal.getName()), "rw")) {
        f.setLength(cut);
      }
      try (Tablet t = Tablet.open("cut at " + cut, server.url(), copy)) {
        // The last visit's frame is gone; the two before it and the synced patient are intact.
        assertThat(historyIds(t, p.id()))
            .as("cut at %d", cut)
            .containsExactlyInAnyOrder(visits.get(0), visits.get(1));
        assertThat(t.pending()).as("cut at %d", cut).isEqualTo(2);
        assertThat(t.client().deviceId()).isEqualTo(deviceId);

        t.syncOk();

        assertThat(t.pending()).isZero();
        assertThat(server.historyIds("doc1", p.id()))
            .as("cut at %d", cut)
            .containsExactlyInAnyOrder(visits.get(0), visits.get(1));
        assertThat(historyIds(t, p.id())).containsExactlyInAnyOrder(visits.get(0), visits.get(1));
      }
    }
    // Every copy sent the same two mutations: the server applied them once.
    assertThat(server.followUpRows(p.id())).isEqualTo(2);
    assertThat(server.mutationResults(deviceId)).isEqualTo(3);

    // The untouched tablet still holds the third visit and sends it.
    try (Tablet t = Tablet.open("tablet", server.url(), original)) {
      assertThat(historyIds(t, p.id())).containsExactlyInAnyOrderElementsOf(visits);
      assertThat(t.pending()).isEqualTo(3);
      t.syncOk();
      assertThat(t.pending()).isZero();
    }
    assertThat(server.historyIds("doc1", p.id())).containsExactlyInAnyOrderElementsOf(visits);
    assertThat(server.followUpRows(p.id())).isEqualTo(3);
    assertThat(server.mutationResults(deviceId)).isEqualTo(4);
  }

  @Test
  void encryptedStore_synced_noNameIdNumberOrTokenInAnyFile() throws Exception {
    auth.seedArea();
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    SecretKey key = new SecretKeySpec(raw, "AES");
    File encrypted = new File(tmp, "encrypted");
    File clear = new File(tmp, "clear");
    String residentId = PatientSamples.residentId(LocalDate.of(1961, 4, 18), "FEMALE");

    String accessToken = recordAndSync(encrypted, key, residentId);
    Session session = new FileTokenStore(encrypted, key).load();
    String refreshToken = session.refreshToken();
    String clearAccessToken =
        recordAndSync(clear, null, PatientSamples.residentId(LocalDate.of(1961, 4, 18), "FEMALE"));

    assertThat(accessToken).isNotBlank();
    assertThat(refreshToken).isNotBlank();
    assertThat(filesContaining(encrypted, "王秀英")).isEmpty();
    assertThat(filesContaining(encrypted, residentId)).isEmpty();
    assertThat(filesContaining(encrypted, accessToken)).isEmpty();
    assertThat(filesContaining(encrypted, refreshToken)).isEmpty();
    assertThat(filesContaining(encrypted, "13812345678")).isEmpty();
    // The same search finds them in a store without a key, so it does look.
    assertThat(filesContaining(clear, "王秀英")).isNotEmpty();
    assertThat(filesContaining(clear, clearAccessToken)).isNotEmpty();
    // And the encrypted tablet reopens with its key and has everything.
    try (Tablet t = Tablet.open("encrypted", server.url(), encrypted, key)) {
      List<Patient> found =
          t.client().patients().search(PatientQuery.newBuilder().residentId(residentId).build());
      assertThat(found).hasSize(1);
      assertThat(found.get(0).residentId()).isEqualTo(residentId);
      assertThat(t.client().followUps().history(found.get(0).id())).hasSize(2);
    }
  }

  /** Registers 王秀英, records two visits, syncs; returns the access token the tablet sent. */
  private String recordAndSync(File dir, SecretKey key, String residentId) throws Exception {
    try (Tablet t = Tablet.open(dir.getName(), server.url(), dir, key)) {
      t.client().login("doc1", TestAuth.PASSWORD);
      Patient p =
          t.client()
              .patients()
              .register(
                  PatientRegistration.newBuilder()
                      .name("王秀英")
                      .residentId(residentId)
                      .phone("13812345678")
                      .villageCode(VILLAGE_1)
                      .address("东关村5组8号")
                      .condition(Disease.HYPERTENSION, LocalDate.of(2016, 9, 1))
                      .build());
      t.client()
          .followUps()
          .record(p.id(), Samples.htnVisit(Samples.today().minusDays(20), 152, 96).build());
      t.syncOk();
      t.client()
          .followUps()
          .record(p.id(), Samples.htnVisit(Samples.today().minusDays(3), 138, 86).build());
      t.syncOk();
      return t.faults.lastBearer();
    }
  }

  private static List<Path> filesContaining(File dir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.toPath())) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          hits.add(f);
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static List<UUID> historyIds(Tablet t, UUID patientId) throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (Visit v : t.client().followUps().history(patientId)) {
      ids.add(v.id());
    }
    return ids;
  }

  private static File onlyJournal(File dir) {
    File[] journals = dir.listFiles((d, name) -> name.matches("journal-\\d+"));
    assertThat(journals).hasSize(1);
    return journals[0];
  }

  /** Returns the offset of each frame of a clear journal (docs/local-store.md#frame). */
  private static List<Long> frameOffsets(File journal) throws IOException {
    byte[] bytes = Files.readAllBytes(journal.toPath());
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("SFLS");
    assertThat(bytes[6] & 1).as("clear journal").isZero();
    List<Long> offsets = new ArrayList<>();
    int at = CLEAR_HEADER;
    while (at < bytes.length) {
      offsets.add((long) at);
      at += 8 + ByteBuffer.wrap(bytes, at, 4).getInt();
    }
    assertThat(at).isEqualTo(bytes.length);
    assertThat(offsets).hasSizeGreaterThan(3);
    return offsets;
  }

  private static void copyDirectory(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().equals("lock")) {
          Files.copy(f, target);
        }
      }
    }
  }
}
