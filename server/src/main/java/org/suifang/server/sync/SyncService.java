package org.suifang.server.sync;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;

/**
 * One sync round trip (docs/sync-protocol.md#post-apisync): pushes the request's mutations, each
 * exactly once, in batches of up to {@value #BATCH} per transaction (a run of follow-up mutations
 * in batches of up to {@value #FOLLOW_UP_BATCH}, {@link #batchEnd}; {@link
 * MutationProcessor#processBatch}), then reads the next page of the change feed for the
 * authenticated user ({@link ChangeFeed}).
 *
 * <p>A temporary failure of a mutation (any exception but an {@link ApiException}) answers {@link
 * SyncError#SYNC_UNAVAILABLE}; the mutations before it stay committed and a retry answers them as
 * duplicates.
 */
@Singleton
class SyncService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  /** The earliest time a request may carry. */
  static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest time a request may carry. */
  static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * The most mutations processed in one transaction. A batch holds the {@code sync_clock} lock from
   * its first applied mutation to its commit, and its connection all along: ten amortise the cost
   * of a transaction (device lock, commit, author lookups) while other devices' batches wait a
   * tenth of what a whole request of 200 would make them wait (with 50 tablets pushing at once on
   * PostgreSQL, batches of 100 left connections waiting past the pool's 30 s timeout).
   */
  static final int BATCH = 10;

  /**
   * The most follow-up mutations processed in one transaction when a request's next mutations are
   * all follow-up mutations ({@link MutationProcessor#deferrable}): such a batch takes the {@code
   * sync_clock} lock only at its end, so it can be longer and spread the cost of its transaction,
   * its device lock and its author lookups over more visits.
   */
  static final int FOLLOW_UP_BATCH = 50;

  private final TransactionOperations<Connection> transactions;
  private final DeviceService devices;
  private final DeviceRepository deviceRows;
  private final MutationProcessor processor;
  private final ChangeFeed feed;
  private final ChangeSequencer sequencer;
  private final Clock clock;

  SyncService(
      TransactionOperations<Connection> transactions,
      DeviceService devices,
      DeviceRepository deviceRows,
      MutationProcessor processor,
      ChangeFeed feed,
      ChangeSequencer sequencer,
      Clock clock) {
    this.transactions = transactions;
    this.devices = devices;
    this.deviceRows = deviceRows;
    this.processor = processor;
    this.feed = feed;
    this.sequencer = sequencer;
    this.clock = clock;
  }

  /**
   * Pushes and pulls for the user's device.
   *
   * @throws ApiException {@link SyncError#DEVICE_NOT_REGISTERED} when the user has not registered
   *     the device, {@link SyncError#DEVICE_IDENTITY_CONFLICT} for a cloned device, {@link
   *     SyncError#SYNC_UNAVAILABLE} for a temporary failure
   */
  SyncResponse sync(SyncRequest request, CurrentUser user) {
    checkTimes(request);
    Instant now = clock.instant();
    Long clockOffset =
        request.clientTime() == null
            ? null
            : request.clientTime().toEpochMilli() - now.toEpochMilli();
    long lastSeq =
        transactions.executeWrite(
            status -> {
              Device device =
                  devices
                      .registeredBy(request.deviceId(), user)
                      .orElseThrow(() -> new ApiException(SyncError.DEVICE_NOT_REGISTERED));
              deviceRows.updateReported(
                  device.id(),
                  now,
                  request.appVersion(),
                  request.pendingCount() == null ? 0 : request.pendingCount(),
                  request.oldestPendingAt(),
                  clockOffset);
              return device.lastSeq();
            });

    List<PushResult> results = new ArrayList<>();
    Long expectedSeq = null;
    long ackChangeSeq = 0;
    List<Mutation> mutations = request.mutationsOrEmpty();
    int next = 0;
    while (next < mutations.size() && expectedSeq == null) {
      List<Mutation> batch = mutations.subList(next, batchEnd(mutations, next));
      for (MutationProcessor.Outcome outcome : processBatch(request.deviceId(), user, batch)) {
        if (outcome instanceof MutationProcessor.Processed processed) {
          next++;
          results.add(processed.result());
          lastSeq = processed.lastSeq();
          if (processed.result().changeSeq() != null) {
            ackChangeSeq = Math.max(ackChangeSeq, processed.result().changeSeq());
          }
        } else if (outcome instanceof MutationProcessor.Gap gap) {
          expectedSeq = gap.expectedSeq();
          lastSeq = gap.lastSeq();
          break;
        } else if (outcome instanceof MutationProcessor.IdentityConflict conflict) {
          throw identityConflict(conflict.deviceSeq());
        } else if (outcome instanceof MutationProcessor.Failed failed) {
          // The mutations before it committed; the retry answers them as duplicates.
          Mutation mutation = mutations.get(next);
          LOG.warn(
              "Sync of device {} stopped at mutation {} (seq {}, {}): temporary failure",
              request.deviceId(),
              mutation.mutationId(),
              mutation.deviceSeq(),
              mutation.type(),
              failed.cause());
          throw new ApiException(SyncError.SYNC_UNAVAILABLE);
        }
      }
    }

    ChangeFeed.Page page;
    long serverHlc;
    try {
      page =
          feed.pull(
              request.cursor(),
              user,
              request.pullLimitOrDefault(),
              request.pullMaxBytesOrDefault(),
              Boolean.TRUE.equals(request.compactChanges()));
      serverHlc =
          transactions.executeWrite(
              status -> {
                deviceRows.updateLastSync(request.deviceId(), clock.instant());
                return sequencer.currentHlc();
              });
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      // The pushed mutations are committed; the retry answers them as duplicates and pulls again.
      LOG.warn("Sync of device {}: the pull failed: temporary failure", request.deviceId(), e);
      throw new ApiException(SyncError.SYNC_UNAVAILABLE);
    }
    return new SyncResponse(
        results,
        lastSeq,
        expectedSeq,
        ackChangeSeq,
        page.resetRequired(),
        page.changes(),
        page.nextCursor(),
        page.hasMore(),
        serverHlc,
        clock.instant());
  }

  /**
   * Where the batch that starts at {@code from} ends: after the run of follow-up mutations there,
   * up to {@value #FOLLOW_UP_BATCH}, when it is longer than {@value #BATCH}; otherwise after
   * {@value #BATCH} mutations of any types.
   */
  static int batchEnd(List<Mutation> mutations, int from) {
    int end = from;
    while (end < mutations.size()
        && end - from < FOLLOW_UP_BATCH
        && MutationProcessor.deferrable(mutations.get(end).type())) {
      end++;
    }
    return end - from > BATCH ? end : Math.min(mutations.size(), from + BATCH);
  }

  /**
   * The outcomes of a batch of the request's mutations: processed in one transaction ({@link
   * MutationProcessor#processBatch}); if that fails (a deadlock, a lock wait, a database outage),
   * nothing of it was committed and the batch is processed again one mutation per transaction, each
   * with its own retries ({@link MutationProcessor#process}), which stops at the first mutation
   * that still fails.
   */
  private List<MutationProcessor.Outcome> processBatch(
      UUID deviceId, CurrentUser user, List<Mutation> batch) {
    try {
      return processor.processBatch(deviceId, user.id(), batch);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.info(
          "Sync of device {}: a batch of {} mutations failed, processing them one by one",
          deviceId,
          batch.size(),
          e);
    }
    List<MutationProcessor.Outcome> outcomes = new ArrayList<>();
    for (Mutation mutation : batch) {
      MutationProcessor.Outcome outcome;
      try {
        outcome = processor.process(deviceId, user.id(), mutation);
      } catch (ApiException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.warn(
            "Sync of device {} stopped at mutation {} (seq {}, {}): temporary failure",
            deviceId,
            mutation.mutationId(),
            mutation.deviceSeq(),
            mutation.type(),
            e);
        throw new ApiException(SyncError.SYNC_UNAVAILABLE);
      }
      outcomes.add(outcome);
      if (!(outcome instanceof MutationProcessor.Processed)) {
        break;
      }
    }
    return outcomes;
  }

  /**
   * Refuses times outside the years 1-9999 (400): beyond them the clock offset overflows a long (a
   * 500 before) and the database cannot store them. A tablet whose clock was reset reports 1970,
   * well inside.
   */
  private static void checkTimes(SyncRequest request) {
    List<FieldError> errors = new ArrayList<>();
    checkTime(request.clientTime(), "clientTime", errors);
    checkTime(request.oldestPendingAt(), "oldestPendingAt", errors);
    List<Mutation> mutations = request.mutationsOrEmpty();
    for (int i = 0; i < mutations.size(); i++) {
      checkTime(mutations.get(i).createdAt(), "mutations[" + i + "].createdAt", errors);
    }
    if (!errors.isEmpty()) {
      throw new ApiException(CommonError.VALIDATION_FAILED, errors);
    }
  }

  private static void checkTime(Instant time, String field, List<FieldError> errors) {
    if (time != null && (time.isBefore(MIN_TIME) || time.isAfter(MAX_TIME))) {
      errors.add(
          new FieldError(
              field,
              "OUT_OF_RANGE",
              "时间超出允许范围（公元1年至9999年）。",
              "The time must lie in the years 1 to 9999."));
    }
  }

  private static ApiException identityConflict(long deviceSeq) {
    return new ApiException(
        SyncError.DEVICE_IDENTITY_CONFLICT,
        List.of(
            new FieldError(
                "mutations.deviceSeq",
                "SEQ_TAKEN",
                "设备序号 " + deviceSeq + " 已对应另一条操作。",
                "Device seq " + deviceSeq + " already holds another mutation.")));
  }
}
