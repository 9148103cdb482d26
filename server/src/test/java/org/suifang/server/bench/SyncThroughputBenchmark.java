package org.suifang.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.client.bench.BenchReport;
import org.suifang.client.bench.Stats;
import org.suifang.server.common.DatabaseStatistics;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.testing.TestDatabaseConfigurer;
import org.suifang.server.users.UserCommand;

/**
 * Server push and pull throughput (docs/performance.md, "Server: push and pull throughput").
 *
 * <p>50 tablets, each registered by the doctor of its own village, each with its village's outbox
 * ({@link TabletOutbox}: {@value #PATIENTS} patients of {@code VillageData}, about 20 full
 * follow-ups each). The bodies are built up front; load-generator threads (one per tablet) send
 * them over HTTP to {@code POST /api/v1/sync} exactly as the SDK does (gzipped Gson JSON, {@code
 * pullLimit 0}). Measured: patient registrations, follow-ups pushed by 1, 10 and 50 tablets at 50
 * per request and by 10 at 200, with the latency per request; then pulls of pages of 500 by 10
 * tablets at once; and, as baselines on the same database, the raw JDBC batch-insert rate into a
 * copy of {@code follow_up} and the serialised-sequencer bound.
 *
 * <p>On H2 the database is a <em>file</em>, as in production (application.yml), in a temporary
 * directory; on PostgreSQL the embedded server of the test suite. Run alone with:
 *
 * <pre>
 * ./mvnw -B -o -pl client-lib,server verify -Pbench -Dtest=SyncThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class SyncThroughputBenchmark implements TestPropertyProvider {

  static final int TABLETS = 50;
  static final int PATIENTS = 100;
  static final long SEED = 20261120L;
  static final int JDBC_ROWS = 10_000;

  @Inject TestAuth auth;

  @Inject RegionService regions;

  @Inject EmbeddedServer server;

  @Inject TransactionOperations<Connection> transactions;

  @Inject DatabaseStatistics statistics;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<UUID, String> tokens = new HashMap<>();

  @Override
  public Map<String, String> getProperties() {
    if (TestDatabaseConfigurer.onPostgres()) {
      return Map.of();
    }
    try {
      Path dir = Files.createTempDirectory("suifang-bench-h2");
      dir.toFile().deleteOnExit();
      return Map.of(
          "datasources.default.url",
          "jdbc:h2:file:"
              + dir.resolve("suifang")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;CACHE_SIZE=65536;ANALYZE_AUTO=0");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void pushAndPull() throws Exception {
    String db = TestDatabaseConfigurer.onPostgres() ? "PostgreSQL" : "H2 file";
    BenchReport.Section section =
        BenchReport.section(
            TestDatabaseConfigurer.onPostgres() ? "31-server-sync-postgres" : "30-server-sync-h2",
            "Server: push and pull throughput, " + db);

    auth.seedArea();
    Instant now = Instant.now();
    List<TabletOutbox> tablets = new ArrayList<>();
    Set<String> residentIds = new HashSet<>();
    for (int t = 0; t < TABLETS; t++) {
      String village = String.format(Locale.ROOT, "130123100%03d", 300 + t);
      regions.createRegion(RegionCommand.of(village, RegionLevel.VILLAGE, "基准村" + t));
      String username = "bench" + t;
      UUID doctor =
          auth.createUser(UserCommand.doctor(username, "医生" + t, TestAuth.PASSWORD, village));
      TabletOutbox tablet = new TabletOutbox(SEED + t, village, PATIENTS, doctor, residentIds, now);
      tokens.put(tablet.deviceId, auth.login(username));
      register(tablet);
      tablets.add(tablet);
    }
    int visits = tablets.stream().mapToInt(TabletOutbox::visitCount).sum();
    System.out.printf(
        Locale.ROOT,
        "BENCH %d tablets, %d patients, %d follow-ups generated%n",
        TABLETS,
        tablets.stream().mapToInt(TabletOutbox::registrationCount).sum(),
        visits);

    // Registrations: every tablet pushes its patients, 200 a request, 10 tablets at a time (50 at
    // once wait longer for one of the 10 pooled connections than its 30 s timeout on a busy box).
    long registered = 0;
    double registering = 0;
    List<Long> registrationNanos = new ArrayList<>();
    for (int from = 0; from < TABLETS; from += 10) {
      Map<TabletOutbox, List<byte[]>> creates = new HashMap<>();
      for (TabletOutbox t : tablets.subList(from, from + 10)) {
        creates.put(t, t.registrationBodies(200));
      }
      Run reg = run(creates);
      registered += reg.mutations;
      registering += reg.seconds;
      for (long n : reg.nanos) {
        registrationNanos.add(n);
      }
    }
    section.row(
        db + ": patient registrations pushed, 10 tablets at once, 200 a request",
        BenchReport.num(registered / registering, 0)
            + " patients/s, "
            + Stats.of(registrationNanos.stream().mapToLong(x -> x).toArray()).p50p99()
            + " per request");

    // The planner statistics of a server that has run a night with this data (application.yml
    // turns H2's own analyses off; DatabaseStatistics takes them at night).
    statistics.refresh();

    // Warm-up (JIT, caches), not reported: 12 rounds of 10 requests of 50 visits from 10 tablets
    // (tablets 10-48, ten at a time in turn), 58,000 visits, each followed by a pause for the JIT
    // compiler to work through its queue: the throughput of a server that has run for a while.
    // On two cores busy with pushes the compiler threads get little of the CPU; after 5,000 visits
    // the 10-tablet run measured 1.4 ms of CPU per follow-up, after 19,500 about 1.0, after 58,000
    // 0.8, the compiler threads' own share staying near 0.2 ms (each run prints it).
    for (int round = 0; round < 12; round++) {
      int from = 10 + (round % 4) * 10;
      run(bodies(tablets.subList(from, Math.min(from + 10, 49)), 10, 50));
      awaitCompilerIdle();
    }
    long jdbcRate = jdbcBatchInsertRate();

    Run one = push(section, db, "1 tablet", bodies(tablets.subList(49, 50), 16, 50), 50, jdbcRate);
    double bound = 50 / (one.stats.p50() / 1000);
    Run ten = push(section, db, "10 tablets", bodies(tablets.subList(0, 10), 10, 50), 50, jdbcRate);
    push(section, db, "10 tablets", bodies(tablets.subList(0, 10), 2, 200), 200, jdbcRate);
    push(section, db, "50 tablets", bodies(tablets, 4, 50), 50, jdbcRate);
    section.row(
        db + ": serialised bound, 1 / (push time of 50 follow-ups, 1 tablet, p50)",
        BenchReport.num(bound, 0) + " follow-ups/s",
        "",
        "",
        "10 tablets at " + BenchReport.ratio(ten.mutations / ten.seconds, bound));

    section.row(
        db + ": raw JDBC batch insert into a copy of follow_up (200 rows a batch and commit)",
        BenchReport.num(jdbcRate, 0) + " rows/s");

    // Pulls: 10 tablets each read their village from the start in pages of 500, at once.
    Run pull = pull(tablets.subList(0, 10), 500, 3);
    section.row(
        db + ": pull, 10 tablets, pages of 500",
        BenchReport.num(pull.mutations / pull.seconds, 0)
            + " records/s, "
            + pull.stats.p50p99()
            + " per page");
  }

  /** Runs the pushes and adds their row. */
  private Run push(
      BenchReport.Section section,
      String db,
      String tablets,
      Map<TabletOutbox, List<byte[]>> bodies,
      int page,
      long jdbcRate)
      throws Exception {
    Instant from = Instant.now();
    long cpuFrom = processCpuNanos();
    long[] threadsFrom = compilerAndGcCpuNanos();
    Run run = run(bodies);
    long[] threadsTo = compilerAndGcCpuNanos();
    double jitMillis = (threadsTo[0] - threadsFrom[0]) / 1e6 / run.mutations;
    double gcMillis = (threadsTo[1] - threadsFrom[1]) / 1e6 / run.mutations;
    // The CPU the whole JVM (server and tablets) spent per follow-up: unlike the rate, it hardly
    // moves when other processes share the machine.
    double cpuMillis = (processCpuNanos() - cpuFrom) / 1e6 / run.mutations;
    // The run's wall-clock window, to cut a JFR recording of the whole benchmark down to it.
    System.out.printf(
        Locale.ROOT,
        "BENCH-WINDOW %s push %s %d %s %s%n",
        db,
        tablets.replace(' ', '-'),
        page,
        from,
        Instant.now());
    double rate = run.mutations / run.seconds;
    boolean target = "10 tablets".equals(tablets) && !TestDatabaseConfigurer.onPostgres();
    section.row(
        db + ": push, " + tablets + ", " + page + " follow-ups a request",
        BenchReport.num(rate, 0)
            + " follow-ups/s, "
            + run.stats.p50p99()
            + " per request, "
            + BenchReport.num(cpuMillis, 2)
            + " ms CPU each (JIT compiler "
            + BenchReport.num(jitMillis, 2)
            + ", GC "
            + BenchReport.num(gcMillis, 2)
            + ")",
        target ? BenchReport.target("≥ 2,000/s", rate >= 2000) : "",
        "JDBC batch insert " + BenchReport.num(jdbcRate, 0) + " rows/s",
        BenchReport.ratio(rate, jdbcRate));
    return run;
  }

  /** The CPU time this JVM has used, all threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The CPU time of this JVM's JIT compiler threads and of its garbage collector's threads, from
   * Linux's per-thread counters (zeros elsewhere): the share of a run's CPU that is not the
   * server's work, and that a longer-running server would not spend.
   */
  private static long[] compilerAndGcCpuNanos() {
    long[] nanos = new long[2];
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) {
      return nanos;
    }
    for (File task : tasks) {
      String stat;
      try {
        stat = Files.readString(task.toPath().resolve("stat"));
      } catch (IOException e) {
        continue; // The thread ended meanwhile.
      }
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = stat.substring(open + 1, close);
      String[] fields = stat.substring(close + 2).split(" ");
      // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (name.contains("CompilerThre")) {
        nanos[0] += ticks * 10_000_000L;
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        nanos[1] += ticks * 10_000_000L;
      }
    }
    return nanos;
  }

  /**
   * Waits, up to 30 s, until the JIT compiler threads have used less than 5 % of a core over half a
   * second: with the pushes stopped they get the cores to work through the methods queued for
   * compilation, which on two cores busy with pushes they barely did.
   */
  private static void awaitCompilerIdle() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      long before = compilerAndGcCpuNanos()[0];
      Thread.sleep(500);
      if (compilerAndGcCpuNanos()[0] - before < 25_000_000L) {
        return;
      }
    }
  }

  /** The next {@code requests} pages of {@code page} visits of each tablet. */
  private static Map<TabletOutbox, List<byte[]>> bodies(
      List<TabletOutbox> tablets, int requests, int page) {
    Map<TabletOutbox, List<byte[]>> bodies = new HashMap<>();
    for (TabletOutbox t : tablets) {
      bodies.put(t, t.visitBodies(requests, page));
    }
    return bodies;
  }

  /** What a run did: mutations or records, wall seconds and the per-request latencies. */
  record Run(long mutations, double seconds, Stats stats, long[] nanos) {}

  /** The wall time of jobs run at once, and every latency they returned. */
  private record Timed(double seconds, long[] nanos) {}

  /** Runs the jobs at once, a thread each. */
  private static Timed timed(List<Callable<long[]>> jobs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
    long start = System.nanoTime();
    List<Future<long[]>> done;
    try {
      done = pool.invokeAll(jobs);
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : done) {
      for (long n : f.get()) {
        all.add(n);
      }
    }
    return new Timed(seconds, all.stream().mapToLong(x -> x).toArray());
  }

  /** Sends each tablet's bodies in order, the tablets in parallel; checks every result. */
  private Run run(Map<TabletOutbox, List<byte[]>> bodies) throws Exception {
    AtomicLong applied = new AtomicLong();
    List<Callable<long[]>> jobs = new ArrayList<>();
    for (Map.Entry<TabletOutbox, List<byte[]>> e : bodies.entrySet()) {
      jobs.add(
          () -> {
            long[] nanos = new long[e.getValue().size()];
            int i = 0;
            for (byte[] body : e.getValue()) {
              long start = System.nanoTime();
              JsonObject answer = post(e.getKey(), body);
              nanos[i++] = System.nanoTime() - start;
              JsonArray results = answer.getAsJsonArray("results");
              for (JsonElement r : results) {
                String status = r.getAsJsonObject().get("status").getAsString();
                assertThat(status).as(r.toString()).isEqualTo("APPLIED");
              }
              applied.addAndGet(results.size());
            }
            return nanos;
          });
    }
    Timed t = timed(jobs);
    long expected = 0;
    for (List<byte[]> list : bodies.values()) {
      expected += list.size();
    }
    assertThat((long) t.nanos.length).isEqualTo(expected);
    return new Run(applied.get(), t.seconds, Stats.of(t.nanos), t.nanos);
  }

  /** Each tablet pulls {@code pages} pages of {@code limit} from the start, the tablets at once. */
  private Run pull(List<TabletOutbox> tablets, int limit, int pages) throws Exception {
    AtomicLong records = new AtomicLong();
    List<Callable<long[]>> jobs = new ArrayList<>();
    for (TabletOutbox t : tablets) {
      jobs.add(
          () -> {
            long[] nanos = new long[pages];
            String cursor = null;
            int i = 0;
            boolean more = true;
            while (more && i < pages) {
              byte[] body = t.pullBody(cursor, limit);
              long start = System.nanoTime();
              JsonObject answer = post(t, body);
              nanos[i++] = System.nanoTime() - start;
              int n = answer.getAsJsonArray("changes").size();
              assertThat(n).isGreaterThan(0);
              records.addAndGet(n);
              cursor = answer.get("nextCursor").toString();
              more = answer.get("hasMore").getAsBoolean();
            }
            return java.util.Arrays.copyOf(nanos, i);
          });
    }
    Timed t = timed(jobs);
    return new Run(records.get(), t.seconds, Stats.of(t.nanos), t.nanos);
  }

  private JsonObject post(TabletOutbox tablet, byte[] gzipped) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sync"))
            .header("Authorization", "Bearer " + tokens.get(tablet.deviceId))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private void register(TabletOutbox tablet) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("deviceId", tablet.deviceId.toString());
    body.addProperty("appVersion", "0.3.0-bench");
    body.addProperty("platform", "Android 8.1");
    body.addProperty("model", "Lenovo TB-X104F");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/devices"))
            .header("Authorization", "Bearer " + tokens.get(tablet.deviceId))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /**
   * The raw JDBC batch-insert rate of the database (rows/s): the stored follow-ups copied into a
   * table of the same columns, 200 rows a batch and a commit per batch, as a push of 200 would at
   * best.
   */
  private long jdbcBatchInsertRate() {
    List<Object[]> rows = new ArrayList<>();
    int[] shape = new int[2]; // columns, index of the id column
    transactions.executeWrite(
        status -> {
          Connection c = status.getConnection();
          try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_follow_up");
            s.execute("CREATE TABLE bench_follow_up AS SELECT * FROM follow_up WHERE 1 = 0");
            s.execute("ALTER TABLE bench_follow_up ALTER COLUMN id SET NOT NULL");
            s.execute("ALTER TABLE bench_follow_up ADD PRIMARY KEY (id)");
            try (ResultSet rs = s.executeQuery("SELECT * FROM follow_up LIMIT 1000")) {
              shape[0] = rs.getMetaData().getColumnCount();
              for (int i = 1; i <= shape[0]; i++) {
                if ("id".equalsIgnoreCase(rs.getMetaData().getColumnName(i))) {
                  shape[1] = i - 1;
                }
              }
              while (rs.next()) {
                Object[] row = new Object[shape[0]];
                for (int i = 0; i < shape[0]; i++) {
                  row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
    assertThat(rows).isNotEmpty();
    String marks = String.join(",", Collections.nCopies(shape[0], "?"));
    long start = System.nanoTime();
    for (int from = 0; from < JDBC_ROWS; from += 200) {
      int first = from;
      transactions.executeWrite(
          status -> {
            try (PreparedStatement insert =
                status
                    .getConnection()
                    .prepareStatement("INSERT INTO bench_follow_up VALUES (" + marks + ")")) {
              for (int r = first; r < first + 200; r++) {
                Object[] row = rows.get(r % rows.size());
                for (int i = 0; i < shape[0]; i++) {
                  insert.setObject(i + 1, i == shape[1] ? UUID.randomUUID() : row[i]);
                }
                insert.addBatch();
              }
              return insert.executeBatch().length;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    transactions.executeWrite(
        status -> {
          try (Statement s = status.getConnection().createStatement()) {
            return s.executeUpdate("DROP TABLE bench_follow_up");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return Math.round(JDBC_ROWS / seconds);
  }
}
