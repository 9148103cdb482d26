package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * P4, no cursor gaps (sync-design.md §7): whatever the interleaving of writer transactions (some
 * slow, holding their change stamp before they commit, some rolled back) and pulls, a device that
 * has reached cursor {@code c} has received every committed change with {@code change_seq <= c}.
 * Runs on H2 and, in the {@code postgres} surefire execution, on PostgreSQL.
 */
@MicronautTest(transactional = false)
class CursorGapTest {

  private static final int WRITERS = 4;
  private static final int WRITES_PER_WRITER = 25;
  private static final int READERS = 2;

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject TransactionOperations<Connection> transactions;

  @Inject ChangeStamps stamps;

  private TestArea area;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    area = auth.seedArea();
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** One pull as a reader saw it: the cursor it reached and what it had received by then. */
  private record Observation(long cursor, Map<UUID, Long> receivedSoFar) {}

  @Test
  void concurrentSlowWritersAndPulls_noReaderPassesASeqItDidNotReceive() throws Exception {
    List<TestDevice> readers = new ArrayList<>();
    for (String user : List.of("doc1", "sup1").subList(0, READERS)) {
      TestDevice device = new TestDevice(api, user, area.userId(user));
      device.register();
      device.pullAll(1000, null);
      readers.add(device);
    }
    long start = cursorSeq(readers.get(0));
    // The oracle: committed seq -> the one patient that transaction inserted.
    Map<Long, UUID> committed = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);

    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Random random = new Random(42 + w);
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < WRITES_PER_WRITER; i++) {
                  boolean slow = random.nextInt(3) == 0;
                  boolean rollBack = random.nextInt(10) == 0;
                  int sleepMillis = 5 + random.nextInt(40);
                  UUID id = UUID.randomUUID();
                  try {
                    long seq =
                        transactions.executeWrite(
                            status -> {
                              insertPatient(status.getConnection(), id);
                              long s =
                                  stamps
                                      .patientWrittenByServer(id, ChangeStamps.PATIENT_FIELDS, null)
                                      .seq();
                              if (slow) {
                                // Holds the stamp (and the sync_clock lock) before committing.
                                Thread.sleep(sleepMillis);
                              }
                              if (rollBack) {
                                throw new RolledBack();
                              }
                              return s;
                            });
                    if (committed.put(seq, id) != null) {
                      duplicates.incrementAndGet();
                    }
                  } catch (RolledBack expected) {
                    // Its seq is handed out again to the next writer.
                  }
                }
                return null;
              }));
    }

    List<Future<List<Observation>>> pulls = new ArrayList<>();
    for (int n = 0; n < readers.size(); n++) {
      TestDevice reader = readers.get(n);
      // One reader keeps up with the head, the other lags behind in small pages.
      int limit = n == 0 ? 1000 : 3;
      pulls.add(
          pool.submit(
              () -> {
                List<Observation> seen = new ArrayList<>();
                Map<UUID, Long> received = new HashMap<>();
                while (true) {
                  // Ends with a complete page that began after the last write committed.
                  boolean writersDone = !writing.get();
                  TestApi.Response r = reader.pull(limit, null);
                  @SuppressWarnings("unchecked")
                  List<Map<String, Object>> changes = (List<Map<String, Object>>) r.at("changes");
                  for (Map<String, Object> change : changes) {
                    received.put(
                        UUID.fromString((String) change.get("id")),
                        ((Number) change.get("seq")).longValue());
                  }
                  seen.add(new Observation(cursorSeq(reader), new HashMap<>(received)));
                  if (writersDone && !Boolean.TRUE.equals(r.at("hasMore"))) {
                    break;
                  }
                }
                return seen;
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);

    assertThat(duplicates.get()).as("two commits with one seq").isZero();
    assertThat(committed).hasSizeGreaterThan(WRITERS * WRITES_PER_WRITER / 2);
    for (Future<List<Observation>> pull : pulls) {
      List<Observation> seen = pull.get(60, TimeUnit.SECONDS);
      assertThat(seen).hasSizeGreaterThan(1);
      for (Observation o : seen) {
        for (Map.Entry<Long, UUID> change : committed.entrySet()) {
          if (change.getKey() <= o.cursor()) {
            assertThat(o.receivedSoFar())
                .as("cursor %d passed seq %d without delivering it", o.cursor(), change.getKey())
                .containsEntry(change.getValue(), change.getKey());
          }
        }
      }
      Map<UUID, Long> all = seen.get(seen.size() - 1).receivedSoFar();
      Map<UUID, Long> expected = new HashMap<>();
      committed.forEach((seq, id) -> expected.put(id, seq));
      assertThat(all).isEqualTo(expected);
      assertThat(seen.get(seen.size() - 1).cursor()).isEqualTo(start + committed.size());
    }
  }

  @Test
  void lowSeqStillOpen_higherWriterWaits_readerStopsBelowIt_thenReceivesBothInOrder()
      throws Exception {
    TestDevice reader = new TestDevice(api, "doc1", area.userId("doc1"));
    reader.register();
    reader.pullAll(1000, null);
    long head = cursorSeq(reader);
    CountDownLatch lowStamped = new CountDownLatch(1);
    CountDownLatch releaseLow = new CountDownLatch(1);
    AtomicInteger events = new AtomicInteger();
    AtomicLong lowReleasedAt = new AtomicLong();
    AtomicLong highStampedAt = new AtomicLong();
    AtomicLong highSeq = new AtomicLong();
    UUID lowId = UUID.randomUUID();
    UUID highId = UUID.randomUUID();

    Future<Long> low =
        pool.submit(
            () ->
                transactions.executeWrite(
                    status -> {
                      insertPatient(status.getConnection(), lowId);
                      long seq =
                          stamps
                              .patientWrittenByServer(lowId, ChangeStamps.PATIENT_FIELDS, null)
                              .seq();
                      lowStamped.countDown();
                      assertThat(releaseLow.await(30, TimeUnit.SECONDS)).isTrue();
                      return seq;
                    }));
    assertThat(lowStamped.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Long> high =
        pool.submit(
            () ->
                transactions.executeWrite(
                    status -> {
                      insertPatient(status.getConnection(), highId);
                      long seq =
                          stamps
                              .patientWrittenByServer(highId, ChangeStamps.PATIENT_FIELDS, null)
                              .seq();
                      highStampedAt.set(events.incrementAndGet());
                      highSeq.set(seq);
                      return seq;
                    }));

    // The adversarial schedule would commit the higher seq now and let a reader pass the lower
    // one. The higher writer cannot even take its stamp while the lower transaction is open.
    Thread.sleep(300);
    assertThat(highSeq.get()).as("a second stamp while the first is uncommitted").isZero();
    TestApi.Response during = reader.pull(1000, null);
    assertThat((List<?>) during.at("changes")).isEmpty();
    assertThat(cursorSeq(reader)).isEqualTo(head);

    lowReleasedAt.set(events.incrementAndGet());
    releaseLow.countDown();
    long lowSeq = low.get(30, TimeUnit.SECONDS);
    long higherSeq = high.get(30, TimeUnit.SECONDS);

    assertThat(lowSeq).isEqualTo(head + 1);
    assertThat(higherSeq).isEqualTo(lowSeq + 1);
    assertThat(highStampedAt.get()).isGreaterThan(lowReleasedAt.get());
    List<Map<String, Object>> after = reader.pullAll(1000, null);
    assertThat(after)
        .extracting(c -> c.get("id") + "@" + c.get("seq"))
        .containsExactly(lowId + "@" + lowSeq, highId + "@" + higherSeq);
  }

  private static long cursorSeq(TestDevice device) {
    return ((Number) ((Map<?, ?>) device.cursor()).get("seq")).longValue();
  }

  /** Inserts a minimal patient of village 1 (the writers' own row; the stamp comes after it). */
  private void insertPatient(Connection connection, UUID id) throws SQLException {
    Instant now = Instant.now();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO patient (id, name, sex, birth_date, county_code, village_code,"
                + " hypertension, hypertension_diagnosed_on, diabetes, status, status_date,"
                + " request_hash, created_by, created_at, updated_by, updated_at, version)"
                + " VALUES (?, ?, 'FEMALE', ?, ?, ?, TRUE, ?, FALSE, 'ACTIVE', ?, 'p4', ?, ?, ?, ?,"
                + " 0)")) {
      insert.setObject(1, id);
      insert.setString(2, "并发" + id.toString().substring(0, 4));
      insert.setDate(3, Date.valueOf(LocalDate.of(1960, 1, 1)));
      insert.setString(4, TestArea.COUNTY);
      insert.setString(5, VILLAGE_1);
      insert.setDate(6, Date.valueOf(LocalDate.of(2020, 1, 1)));
      insert.setDate(7, Date.valueOf(LocalDate.of(2020, 1, 1)));
      insert.setObject(8, area.userId("doc1"));
      insert.setTimestamp(9, Timestamp.from(now));
      insert.setObject(10, area.userId("doc1"));
      insert.setTimestamp(11, Timestamp.from(now));
      insert.executeUpdate();
    }
  }

  /** Rolls a writer's transaction back after it took its stamp. */
  private static final class RolledBack extends RuntimeException {
    RolledBack() {
      super("rolled back on purpose", null, false, false);
    }
  }
}
