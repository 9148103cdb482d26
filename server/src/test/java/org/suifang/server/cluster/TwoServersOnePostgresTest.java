package org.suifang.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.Condition;
import org.suifang.client.MutationType;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.Rejection;
import org.suifang.client.SuifangClient;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.rules.Disease;
import org.suifang.server.testing.TestDatabaseConfigurer;

/**
 * The configuration county and province deployments run: two server processes (separate JVMs,
 * configured only through environment variables, no demo profile) share one PostgreSQL behind a
 * load balancer that sends each request to either of them at random. Six tablets (real {@code
 * SuifangClient}s, four doctors in three villages, two doctors sharing a village) register patients
 * and record, correct and void visits and edit patients concurrently, each on its own thread, while
 * syncing. Each server in turn is killed with SIGKILL while a sync request is in flight to it, and
 * started again. Then every tablet syncs until its outbox is empty and nothing is left to pull.
 *
 * <p>Checked with SQL on the shared database and through the REST API of each server: nothing lost
 * (every record a tablet created is on the server once, or its mutation is a visible rejection),
 * nothing duplicated (one result per mutation, device sequences without holes or repeats), no
 * change-feed gap (every tablet holds exactly what the server holds for its user, field by field,
 * and so does a fresh tablet that pulls everything from scratch), and both servers answer the same
 * JSON. Finally the sync epoch is rotated through one instance, as after a restore, and every
 * tablet re-pulls to the same data.
 *
 * <p>The database is set up as docs/deployment.md says: a role owning the database, the schema from
 * the first start, the regions and the first administrator from the document's bootstrap SQL, the
 * doctors through the administrator's API.
 *
 * <p>Runs in the {@code postgres} surefire execution only (skipped on H2). Alone: {@code ./mvnw -B
 * -o -pl server test -Dtest=TwoServersOnePostgresTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Seed and size: {@code -Dsuifang.cluster.seed=…}, {@code -Dsuifang.cluster.operations=…} (per
 * tablet and phase). Server logs: {@code server/target/cluster-logs/}.
 */
class TwoServersOnePostgresTest {
  private static final long SEED = Long.getLong("suifang.cluster.seed", 20261122L);
  private static final int OPERATIONS = Integer.getInteger("suifang.cluster.operations", 30);

  /** A server is killed once it has received this many pushes in the phase. */
  private static final int PUSHES_BEFORE_KILL = 10;

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String PASSWORD = "Passw0rd!county";
  // The example county of docs/deployment.md's bootstrap SQL.
  private static final String VILLAGE_1 = "130123100201";
  private static final String VILLAGE_2 = "130123100202";
  private static final String VILLAGE_3 = "130123200201";

  /** Doctor → village. */
  private static final Map<String, String> DOCTORS =
      new TreeMap<>(
          Map.of("doc1", VILLAGE_1, "doc1b", VILLAGE_1, "doc2", VILLAGE_2, "doc3", VILLAGE_3));

  @TempDir Path tmp;

  private final List<ServerProcess> servers = new ArrayList<>();
  private final List<ClusterTablet> tablets = new ArrayList<>();
  private final ServerApi api = new ServerApi();

  /** What the server holds for each doctor after healing, as {@link #serverSnapshot} lines. */
  private final Map<String, Map<UUID, String>> serverData = new TreeMap<>();

  private ExecutorService workers;

  @AfterEach
  void stopEverything() throws Exception {
    // Also on failure: no server JVM may outlive the test.
    if (workers != null) {
      workers.shutdownNow();
    }
    for (ClusterTablet t : tablets) {
      t.close();
    }
    for (ServerProcess s : servers) {
      s.stop();
    }
    api.close();
  }

  @Test
  void twoServers_eachKilledMidPush_nothingLostOrDuplicated_everyReplicaConverges()
      throws Exception {
    assumeTrue(
        TestDatabaseConfigurer.onPostgres(),
        "needs PostgreSQL: runs in the postgres surefire execution");
    long started = System.nanoTime();
    Laps laps = new Laps();
    String jdbcUrl = databaseForTheCounty();

    // Two instances started at once on the empty database: Flyway's lock lets one migrate, and
    // both then give the database its first sync epoch (SyncEpochTest has that race alone).
    Path logs = Path.of("target", "cluster-logs").toAbsolutePath();
    Files.createDirectories(logs);
    Map<String, String> env = new HashMap<>();
    env.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
    env.put("DATASOURCES_DEFAULT_DRIVER_CLASS_NAME", "org.postgresql.Driver");
    env.put("DATASOURCES_DEFAULT_USERNAME", DB_USER);
    env.put("DATASOURCES_DEFAULT_PASSWORD", DB_PASSWORD);
    env.put("SUIFANG_JWT_SECRET", randomSecret());
    // bcrypt cost 10 instead of 12 (a documented setting): about 20 logins and new passwords on
    // a shared build machine; nothing this test checks depends on the cost.
    env.put("SUIFANG_AUTH_BCRYPT_COST", "10");
    ServerProcess a = new ServerProcess("server-a", ServerProcess.freePort(), env, logs);
    ServerProcess b = new ServerProcess("server-b", ServerProcess.freePort(), env, logs);
    servers.add(a);
    servers.add(b);
    a.start();
    b.start();
    a.awaitHealthy(STARTUP);
    b.awaitHealthy(STARTUP);
    laps.lap("start both");

    seedCountyWithTheDocumentedSql(jdbcUrl);
    String adminToken = api.login(a.url(), "admin", PASSWORD);
    for (Map.Entry<String, String> d : DOCTORS.entrySet()) {
      createDoctor(b.url(), adminToken, d.getKey(), d.getValue());
    }

    LoadBalancer.Backend backendA = new LoadBalancer.Backend(a.name, a.port);
    LoadBalancer.Backend backendB = new LoadBalancer.Backend(b.name, b.port);
    LoadBalancer balancer = new LoadBalancer(List.of(backendA, backendB));
    // Two doctors share village 1; doc1 and doc2 have two tablets each.
    String[] owners = {"doc1", "doc1", "doc1b", "doc2", "doc2", "doc3"};
    for (int i = 0; i < owners.length; i++) {
      ClusterTablet t =
          new ClusterTablet(
              "tablet-" + (i + 1),
              owners[i],
              DOCTORS.get(owners[i]),
              a.url(),
              new File(tmp.toFile(), "tablet-" + (i + 1)),
              balancer.interceptor(SEED * 31 + i));
      tablets.add(t);
      t.client.login(t.username, PASSWORD);
    }
    laps.lap("seed, log in");

    // Phase 1 kills server A mid-push and starts it again; phase 2 does the same to server B.
    workers = Executors.newFixedThreadPool(tablets.size());
    Kill killA = phase(1, a, backendA);
    laps.lap("phase 1");
    Kill killB = phase(2, b, backendB);
    laps.lap("phase 2");
    workers.shutdown();

    int healRounds = heal();
    laps.lap("heal");

    Figures figures = check(jdbcUrl, a, b, List.of(killA, killB));
    laps.lap("checks");

    rotateEpochThroughOneInstance(a, adminToken);
    for (ServerProcess s : servers) {
      assertThat(api.get(s.url(), null, "prometheus").expect(200).body())
          .contains("http_server_requests_seconds");
    }
    laps.lap("epoch");

    long totalMillis = millisSince(started);
    int operations = 0;
    int syncs = 0;
    int failedSyncs = 0;
    for (ClusterTablet t : tablets) {
      operations += t.mutations;
      syncs += t.syncs;
      failedSyncs += t.failedSyncs;
    }
    System.out.printf(
        "%nTwo servers on one PostgreSQL (seed %d, %d operations per tablet and phase)%n"
            + "  tablets: %d (doctors %s); operations: %d; syncs: %d, failed: %d%n"
            + "  %s%n  %s%n"
            + "  kill 1: %s%n"
            + "  kill 2: %s%n"
            + "  on the server: %d patients, %d follow-up records, %d mutation results"
            + " (%d rejected: %s), %d conflicts%n"
            + "  heal: %d round(s); time (ms): %s, total %d%n"
            + "  lost: 0, duplicated: 0, replicas compared field by field: %d (+%d fresh)%n",
        SEED,
        OPERATIONS,
        tablets.size(),
        DOCTORS.keySet(),
        operations,
        syncs,
        failedSyncs,
        backendA,
        backendB,
        figures.kills.get(0),
        figures.kills.get(1),
        figures.patients,
        figures.followUps,
        figures.results,
        figures.rejected,
        figures.rejectionCodes,
        figures.conflicts,
        healRounds,
        laps,
        totalMillis,
        tablets.size(),
        DOCTORS.size());
    assertThat(backendA.serverErrors.get() + backendB.serverErrors.get())
        .as("5xx answers")
        .isZero();
  }

  /** Named durations, in milliseconds, each since the previous lap. */
  private static final class Laps {
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String name) {
      long now = System.nanoTime();
      laps.put(name, (now - last) / 1_000_000);
      last = now;
    }

    @Override
    public String toString() {
      return laps.toString();
    }
  }

  /** What one kill hit. */
  private record Kill(
      LoadBalancer.Backend backend, Instant killedAt, int inFlight, long restartMillis) {}

  /**
   * Lets every tablet work {@link #OPERATIONS} operations on its own thread, kills {@code victim}
   * with SIGKILL once it has received {@link #PUSHES_BEFORE_KILL} pushes in this phase and one is
   * in flight, takes it out of the balancer's rotation a moment later (its health check), starts it
   * again and puts it back once {@code /health} is UP; then waits for the tablets.
   */
  private Kill phase(int phase, ServerProcess victim, LoadBalancer.Backend backend)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < tablets.size(); i++) {
      ClusterTablet t = tablets.get(i);
      Random random = new Random(SEED + 1000L * phase + i);
      running.add(
          workers.submit(
              () -> {
                t.work(OPERATIONS, random);
                return null;
              }));
    }
    int pushesBefore = backend.pushes.get();
    int inFlight = 0;
    while (!allDone(running)) {
      inFlight = backend.inFlightPushes.get();
      if (backend.pushes.get() - pushesBefore >= PUSHES_BEFORE_KILL && inFlight > 0) {
        break;
      }
      // Polls every 0.1 ms: a push is in flight for milliseconds, and a busy spin would take a core
      // from the servers.
      LockSupport.parkNanos(100_000);
    }
    backend.killing();
    Instant killedAt = Instant.now();
    victim.kill();
    Thread.sleep(300);
    backend.inRotation(false);
    long restart = System.nanoTime();
    victim.start();
    victim.awaitHealthy(STARTUP);
    backend.inRotation(true);
    long restartMillis = millisSince(restart);
    for (Future<?> f : running) {
      f.get(5, TimeUnit.MINUTES);
    }
    return new Kill(backend, killedAt, inFlight, restartMillis);
  }

  private static boolean allDone(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      if (!f.isDone()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Syncs every tablet until its outbox is empty, then repeats rounds until one round moves nothing
   * (every tablet has pulled what the others pushed). Returns the number of rounds.
   */
  private int heal() {
    for (int round = 1; round <= 20; round++) {
      boolean quiet = true;
      for (ClusterTablet t : tablets) {
        SyncReport r = t.sync();
        for (int tries = 0; !r.success() && tries < 10; tries++) {
          r = t.sync();
        }
        assertThat(r.success()).as(t + ": " + r).isTrue();
        assertThat(t.pending()).as(t.name).isZero();
        quiet &= r.pushed() == 0 && r.pulled() == 0;
      }
      if (quiet) {
        return round;
      }
    }
    throw new AssertionError("no quiet round after 20 rounds of syncs");
  }

  /** The figures the checks found. */
  private record Figures(
      long patients,
      long followUps,
      long results,
      long rejected,
      Map<String, Integer> rejectionCodes,
      long conflicts,
      List<String> kills) {}

  private Figures check(String jdbcUrl, ServerProcess a, ServerProcess b, List<Kill> kills)
      throws Exception {
    long patients = 0;
    long followUps = 0;
    long rejected = 0;
    Map<String, Integer> codes = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, DB_USER, DB_PASSWORD)) {
      for (ClusterTablet t : tablets) {
        UUID device = t.client.deviceId();
        // Nothing duplicated, nothing missing: one result and one sequence number per mutation.
        assertThat(count(db, "SELECT count(*) FROM mutation_result WHERE device_id = ?", device))
            .as(
                "%s: mutation results of device %s (the results of its user's mutations by"
                    + " device, count and highest seq: %s)",
                t,
                device,
                rows(
                    db,
                    "SELECT r.device_id, count(*), max(r.device_seq) FROM mutation_result r"
                        + " JOIN app_user u ON u.id = r.author_id WHERE u.username = ?"
                        + " GROUP BY r.device_id",
                    t.username))
            .isEqualTo(t.mutations);
        assertThat(
                count(
                    db,
                    "SELECT count(DISTINCT device_seq) FROM device_mutation WHERE device_id = ?",
                    device))
            .as(t + ": device sequence numbers")
            .isEqualTo(t.mutations);
        assertThat(
                count(
                    db, "SELECT max(device_seq) FROM device_mutation WHERE device_id = ?", device))
            .isEqualTo(t.mutations);
        assertThat(count(db, "SELECT last_seq FROM device WHERE id = ?", device))
            .isEqualTo(t.mutations);
        // Rejections are visible on the tablet, one for one.
        List<Rejection> attention = t.client.needsAttention();
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM mutation_result WHERE device_id = ? AND status = 'REJECTED'",
                    device))
            .as(t + ": rejections")
            .isEqualTo(attention.size());
        List<UUID> refused = new ArrayList<>();
        for (Rejection r : attention) {
          // A refused record or amendment never reached the server; a refused void names the
          // visit it would have voided, which stays (e.g. another tablet amended it first).
          if (r.type() == MutationType.FOLLOW_UP_RECORD
              || r.type() == MutationType.FOLLOW_UP_AMEND) {
            refused.add(r.recordId());
          }
          codes.merge(r.code(), 1, Integer::sum);
        }
        rejected += attention.size();
        // Nothing lost: every record the tablet created is on the server exactly once.
        for (UUID p : t.createdPatients) {
          assertThat(count(db, "SELECT count(*) FROM patient WHERE id = ?", p))
              .as(t + ": patient " + p)
              .isEqualTo(1);
        }
        patients += t.createdPatients.size();
        for (UUID v : t.createdVisits) {
          long expected = refused.contains(v) ? 0 : 1;
          assertThat(count(db, "SELECT count(*) FROM follow_up WHERE id = ?", v))
              .as(t + ": follow-up " + v)
              .isEqualTo(expected);
          followUps += expected;
        }
      }
      // And nothing else: the server holds exactly what the tablets created.
      assertThat(count(db, "SELECT count(*) FROM patient")).isEqualTo(patients);
      assertThat(count(db, "SELECT count(*) FROM follow_up")).isEqualTo(followUps);
      long results = count(db, "SELECT count(*) FROM mutation_result");
      assertThat(count(db, "SELECT count(*) FROM device_mutation")).isEqualTo(results);
      // Every applied mutation has its own change_seq, none beyond the committed head.
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM (SELECT change_seq FROM mutation_result"
                      + " WHERE status = 'APPLIED' GROUP BY change_seq HAVING count(*) > 1) d"))
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM mutation_result WHERE change_seq >"
                      + " (SELECT seq FROM sync_clock)"))
          .isZero();
      // No row carries a change_seq beyond the committed head.
      for (String table : List.of("patient", "follow_up", "sync_conflict", "merge_candidate")) {
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM "
                        + table
                        + " WHERE change_seq > (SELECT seq FROM sync_clock)"))
            .as(table)
            .isZero();
      }
      long conflicts = count(db, "SELECT count(*) FROM sync_conflict");
      // What each kill cut: pushes whose mutations the killed instance had committed (the retry
      // was answered as duplicates) and pushes it had not (the retry applied them).
      List<String> killed = new ArrayList<>();
      for (Kill k : kills) {
        int committed = 0;
        for (UUID m : k.backend.cutMutations) {
          committed +=
              (int)
                  count(
                      db,
                      "SELECT count(*) FROM mutation_result WHERE mutation_id = ?"
                          + " AND processed_at < ?",
                      m,
                      Timestamp.from(k.killedAt));
        }
        killed.add(
            String.format(
                "%s with %d push(es) in flight; %d cut, carrying %d mutations, %d of them"
                    + " committed by the killed instance (answer lost); restart took %d ms",
                k.backend.name,
                k.inFlight,
                k.backend.cutByKill.get(),
                k.backend.cutMutations.size(),
                committed,
                k.restartMillis));
      }

      // Convergence: each tablet equals the server, through both servers' REST APIs.
      Map<String, Map<UUID, String>> byUser = serverData;
      // One login per doctor, on server A; the token works on B too (the shared JWT secret).
      for (String doctor : DOCTORS.keySet()) {
        String token = api.login(a.url(), doctor, PASSWORD);
        Map<String, String> rawA = new TreeMap<>();
        Map<String, String> rawB = new TreeMap<>();
        Map<UUID, String> viaA = serverSnapshot(a.url(), token, rawA);
        Map<UUID, String> viaB = serverSnapshot(b.url(), token, rawB);
        // The very same JSON from both instances: nothing instance-local in what they answer.
        assertThat(rawB).as(doctor + ": server B answers as server A").isEqualTo(rawA);
        assertThat(viaB).isEqualTo(viaA);
        byUser.put(doctor, viaA);
      }
      for (ClusterTablet t : tablets) {
        assertThat(tabletSnapshot(t.client)).as(t.name).isEqualTo(byUser.get(t.username));
      }
      // No change-feed gap: a tablet that pulls everything from scratch holds the same.
      for (String doctor : DOCTORS.keySet()) {
        File dir = new File(tmp.toFile(), "fresh-" + doctor);
        try (ClusterTablet fresh =
            new ClusterTablet(
                "fresh-" + doctor,
                doctor,
                DOCTORS.get(doctor),
                a.url(),
                dir,
                new LoadBalancer(
                        List.of(
                            new LoadBalancer.Backend(a.name, a.port),
                            new LoadBalancer.Backend(b.name, b.port)))
                    .interceptor(SEED))) {
          fresh.client.login(doctor, PASSWORD);
          assertThat(fresh.sync().success()).isTrue();
          assertThat(tabletSnapshot(fresh.client))
              .as("fresh " + doctor)
              .isEqualTo(byUser.get(doctor));
        }
      }
      return new Figures(patients, followUps, results, rejected, codes, conflicts, killed);
    }
  }

  /**
   * What an administrator does after a restore: rotates the epoch, here through one instance. The
   * epoch lives in the database, so every tablet's next sync, through either instance, starts its
   * pull afresh (keeping its outbox) and ends with what the server holds.
   */
  private void rotateEpochThroughOneInstance(ServerProcess instance, String adminToken)
      throws Exception {
    Instant rotated = Instant.now();
    api.post(instance.url(), adminToken, "api/v1/admin/sync/epoch", new JsonObject()).expect(200);
    for (ClusterTablet t : tablets) {
      SyncReport r = t.sync();
      for (int tries = 0; !r.success() && tries < 10; tries++) {
        r = t.sync();
      }
      assertThat(r.success()).as(t + ": " + r).isTrue();
      assertThat(t.client.syncState().lastResetAt()).as(t.name).isAfterOrEqualTo(rotated);
      assertThat(tabletSnapshot(t.client)).as(t.name).isEqualTo(serverData.get(t.username));
    }
  }

  /**
   * Every patient the token's doctor sees, with the fields both sides hold and the follow-up
   * records, as one comparable line each; from the server's REST API. {@code raw} receives each
   * answer's body by path.
   */
  private Map<UUID, String> serverSnapshot(String url, String token, Map<String, String> raw) {
    Map<UUID, String> out = new TreeMap<>();
    for (int page = 0; ; page++) {
      String pagePath = "api/v1/patients?size=100&page=" + page;
      ServerApi.Answer list = api.get(url, token, pagePath).expect(200);
      raw.put(pagePath, list.body());
      JsonObject body = list.json().getAsJsonObject();
      for (JsonElement item : body.getAsJsonArray("items")) {
        JsonObject p = item.getAsJsonObject();
        UUID id = UUID.fromString(p.get("id").getAsString());
        String historyPath = "api/v1/patients/" + id + "/follow-ups";
        ServerApi.Answer history = api.get(url, token, historyPath).expect(200);
        raw.put(historyPath, history.body());
        JsonArray visits = history.json().getAsJsonObject().getAsJsonArray("items");
        out.put(id, serverPatientLine(p) + serverVisitLines(visits));
      }
      if ((long) (page + 1) * 100 >= body.get("total").getAsLong()) {
        return out;
      }
    }
  }

  private static String serverPatientLine(JsonObject p) {
    LocalDate htn = null;
    LocalDate dm = null;
    for (JsonElement c : p.getAsJsonArray("conditions")) {
      JsonObject condition = c.getAsJsonObject();
      LocalDate on =
          condition.get("diagnosedOn").isJsonNull()
              ? null
              : LocalDate.parse(condition.get("diagnosedOn").getAsString());
      if (condition.get("disease").getAsString().equals("HYPERTENSION")) {
        htn = on;
      } else {
        dm = on;
      }
    }
    JsonObject status = p.getAsJsonObject("status");
    return line(
        text(p, "name"),
        text(p, "sex"),
        text(p, "birthDate"),
        text(p, "residentId"),
        text(p, "phone"),
        text(p, "villageCode"),
        text(p, "address"),
        p.get("heightCm").isJsonNull() ? null : p.get("heightCm").getAsBigDecimal(),
        htn,
        dm,
        text(status, "status"),
        text(status, "reason"),
        text(status, "date"));
  }

  private static String serverVisitLines(JsonArray items) {
    Map<String, String> visits = new TreeMap<>();
    for (JsonElement item : items) {
      JsonObject v = item.getAsJsonObject();
      visits.put(
          text(v, "id"),
          line(
              text(v, "id"),
              text(v, "patientId"),
              text(v, "visitDate"),
              text(v, "state"),
              text(v, "amends"),
              text(v, "supersededBy"),
              text(v, "systolic"),
              text(v, "diastolic"),
              text(v, "doctorId")));
    }
    return String.join("", visits.values());
  }

  private static Map<UUID, String> tabletSnapshot(SuifangClient client) throws Exception {
    Map<UUID, String> out = new TreeMap<>();
    for (Patient p : client.patients().search(PatientQuery.newBuilder().build())) {
      LocalDate htn = null;
      LocalDate dm = null;
      for (Condition c : p.conditions()) {
        if (c.disease() == Disease.HYPERTENSION) {
          htn = c.diagnosedOn();
        } else {
          dm = c.diagnosedOn();
        }
      }
      String patient =
          line(
              p.name(),
              p.sex().name(),
              p.birthDate().toString(),
              p.residentId(),
              p.phone(),
              p.villageCode(),
              p.address(),
              p.heightCm(),
              htn,
              dm,
              p.status().status().name(),
              p.status().reason() == null ? null : p.status().reason().name(),
              p.status().date().toString());
      Map<String, String> visits = new TreeMap<>();
      for (Visit v : client.followUps().history(p.id())) {
        visits.put(
            v.id().toString(),
            line(
                v.id(),
                v.patientId(),
                v.visitDate(),
                v.state().name(),
                v.amends(),
                v.supersededBy(),
                v.form().systolic(),
                v.form().diastolic(),
                v.doctorId()));
      }
      out.put(p.id(), patient + String.join("", visits.values()));
    }
    return out;
  }

  /** Joins values into one line; numbers without trailing zeros, so 168 equals 168.0. */
  private static String line(Object... values) {
    StringBuilder sb = new StringBuilder("[");
    for (Object v : values) {
      if (v instanceof BigDecimal d) {
        v = d.stripTrailingZeros().toPlainString();
      }
      sb.append(v == null ? "null" : v.toString()).append('|');
    }
    return sb.append("]").toString();
  }

  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  // ---- the database, as the county's IT staff set it up (docs/deployment.md) ----

  private static final String DB_USER = "suifang_cluster";
  private static final String DB_PASSWORD = "cluster-db-password";

  /**
   * Creates the deployment's database and its owner role on the embedded PostgreSQL, as
   * docs/deployment.md tells an operator to, and returns the JDBC URL the servers get.
   */
  private static String databaseForTheCounty() throws SQLException {
    String superUrl = TestDatabaseConfigurer.newPostgresDatabase();
    String url = superUrl.substring(0, superUrl.indexOf('?'));
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + DB_USER);
      s.execute("CREATE ROLE " + DB_USER + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
      s.execute("ALTER DATABASE " + database + " OWNER TO " + DB_USER);
      s.execute("ALTER ROLE " + DB_USER + " SET lock_timeout = '10s'");
      s.execute("ALTER ROLE " + DB_USER + " SET idle_in_transaction_session_timeout = '60s'");
    }
    return url;
  }

  /**
   * Inserts the county's regions and its first administrator by running the bootstrap SQL of
   * docs/deployment.md as it is written there (so the document stays true), with the value an
   * operator passes to psql as {@code -v admin_password=…}.
   */
  private static void seedCountyWithTheDocumentedSql(String jdbcUrl) throws Exception {
    // Surefire runs in the server module's directory.
    String doc = Files.readString(Path.of("..", "docs", "deployment.md"));
    int marker = doc.indexOf("<!-- bootstrap-sql");
    assertThat(marker).as("bootstrap-sql marker in docs/deployment.md").isPositive();
    int start = doc.indexOf("```sql\n", marker) + "```sql\n".length();
    String sql = doc.substring(start, doc.indexOf("```", start));
    assertThat(sql).contains(":'admin_password'");
    sql = sql.replace(":'admin_password'", "'" + PASSWORD.replace("'", "''") + "'");
    try (Connection c = DriverManager.getConnection(jdbcUrl, DB_USER, DB_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Creates a village doctor through the administrator's user API. */
  private void createDoctor(String url, String adminToken, String username, String village) {
    JsonObject command = new JsonObject();
    command.addProperty("username", username);
    command.addProperty("displayName", "医生" + username);
    command.addProperty("password", PASSWORD);
    command.addProperty("role", "VILLAGE_DOCTOR");
    JsonArray villages = new JsonArray();
    villages.add(village);
    command.add("villageCodes", villages);
    api.post(url, adminToken, "api/v1/users", command).expect(201);
  }

  /** The rows of a query as text, for a failure's message. */
  private static String rows(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(String.valueOf(rs.getObject(c)));
          }
          rows.add(String.join(" ", row));
        }
      }
      return String.join("; ", rows);
    }
  }

  private static long count(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
