package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiError;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.BadData;
import org.suifang.server.common.TransientDatabaseFailure;
import org.suifang.server.users.User;
import org.suifang.server.users.UserService;

/**
 * Processes pushed mutations exactly once (docs/sync-protocol.md#server-processing): a batch of
 * them in one transaction ({@link #processBatch}), or one in a transaction of its own ({@link
 * #process}, the fallback after a database failure). A mutation's effects, its {@code
 * mutation_result}, its {@code (device, seq)} row and the device's {@code lastSeq} commit together.
 *
 * <p>The device row is locked first ({@code SELECT … FOR UPDATE}), so two requests of one device
 * never process mutations side by side; then the handler writes its rows and the change stamp is
 * taken last, the lock order every writer follows (a batch's later mutations write rows while it
 * holds the stamp: see {@link ChangeSequencer}).
 */
@Singleton
class MutationProcessor {

  private static final int MAX_ERROR_JSON = 8000;
  // Attempts of one mutation when the database reports a transient failure (deadlock, lock wait).
  static final int TRANSIENT_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(MutationProcessor.class);
  // The mutation types whose handlers stamp nothing but follow-ups (ChangeStamps#followUpWritten),
  // so a batch may stamp them at its end.
  private static final Set<String> DEFERRABLE =
      Set.of("FOLLOW_UP_RECORD", "FOLLOW_UP_AMEND", "FOLLOW_UP_VOID");

  /** Whether a batch may stamp a mutation of this type at its end (a follow-up mutation). */
  static boolean deferrable(String type) {
    return DEFERRABLE.contains(type);
  }

  private static final TransactionDefinition NESTED =
      TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

  private final TransactionOperations<Connection> transactions;
  private final DeviceRepository devices;
  private final MutationResultRepository results;
  private final ChangeSequencer sequencer;
  private final ChangeStamps stamps;
  private final Map<String, MutationHandler> handlers;
  private final UserService users;
  private final SyncConfiguration config;
  private final JsonMapper json;
  private final Clock clock;

  MutationProcessor(
      TransactionOperations<Connection> transactions,
      DeviceRepository devices,
      MutationResultRepository results,
      ChangeSequencer sequencer,
      ChangeStamps stamps,
      List<MutationHandler> handlers,
      UserService users,
      SyncConfiguration config,
      JsonMapper json,
      Clock clock) {
    this.transactions = transactions;
    this.devices = devices;
    this.results = results;
    this.sequencer = sequencer;
    this.stamps = stamps;
    Map<String, MutationHandler> byType = new HashMap<>();
    for (MutationHandler handler : handlers) {
      MutationHandler previous = byType.put(handler.type(), handler);
      if (previous != null) {
        throw new IllegalStateException(
            "Two handlers for mutation type " + handler.type() + ": " + previous + ", " + handler);
      }
    }
    this.handlers = Map.copyOf(byType);
    this.users = users;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** What became of a mutation. */
  sealed interface Outcome permits Processed, Gap, IdentityConflict, Failed {}

  /**
   * The mutation has a result: applied or rejected now, or answered again as a duplicate.
   *
   * @param lastSeq the device's {@code lastSeq} afterwards
   */
  record Processed(PushResult result, long lastSeq) implements Outcome {}

  /** The mutation's seq is beyond {@code lastSeq + 1}: nothing was done. */
  record Gap(long expectedSeq, long lastSeq) implements Outcome {}

  /** The device's seq already holds another mutation, or was passed without one: a clone. */
  record IdentityConflict(long deviceSeq) implements Outcome {}

  /**
   * The mutation's handler failed for a reason that is neither the mutation's fault nor the
   * database's (a bug, an unavailable service): nothing of it was done, and the batch stopped
   * before it ({@link #processBatch} only).
   */
  record Failed(RuntimeException cause) implements Outcome {}

  /**
   * Processes the mutation pushed by {@code pusher} from the device. A handler's {@link
   * ApiException} rolls its effects back and the rejection is stored in a second transaction. Any
   * other exception propagates: nothing of this mutation was committed and a retry processes it. A
   * transient database failure (a deadlock, a lock wait that timed out) is tried again here, up to
   * {@value #TRANSIENT_ATTEMPTS} times in all, before it propagates.
   *
   * @throws ApiException {@link SyncError#DEVICE_NOT_REGISTERED} when the device row is gone
   */
  Outcome process(UUID deviceId, UUID pusher, Mutation mutation) {
    for (int attempt = 1; ; attempt++) {
      try {
        return processOnce(deviceId, pusher, mutation);
      } catch (RuntimeException e) {
        // A deadlock broken by the database, or a lock wait that timed out, rolled the mutation's
        // transaction back whole: running it again is safe and usually succeeds at once, where a
        // 503 would make the tablet wait for its backoff (found by the two-server test).
        if (attempt >= TRANSIENT_ATTEMPTS || !TransientDatabaseFailure.is(e)) {
          throw e;
        }
        LOG.info(
            "Mutation {} of device {}: temporary database failure, trying again ({} of {})",
            mutation.mutationId(),
            deviceId,
            attempt + 1,
            TRANSIENT_ATTEMPTS,
            e);
      }
    }
  }

  /**
   * Processes a batch of a request's mutations in order, in <em>one</em> transaction: the device
   * row is locked and read once, each author is looked up once, and {@code lastSeq} is written once
   * at the end. Each mutation's effects run in a nested transaction (a savepoint), so a permanent
   * failure rolls back that mutation's effects only and stores its rejection in the same
   * transaction. Every applied mutation still takes its own change stamp, in the batch's order, so
   * each mutation keeps its own {@code changeSeq}, and the effects, results, {@code (device, seq)}
   * rows and {@code lastSeq} of the whole batch commit together. The follow-up mutations ({@link
   * #DEFERRABLE}) at the batch's head are stamped at its end: one range of numbers for all of them
   * ({@link ChangeSequencer#takeRange}) and batched updates of their follow-ups and results, so the
   * {@code sync_clock} lock covers only that and the commit, and batches of other devices write
   * their rows meanwhile. From the batch's first other mutation on, each mutation ticks {@code
   * sync_clock} as it applies (patient writes stamp conflicts and merge candidates with the
   * number), holding the lock from there to the commit.
   *
   * <p>Stops after a {@link Gap}, an {@link IdentityConflict} or a {@link Failed} mutation (a
   * temporary failure of its handler that did not come from the database, rolled back to its
   * savepoint), which is the last outcome; the mutations before it commit. A database failure (a
   * deadlock, a lock wait that timed out) rolls the whole batch back and propagates: nothing of the
   * batch was committed, and the caller may process its mutations one by one with {@link #process},
   * which retries each.
   *
   * @throws ApiException {@link SyncError#DEVICE_NOT_REGISTERED} when the device row is gone
   */
  List<Outcome> processBatch(UUID deviceId, UUID pusher, List<Mutation> batch) {
    return transactions.executeWrite(status -> batchAttempt(deviceId, pusher, batch));
  }

  private List<Outcome> batchAttempt(UUID deviceId, UUID pusher, List<Mutation> batch) {
    Device device =
        devices
            .findByIdForUpdate(deviceId)
            .orElseThrow(() -> new ApiException(SyncError.DEVICE_NOT_REGISTERED));
    long lastSeq = device.lastSeq();
    long storedLastSeq = lastSeq;
    Map<UUID, Optional<CurrentUser>> authors = new HashMap<>();
    // The batch's mutations processed before, found in one query; each mutation processed here is
    // added, so that a repeat later in the batch is looked up too.
    List<UUID> ids = new ArrayList<>(batch.size());
    for (Mutation m : batch) {
      ids.add(m.mutationId());
    }
    Set<UUID> processedBefore = new HashSet<>(results.findMutationIdByMutationIdIn(ids));
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    // Follow-up mutations at the batch's head are stamped at its end, the others as they apply.
    List<Deferred> deferred = new ArrayList<>();
    // The new follow-up rows of the deferred mutations, inserted with their numbers at the end.
    Map<UUID, HeldRow> held = new LinkedHashMap<>();
    PendingResults pending = new PendingResults();
    boolean deferring = true;
    for (Mutation m : batch) {
      if (deferring && !DEFERRABLE.contains(m.type())) {
        stampDeferred(deviceId, deferred, held, pending);
        deferring = false;
      }
      Outcome outcome =
          deferring
              ? batchStep(
                  deviceId, pusher, m, lastSeq, authors, processedBefore, deferred, held, pending)
              : batchStep(deviceId, pusher, m, lastSeq, authors, processedBefore, null, null, null);
      outcomes.add(outcome);
      processedBefore.add(m.mutationId());
      if (!(outcome instanceof Processed processed)) {
        break;
      }
      lastSeq = processed.lastSeq();
    }
    if (lastSeq != storedLastSeq) {
      devices.updateLastSeq(deviceId, lastSeq);
    }
    if (deferring) {
      // Last, so that the sync_clock lock covers only these statements and the commit.
      stampDeferred(deviceId, deferred, held, pending);
    }
    if (deferred.isEmpty()) {
      return outcomes;
    }
    Map<UUID, Long> seqs = new HashMap<>();
    deferred.forEach(d -> seqs.put(d.mutationId(), d.seq()));
    List<Outcome> stamped = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      if (outcome instanceof Processed p && seqs.containsKey(p.result().mutationId())) {
        PushResult r = p.result();
        outcome =
            new Processed(
                new PushResult(
                    r.mutationId(),
                    r.deviceSeq(),
                    r.status(),
                    r.duplicate(),
                    seqs.get(r.mutationId()),
                    r.hlc(),
                    r.clockSuspect(),
                    r.conflicts(),
                    r.code(),
                    r.messageZh(),
                    r.messageEn(),
                    r.fieldErrors()),
                p.lastSeq());
      }
      stamped.add(outcome);
    }
    return stamped;
  }

  /**
   * An applied mutation whose change stamp is deferred to the end of its batch: the follow-ups it
   * wrote, the HLC the server clock must pass, and its number once taken.
   */
  private static final class Deferred {
    private final UUID mutationId;
    private final List<UUID> followUps;
    private final long hlc;
    private long seq;

    Deferred(UUID mutationId, List<UUID> followUps, long hlc) {
      this.mutationId = mutationId;
      this.followUps = followUps;
      this.hlc = hlc;
    }

    UUID mutationId() {
      return mutationId;
    }

    long seq() {
      return seq;
    }
  }

  /**
   * Takes the numbers of the deferred mutations in one range, in the batch's order, inserts their
   * held follow-up rows with them and writes them into the follow-ups written already, and inserts
   * the head's held results and {@code (device, seq)} rows with them. From here on the batch holds
   * the {@code sync_clock} lock until its commit.
   */
  private void stampDeferred(
      UUID deviceId, List<Deferred> deferred, Map<UUID, HeldRow> held, PendingResults pending) {
    if (!deferred.isEmpty()) {
      stampRange(deferred, held, pending);
    }
    if (!pending.isEmpty()) {
      pending.write(transactions.getConnection(), deviceId);
    }
  }

  private void stampRange(
      List<Deferred> deferred, Map<UUID, HeldRow> held, PendingResults pending) {
    long atLeastHlc = 0;
    for (Deferred d : deferred) {
      atLeastHlc = Math.max(atLeastHlc, d.hlc);
    }
    long first = sequencer.takeRange(deferred.size(), atLeastHlc);
    List<UUID> followUps = new ArrayList<>();
    List<Long> followUpSeqs = new ArrayList<>();
    for (int i = 0; i < deferred.size(); i++) {
      Deferred d = deferred.get(i);
      d.seq = first + i;
      for (UUID followUp : d.followUps) {
        followUps.add(followUp);
        followUpSeqs.add(d.seq);
      }
    }
    if (!followUps.isEmpty()) {
      stamps.followUpsStamped(followUps, followUpSeqs, held);
    }
    for (Deferred d : deferred) {
      pending.stamp(d.mutationId, d.seq);
    }
  }

  private Outcome batchStep(
      UUID deviceId,
      UUID pusher,
      Mutation m,
      long lastSeq,
      Map<UUID, Optional<CurrentUser>> authors,
      Set<UUID> processedBefore,
      @Nullable List<Deferred> deferred,
      @Nullable Map<UUID, HeldRow> held,
      @Nullable PendingResults pending) {
    Outcome bySeq = bySeq(deviceId, m, lastSeq, pending);
    if (bySeq != null) {
      return bySeq;
    }
    MutationResult heldResult = pending == null ? null : pending.result(m.mutationId());
    Optional<MutationResult> earlier =
        heldResult != null
            ? Optional.of(heldResult)
            : processedBefore.contains(m.mutationId())
                ? results.findById(m.mutationId())
                : Optional.empty();
    if (earlier.isPresent()) {
      recordInBatch(deviceId, m, pending);
      return new Processed(duplicate(m, earlier.get()), m.deviceSeq());
    }

    long maxWallMillis = clock.millis() + config.maxClockSkew().toMillis();
    boolean clockSuspect = Hlc.wallMillis(m.hlc()) > maxWallMillis;
    long hlc = clockSuspect ? Math.max(sequencer.currentHlc(), deferredHlc(deferred)) + 1 : m.hlc();
    if (clockSuspect) {
      devices.countClockSuspect(deviceId);
    }
    Optional<CurrentUser> author =
        authors.computeIfAbsent(m.authorId(), id -> author(deviceId, pusher, id));
    if (author.isEmpty()) {
      return reject(
          deviceId,
          m,
          hlc,
          clockSuspect,
          ApiError.of(SyncError.AUTHOR_NOT_ALLOWED, List.of()),
          pending);
    }
    MutationHandler handler = handlers.get(m.type());
    if (handler == null) {
      return reject(
          deviceId,
          m,
          hlc,
          clockSuspect,
          ApiError.of(SyncError.UNKNOWN_MUTATION_TYPE, List.of()),
          pending);
    }
    MutationContext context = context(deviceId, m, author.get(), hlc, clockSuspect);
    int[] conflicts = new int[1];
    Deferral deferral = held == null ? null : new Deferral(held);
    ChangeSequencer.Stamp stamp;
    try {
      stamp =
          transactions.execute(
              NESTED,
              status -> {
                if (deferral != null) {
                  sequencer.deferFollowUpsTo(deferral);
                  try {
                    conflicts[0] = handler.apply(context, m.payload());
                  } finally {
                    sequencer.deferFollowUpsTo(null);
                  }
                  return null;
                }
                conflicts[0] = handler.apply(context, m.payload());
                // Inside the savepoint, so that a rolled back mutation gives its tick back.
                return sequencer.stamp(hlc);
              });
    } catch (ApiException e) {
      sequencer.forget();
      if (deferral != null) {
        deferral.rolledBack();
      }
      return reject(deviceId, m, hlc, clockSuspect, e.toApiError(), pending);
    } catch (RuntimeException e) {
      sequencer.forget();
      if (deferral != null) {
        deferral.rolledBack();
      }
      if (BadData.is(e)) {
        // The database refuses a value (a NUL in text on PostgreSQL): permanent, like a 400.
        return reject(deviceId, m, hlc, clockSuspect, BadData.error().toApiError(), pending);
      }
      if (fromDatabase(e)) {
        // A deadlock may have rolled back the whole transaction, savepoint and all (H2 does):
        // only a rollback of the whole batch is sure to leave nothing half done.
        throw e;
      }
      // Rolled back to the savepoint: the batch stops here and what came before it commits.
      return new Failed(e);
    }
    MutationResult result =
        saveApplied(
            deviceId,
            m,
            stamp == null ? null : stamp.seq(),
            hlc,
            clockSuspect,
            conflicts[0],
            pending);
    recordInBatch(deviceId, m, pending);
    if (deferral != null) {
      held.putAll(deferral.held());
      deferred.add(new Deferred(m.mutationId(), deferral.followUps(), hlc));
    }
    // The next mutation takes a stamp of its own (the clock row stays locked until the commit).
    sequencer.forget();
    return new Processed(view(m, result, false), m.deviceSeq());
  }

  /**
   * The highest HLC the batch's deferred mutations applied: the clock row moves past them only at
   * the batch's end, and a re-stamp must still be larger.
   */
  private static long deferredHlc(@Nullable List<Deferred> deferred) {
    long highest = 0;
    if (deferred != null) {
      for (Deferred d : deferred) {
        highest = Math.max(highest, d.hlc);
      }
    }
    return highest;
  }

  private static boolean fromDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  private Outcome processOnce(UUID deviceId, UUID pusher, Mutation mutation) {
    try {
      return transactions.executeWrite(status -> attempt(deviceId, pusher, mutation, null));
    } catch (Rejection rejection) {
      return transactions.executeWrite(status -> attempt(deviceId, pusher, mutation, rejection));
    }
  }

  /**
   * What the device's seqs alone decide: a duplicate of the mutation stored under its seq, a clone
   * (the seq holds another mutation, or was passed without one), or a gap; null when the mutation
   * is the device's next.
   */
  @Nullable
  private Outcome bySeq(UUID deviceId, Mutation m, long lastSeq, @Nullable PendingResults pending) {
    if (m.deviceSeq() > lastSeq) {
      // Every stored or held seq is at most lastSeq: a seq is recorded with lastSeq advanced to it
      // in the same transaction, and lastSeq never goes back.
      return m.deviceSeq() > lastSeq + 1 ? new Gap(lastSeq + 1, lastSeq) : null;
    }
    UUID held = pending == null ? null : pending.mutationAt(m.deviceSeq());
    Optional<UUID> stored =
        held != null ? Optional.of(held) : devices.findMutationId(deviceId, m.deviceSeq());
    if (stored.isPresent()) {
      if (!stored.get().equals(m.mutationId())) {
        return new IdentityConflict(m.deviceSeq());
      }
      MutationResult heldResult = pending == null ? null : pending.result(m.mutationId());
      return new Processed(
          duplicate(m, heldResult != null ? heldResult : storedResult(m.mutationId())), lastSeq);
    }
    // A seq passed without a mutation: a restored tablet numbering again from an old backup.
    return new IdentityConflict(m.deviceSeq());
  }

  private Outcome attempt(
      UUID deviceId, UUID pusher, Mutation m, @Nullable Rejection earlierRejection) {
    Device device =
        devices
            .findByIdForUpdate(deviceId)
            .orElseThrow(() -> new ApiException(SyncError.DEVICE_NOT_REGISTERED));
    long lastSeq = device.lastSeq();
    Outcome bySeq = bySeq(deviceId, m, lastSeq, null);
    if (bySeq != null) {
      return bySeq;
    }
    Optional<MutationResult> earlier = results.findById(m.mutationId());
    if (earlier.isPresent()) {
      // Processed before under another device id or seq (a re-registered tablet re-sending).
      record(deviceId, m);
      return new Processed(duplicate(m, earlier.get()), m.deviceSeq());
    }

    long hlc;
    boolean clockSuspect;
    if (earlierRejection != null) {
      hlc = earlierRejection.hlc;
      clockSuspect = earlierRejection.clockSuspect;
    } else {
      long maxWallMillis = clock.millis() + config.maxClockSkew().toMillis();
      clockSuspect = Hlc.wallMillis(m.hlc()) > maxWallMillis;
      hlc = clockSuspect ? sequencer.currentHlc() + 1 : m.hlc();
    }
    if (clockSuspect) {
      devices.countClockSuspect(deviceId);
    }
    if (earlierRejection != null) {
      return reject(deviceId, m, hlc, clockSuspect, earlierRejection.error);
    }
    Optional<CurrentUser> author = author(deviceId, pusher, m.authorId());
    if (author.isEmpty()) {
      return reject(
          deviceId, m, hlc, clockSuspect, ApiError.of(SyncError.AUTHOR_NOT_ALLOWED, List.of()));
    }
    MutationHandler handler = handlers.get(m.type());
    if (handler == null) {
      return reject(
          deviceId, m, hlc, clockSuspect, ApiError.of(SyncError.UNKNOWN_MUTATION_TYPE, List.of()));
    }
    MutationContext context = context(deviceId, m, author.get(), hlc, clockSuspect);
    int conflicts;
    try {
      conflicts = handler.apply(context, m.payload());
    } catch (ApiException e) {
      throw new Rejection(e.toApiError(), hlc, clockSuspect);
    } catch (RuntimeException e) {
      if (BadData.is(e)) {
        // The database refuses a value (a NUL in text on PostgreSQL): permanent, like a 400.
        throw new Rejection(BadData.error().toApiError(), hlc, clockSuspect);
      }
      throw e;
    }
    // Moves the server clock past the accepted HLC; every applied result gets a change_seq, even
    // when the handler wrote nothing that the feed shows.
    ChangeSequencer.Stamp stamp = sequencer.stamp(hlc);
    MutationResult result =
        saveApplied(deviceId, m, stamp.seq(), hlc, clockSuspect, conflicts, null);
    record(deviceId, m);
    return new Processed(view(m, result, false), m.deviceSeq());
  }

  private static MutationContext context(
      UUID deviceId, Mutation m, CurrentUser author, long hlc, boolean clockSuspect) {
    return new MutationContext(
        m.mutationId(),
        deviceId,
        author,
        hlc,
        m.hlc(),
        clockSuspect,
        m.schemaVersion(),
        m.createdAt());
  }

  /**
   * Stores the result of an applied mutation, or holds it in {@code pending} ({@code changeSeq}
   * null while its stamp is deferred).
   */
  private MutationResult saveApplied(
      UUID deviceId,
      Mutation m,
      @Nullable Long changeSeq,
      long hlc,
      boolean clockSuspect,
      int conflicts,
      @Nullable PendingResults pending) {
    return save(
        pending,
        new MutationResult(
            m.mutationId(),
            deviceId,
            m.deviceSeq(),
            m.type(),
            m.authorId(),
            MutationStatus.APPLIED,
            null,
            null,
            changeSeq,
            m.hlc(),
            hlc,
            clockSuspect,
            conflicts,
            m.createdAt(),
            clock.instant(),
            null));
  }

  private MutationResult save(@Nullable PendingResults pending, MutationResult result) {
    if (pending == null) {
      return results.save(result);
    }
    pending.add(result);
    return result;
  }

  private Processed reject(
      UUID deviceId, Mutation m, long hlc, boolean clockSuspect, ApiError error) {
    ApiError stored = fitted(error);
    MutationResult result = results.save(rejection(deviceId, m, hlc, clockSuspect, stored));
    record(deviceId, m);
    return new Processed(view(m, result, false), m.deviceSeq());
  }

  /**
   * Stores a rejection within a batch, or holds it in {@code pending}; the batch writes {@code
   * lastSeq} at its end.
   */
  private Processed reject(
      UUID deviceId,
      Mutation m,
      long hlc,
      boolean clockSuspect,
      ApiError error,
      @Nullable PendingResults pending) {
    ApiError stored = fitted(error);
    MutationResult result = save(pending, rejection(deviceId, m, hlc, clockSuspect, stored));
    recordInBatch(deviceId, m, pending);
    return new Processed(view(m, result, false), m.deviceSeq());
  }

  private MutationResult rejection(
      UUID deviceId, Mutation m, long hlc, boolean clockSuspect, ApiError stored) {
    return new MutationResult(
        m.mutationId(),
        deviceId,
        m.deviceSeq(),
        m.type(),
        m.authorId(),
        MutationStatus.REJECTED,
        stored.code(),
        write(stored),
        null,
        m.hlc(),
        hlc,
        clockSuspect,
        0,
        m.createdAt(),
        clock.instant(),
        patientOf(m));
  }

  /**
   * The patient a mutation's payload names, for the review queue's list of rejections: {@code
   * patientId} (updates and new visits), {@code id} (a registration), or the patient of the
   * follow-up an amendment or void names. Null when the payload names none that can be read.
   */
  @Nullable
  private UUID patientOf(Mutation m) {
    JsonNode payload = m.payload();
    if (payload == null || !payload.isObject()) {
      return null;
    }
    UUID named = uuid(payload.get(m.type().equals("PATIENT_CREATE") ? "id" : "patientId"));
    if (named != null) {
      return named;
    }
    UUID followUp = uuid(payload.get("originalId"));
    if (followUp == null) {
      followUp = uuid(payload.get("followUpId"));
    }
    if (followUp == null) {
      return null;
    }
    return followUpPatient(followUp);
  }

  @Nullable
  private static UUID uuid(@Nullable JsonNode node) {
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return UUID.fromString(node.getStringValue());
    } catch (IllegalArgumentException e) {
      return null; // a malformed id is what the rejection is about; the list shows no patient
    }
  }

  @Nullable
  private UUID followUpPatient(UUID followUpId) {
    Connection connection = transactions.getConnection();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT patient_id FROM follow_up WHERE id = ?")) {
      select.setObject(1, followUpId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    } catch (SQLException e) {
      throw new SyncStoreException("Could not read a follow-up's patient", e);
    }
  }

  /** Records the mutation under the device's seq and advances the device's {@code lastSeq}. */
  private void record(UUID deviceId, Mutation m) {
    devices.insertMutation(deviceId, m.deviceSeq(), m.mutationId());
    devices.updateLastSeq(deviceId, m.deviceSeq());
  }

  /**
   * Records the mutation under the device's seq, or holds the row in {@code pending}; a batch
   * advances {@code lastSeq} once, at its end.
   */
  private void recordInBatch(UUID deviceId, Mutation m, @Nullable PendingResults pending) {
    if (pending != null) {
      pending.record(m.deviceSeq(), m.mutationId());
    } else {
      devices.insertMutation(deviceId, m.deviceSeq(), m.mutationId());
    }
  }

  /**
   * The author as a user with their current area, if they may author mutations on this device: the
   * pushing user or a user who registered the device, and still active.
   */
  private Optional<CurrentUser> author(UUID deviceId, UUID pusher, UUID authorId) {
    if (!authorId.equals(pusher) && devices.countDeviceUser(deviceId, authorId) == 0) {
      return Optional.empty();
    }
    Optional<User> user = users.findById(authorId).filter(User::active);
    return user.map(
        u ->
            new CurrentUser(
                u.id(),
                u.username(),
                u.role(),
                u.countyCode(),
                u.townshipCode(),
                Set.copyOf(users.villageCodes(u.id()))));
  }

  private MutationResult storedResult(UUID mutationId) {
    return results
        .findById(mutationId)
        .orElseThrow(
            () -> new IllegalStateException("Mutation " + mutationId + " has a seq but no result"));
  }

  private PushResult duplicate(Mutation m, MutationResult stored) {
    return view(m, stored, true);
  }

  private PushResult view(Mutation m, MutationResult r, boolean duplicate) {
    ApiError error = r.errorJson() == null ? null : read(r.errorJson());
    return new PushResult(
        r.mutationId(),
        m.deviceSeq(),
        r.status(),
        duplicate,
        r.changeSeq(),
        r.appliedHlc(),
        r.clockSuspect(),
        r.conflicts(),
        error == null ? r.code() : error.code(),
        error == null ? null : error.messageZh(),
        error == null ? null : error.messageEn(),
        error == null ? List.of() : error.fieldErrors());
  }

  /**
   * The error with as many field errors as fit the {@code error_json} column. A binary search on
   * the count: a payload with thousands of bad elements used to serialise the error once per
   * dropped field error, minutes of CPU for one mutation.
   */
  private ApiError fitted(ApiError error) {
    int low = 0; // fits: the error without field errors is far below the column's size
    int high = error.fieldErrors().size();
    if (write(withFields(error, high)).length() <= MAX_ERROR_JSON) {
      return error;
    }
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (write(withFields(error, mid)).length() <= MAX_ERROR_JSON) {
        low = mid;
      } else {
        high = mid;
      }
    }
    ApiError fitted = withFields(error, low);
    if (write(fitted).length() > MAX_ERROR_JSON) {
      throw new IllegalStateException("The error " + error.code() + " does not fit error_json");
    }
    return fitted;
  }

  private static ApiError withFields(ApiError error, int count) {
    return new ApiError(
        error.status(),
        error.code(),
        error.messageZh(),
        error.messageEn(),
        error.fieldErrors().subList(0, count),
        error.help());
  }

  private String write(ApiError error) {
    try {
      return json.writeValueAsString(error);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApiError read(String stored) {
    try {
      return json.readValue(stored, ApiError.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A handler's permanent failure, thrown out of the transaction so that it rolls back. */
  private static final class Rejection extends RuntimeException {

    private final transient ApiError error;
    private final long hlc;
    private final boolean clockSuspect;

    Rejection(ApiError error, long hlc, boolean clockSuspect) {
      super(error.code(), null, false, false);
      this.error = error;
      this.hlc = hlc;
      this.clockSuspect = clockSuspect;
    }
  }
}
