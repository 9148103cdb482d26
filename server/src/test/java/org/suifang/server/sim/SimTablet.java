package org.suifang.server.sim;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.suifang.client.SuifangClient;
import org.suifang.client.SuifangException;
import org.suifang.client.internal.ClientCore;
import org.suifang.client.internal.Sleeper;
import org.suifang.server.e2e.TabletClock;

/**
 * A simulated tablet: a real {@link SuifangClient} on its own data directory, with a fake wall
 * clock (the simulation's time plus this tablet's error) and a {@link SimNetwork}. The client's
 * randomness (record ids) comes from the run's seed and its backoff never sleeps, so a run replays.
 */
final class SimTablet implements AutoCloseable {
  final String name;
  final String doctor;
  final File dir;
  final TabletClock clock;
  final SimNetwork network;
  private final long randomSeed;
  private int opens;
  private SuifangClient client;
  private File crashCopy;
  private String crashFingerprint;

  SimTablet(
      String name,
      String doctor,
      File dir,
      Supplier<Instant> world,
      SimNetwork network,
      long randomSeed) {
    this.name = name;
    this.doctor = doctor;
    this.dir = dir;
    this.clock = new TabletClock(world);
    this.network = network;
    this.randomSeed = randomSeed;
    network.setCrashHook(this::takeCrashCopy);
  }

  SuifangClient client() {
    return client;
  }

  void open() throws SuifangException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(network)
            .retryOnConnectionFailure(false)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    SuifangClient.Builder b =
        SuifangClient.newBuilder()
            // Any port: the network sends every request to the server's current port.
            .serverUrl("http://127.0.0.1:9/")
            .dataDirectory(dir)
            .clock(clock)
            .okHttpClient(http)
            .appVersion("0.3.0-sim")
            .device("JVM", name)
            .maxAttempts(1)
            .mutationRetention(Duration.ofDays(90));
    hook(b, "random", Random.class, new Random(randomSeed * 31 + (opens++)));
    hook(b, "sleeper", Sleeper.class, (Sleeper) millis -> {});
    client = b.build();
  }

  /** Calls one of the builder's package-private test hooks (no sleeping, seeded randomness). */
  private static void hook(SuifangClient.Builder b, String name, Class<?> type, Object value) {
    try {
      Method m = SuifangClient.Builder.class.getDeclaredMethod(name, type);
      m.setAccessible(true);
      m.invoke(b, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("SuifangClient.Builder." + name + " hook missing", e);
    }
  }

  /** The client's internals, read-only, for the checks the public API cannot answer. */
  ClientCore core() {
    try {
      Field f = SuifangClient.class.getDeclaredField("core");
      f.setAccessible(true);
      return (ClientCore) f.get(client);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client = null;
    }
  }

  /** Called at a crash point: the files on disk now are what survives the crash. */
  private void takeCrashCopy() throws IOException {
    crashCopy = Files.createTempDirectory(dir.getParentFile().toPath(), name + "-crash").toFile();
    copyDirectory(dir.toPath(), crashCopy.toPath());
    crashFingerprint = Fingerprint.of(this);
  }

  boolean crashPending() {
    return crashCopy != null;
  }

  /**
   * Finishes a crash: closes the client, puts back the files as they were at the crash point, adds
   * a torn frame or garbage after the journal's last frame, and reopens. Returns what was appended
   * and whether the reopened client shows exactly the state it had at the crash point.
   */
  String finishCrash(Random random) throws IOException, SuifangException {
    closeClient();
    deleteDirectory(dir.toPath());
    Files.move(crashCopy.toPath(), dir.toPath(), StandardCopyOption.ATOMIC_MOVE);
    crashCopy = null;
    String tail = tearJournal(random);
    open();
    String after = Fingerprint.of(this);
    String expected = crashFingerprint;
    crashFingerprint = null;
    return after.equals(expected) ? tail : "MISMATCH " + tail + "\n" + expected + "\n" + after;
  }

  /** Crashes right now (after a local write): the files are the durable state. */
  String crashNow(Random random) throws IOException, SuifangException {
    takeCrashCopy();
    return finishCrash(random);
  }

  private String tearJournal(Random random) throws IOException {
    File[] journals = dir.listFiles((d, n) -> n.matches("journal-\\d+"));
    if (journals == null || journals.length == 0) {
      return "no journal";
    }
    File journal = journals[0];
    for (File j : journals) {
      if (j.getName().compareTo(journal.getName()) > 0) {
        journal = j;
      }
    }
    byte[] tail;
    String what;
    if (random.nextBoolean()) {
      // A frame whose length promises more than was written (docs/local-store.md#frame).
      int length = 16 + random.nextInt(200);
      int written = random.nextInt(Math.min(length, 40));
      tail = new byte[8 + written];
      tail[0] = (byte) (length >>> 24);
      tail[1] = (byte) (length >>> 16);
      tail[2] = (byte) (length >>> 8);
      tail[3] = (byte) length;
      for (int i = 4; i < tail.length; i++) {
        tail[i] = (byte) random.nextInt(256);
      }
      what = "torn frame (" + written + " of " + length + " payload bytes)";
    } else {
      tail = new byte[1 + random.nextInt(24)];
      random.nextBytes(tail);
      what = tail.length + " garbage bytes";
    }
    try (RandomAccessFile f = new RandomAccessFile(journal, "rw")) {
      f.seek(f.length());
      f.write(tail);
    }
    return what;
  }

  /** Copies this tablet's files (not its lock) to {@code to}: a cloned tablet. */
  void copyFilesTo(File to) throws IOException {
    copyDirectory(dir.toPath(), to.toPath());
  }

  static void copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = new ArrayList<>(s.sorted().toList());
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      if (Files.isDirectory(f)) {
        Files.createDirectories(target);
      } else if (!f.getFileName().toString().equals("lock")) {
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static void deleteDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    closeClient();
  }

  @Override
  public String toString() {
    return name;
  }
}
