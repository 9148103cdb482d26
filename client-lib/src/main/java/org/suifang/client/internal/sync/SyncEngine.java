package org.suifang.client.internal.sync;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.Nullable;
import org.suifang.client.ErrorCodes;
import org.suifang.client.Rejection;
import org.suifang.client.SuifangAuthException;
import org.suifang.client.SuifangException;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.SyncListener;
import org.suifang.client.SyncPhase;
import org.suifang.client.SyncProgress;
import org.suifang.client.SyncReport;
import org.suifang.client.User;
import org.suifang.client.internal.Backoff;
import org.suifang.client.internal.ClientCore;
import org.suifang.client.internal.Views;
import org.suifang.client.internal.net.Answer;
import org.suifang.client.internal.net.DeviceRequest;
import org.suifang.client.internal.net.DeviceResponse;
import org.suifang.client.internal.net.ErrorBody;
import org.suifang.client.internal.net.MutationWire;
import org.suifang.client.internal.net.ResultWire;
import org.suifang.client.internal.net.SyncRequest;
import org.suifang.client.internal.net.SyncResponse;
import org.suifang.client.internal.state.AnswerReader;
import org.suifang.client.internal.state.ClientState;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.client.internal.state.Registration;
import org.suifang.client.internal.state.RejectionData;
import org.suifang.client.internal.state.Tx;

/**
 * Runs {@code POST /api/v1/sync} round trips until the outbox is empty and the change feed is read
 * to its head (docs/sync-protocol.md). Each answer is applied as one local transaction. One sync at
 * a time; local writes may go on meanwhile (the state lock is never held during network calls).
 *
 * <p>Retried: timeouts, lost connections, 5xx and unreadable answers, with jittered exponential
 * backoff, at most {@code maxAttempts} tries in a row. A 401 refreshes the token once; a 404 {@code
 * DEVICE_NOT_REGISTERED} registers again; a 409 {@code DEVICE_IDENTITY_CONFLICT} takes a new device
 * id and renumbers the outbox; a 413 halves the push batch and the page. Not retried: other 4xx.
 */
public final class SyncEngine {
  /** The most round trips one sync makes. */
  public static final int MAX_ROUND_TRIPS = 1000;

  /** The most mutations one request carries. */
  public static final int MAX_BATCH = 200;

  static final int PULL_LIMIT = 500;
  // 500 compact follow-ups are about 0.93 MB before compression (about 62 KB gzipped on the wire).
  static final long PULL_MAX_BYTES = 2 * 1024 * 1024;
  static final long PULL_MIN_BYTES = 16 * 1024;
  static final int MAX_STALLS = 3;
  static final int MAX_IDENTITY_CHANGES = 3;

  private final ClientCore core;
  private final Backoff backoff;
  private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
  private final Object syncLock = new Object();

  public SyncEngine(ClientCore core) {
    this.core = core;
    this.backoff = new Backoff(1000, 5 * 60 * 1000, core.config().random);
  }

  public void addListener(SyncListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
  }

  public void removeListener(SyncListener listener) {
    listeners.remove(listener);
  }

  /** Runs one sync; never throws a {@link SuifangException} (it is in the report). */
  public SyncReport sync() {
    synchronized (syncLock) {
      return new Run().run();
    }
  }

  /**
   * Registers this device for the logged-in user ({@code POST /api/v1/devices}) and stores the
   * answer. When the server knows seqs this device never used (a copied data directory), takes a
   * new device id instead.
   */
  public void register() throws SuifangException {
    synchronized (syncLock) {
      new Run().register();
    }
  }

  /** What one request carries. */
  private static final class Batch {
    final SyncRequest request;
    final UUID deviceId;

    Batch(SyncRequest request, UUID deviceId) {
      this.request = request;
      this.deviceId = deviceId;
    }
  }

  /** An answer and the batch it answers. */
  private static final class Exchange {
    final Batch batch;
    final SyncResponse response;

    Exchange(Batch batch, SyncResponse response) {
      this.batch = batch;
      this.response = response;
    }
  }

  private final class Run {
    private final Instant started = core.now();
    private final long sent0 = core.api().counter().sent();
    private final long received0 = core.api().counter().received();
    private final long requests0 = core.api().counter().requests();
    private int pushed;
    private int pulled;
    private int conflicts;
    private boolean reset;
    private final List<Rejection> rejected = new ArrayList<>();
    private int batchSize = MAX_BATCH;
    private int pullLimit = PULL_LIMIT;
    private long pullMaxBytes = PULL_MAX_BYTES;
    private int identityChanges;

    SyncReport run() {
      progress(SyncPhase.STARTED);
      SuifangException error = null;
      try {
        loop();
        core.compactIfLarge();
      } catch (SuifangException e) {
        error = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error =
            new SuifangException(
                ErrorCodes.INTERRUPTED, "同步被中断。", "The sync was interrupted.", 0, e);
      }
      SyncReport report =
          SyncReport.newBuilder()
              .success(error == null)
              .error(error)
              .pushed(pushed)
              .pulled(pulled)
              .rejected(rejected)
              .conflicts(conflicts)
              .bytesSent(core.api().counter().sent() - sent0)
              .bytesReceived(core.api().counter().received() - received0)
              .roundTrips((int) (core.api().counter().requests() - requests0))
              .duration(Duration.between(started, core.now()))
              .resetHappened(reset)
              .startedAt(started)
              .build();
      progress(SyncPhase.FINISHED);
      return report;
    }

    private void loop() throws SuifangException, InterruptedException {
      User user = core.auth().requireUser();
      if (needsRegistration(user)) {
        register();
      }
      int stalls = 0;
      for (int round = 0; ; round++) {
        if (round >= MAX_ROUND_TRIPS) {
          throw new SuifangException(
              ErrorCodes.TOO_MANY_ROUND_TRIPS,
              "本次同步次数已达上限，请稍后继续同步。",
              "This sync reached its limit of " + MAX_ROUND_TRIPS + " round trips; sync again.");
        }
        Batch first = batchOrNewIdentity();
        progress(SyncPhase.EXCHANGING);
        Exchange exchange = exchange(first);
        // The batch the answer is for: a re-registration in between sends another device id.
        Batch batch = exchange.batch;
        SyncResponse response = exchange.response;
        long cursorBefore;
        boolean done;
        boolean cloned;
        synchronized (core.lock()) {
          ClientState state = core.state();
          cursorBefore = state.cursorSeq();
          JsonObject cursor = state.cursor();
          core.commit(
              Tx.roundTrip(batch.deviceId, response, core.config().retentionMillis, core.now()));
          count(response);
          boolean progressed =
              !isEmpty(response.results)
                  || !isEmpty(response.changes)
                  || response.expectedSeq != null
                  || response.resetRequired
                  || !Objects.equals(cursor, state.cursor())
                  || state.cursorSeq() != cursorBefore;
          stalls = progressed ? 0 : stalls + 1;
          done =
              !response.hasMore
                  && state.outbox().isEmpty()
                  && state.serverLastSeq() >= state.ackedThroughSeq();
          // The server acknowledged seqs this device never used: another tablet (a copy of this
          // one's files) pushes under the same id. Waiting for those acknowledgements would never
          // end once a restore takes them back, so take a new id now, as at registration.
          cloned = state.ackedThroughSeq() > state.lastDeviceSeq();
        }
        progress(SyncPhase.APPLIED);
        if (cloned) {
          newIdentity();
          stalls = 0;
          continue;
        }
        if (done) {
          return;
        }
        if (stalls >= MAX_STALLS) {
          throw new SuifangException(
              ErrorCodes.SYNC_STALLED,
              "同步没有进展，已停止；请稍后重试。",
              "The sync made no progress in " + MAX_STALLS + " round trips and stopped.");
        }
      }
    }

    private boolean needsRegistration(User user) {
      synchronized (core.lock()) {
        Registration r = core.state().registration();
        return r == null
            || r.deviceId == null
            || !r.deviceId.equals(core.state().deviceId())
            || r.userId == null
            || !r.userId.equals(user.id());
      }
    }

    /**
     * One exchange, retried as the protocol says; returns the answer to apply with the batch it
     * answers, which is not {@code first} after a new registration or device id.
     */
    private Exchange exchange(Batch first) throws SuifangException, InterruptedException {
      Batch batch = first;
      int failures = 0;
      int registrations = 0;
      while (true) {
        SuifangException failure;
        try {
          Answer a = core.auth().postForText("api/v1/sync", batch.request, true);
          if (a.isSuccessful()) {
            return new Exchange(batch, readAnswer(a));
          }
          ErrorBody e = a.error();
          String code = e.code == null ? "" : e.code;
          if (a.status == 404 && "DEVICE_NOT_REGISTERED".equals(code)) {
            if (++registrations > 2) {
              throw requestError(a, e);
            }
            register();
            batch = batchOrNewIdentity();
            continue;
          }
          if (a.status == 409 && "DEVICE_IDENTITY_CONFLICT".equals(code)) {
            newIdentity();
            batch = batchOrNewIdentity();
            continue;
          }
          if (a.status == 413) {
            if (batchSize == 1 && pullLimit == 1) {
              throw requestError(a, e);
            }
            batchSize = Math.max(1, batchSize / 2);
            pullLimit = Math.max(1, pullLimit / 2);
            pullMaxBytes = Math.max(PULL_MIN_BYTES, pullMaxBytes / 2);
            batch = batchOrNewIdentity();
            continue;
          }
          if (a.status == 401 || a.status == 403) {
            throw new SuifangAuthException(code, e.messageZh, e.messageEn, a.status, null);
          }
          if (a.status < 500) {
            throw requestError(a, e);
          }
          failure = requestError(a, e);
        } catch (SuifangNetworkException e) {
          if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
            throw e;
          }
          failure = e;
        }
        failures++;
        if (failures >= Math.max(1, core.config().maxAttempts)) {
          throw failure;
        }
        progress(SyncPhase.WAITING_TO_RETRY);
        core.config().sleeper.sleep(backoff.delayMillis(failures));
      }
    }

    /** The next batch; takes a new device id first when the mutations to re-send are gone. */
    private Batch batchOrNewIdentity() throws SuifangException {
      Batch b = batch();
      if (b == null) {
        newIdentity();
        b = batch();
        if (b == null) {
          throw new IllegalStateException("no batch after a new device id");
        }
      }
      return b;
    }

    /**
     * The next request: the retained mutations the server needs again after a restore (from its
     * lastSeq + 1), then the outbox, at most {@code batchSize} in all, in device-seq order. Null
     * when a mutation to re-send is no longer retained.
     */
    @Nullable
    private Batch batch() {
      synchronized (core.lock()) {
        ClientState state = core.state();
        UUID deviceId = Objects.requireNonNull(state.deviceId());
        List<OutboxEntry> outbox = state.outbox();
        long firstPending = outbox.isEmpty() ? state.lastDeviceSeq() + 1 : outbox.get(0).seq();
        List<MutationWire> mutations = new ArrayList<>();
        long from = state.serverLastSeq() + 1;
        if (from < firstPending) {
          Map<Long, OutboxEntry> retained = new HashMap<>();
          for (OutboxEntry e : state.sent()) {
            if (deviceId.equals(e.ackedDeviceId)) {
              retained.put(e.seq(), e);
            }
          }
          for (long seq = from; seq < firstPending && mutations.size() < batchSize; seq++) {
            OutboxEntry e = retained.get(seq);
            if (e == null) {
              return null;
            }
            mutations.add(e.mutation());
          }
        }
        boolean resendsComplete = from >= firstPending || from + mutations.size() >= firstPending;
        if (resendsComplete) {
          for (OutboxEntry e : outbox) {
            if (mutations.size() >= batchSize) {
              break;
            }
            mutations.add(e.mutation());
          }
        }
        SyncRequest r = new SyncRequest();
        r.deviceId = deviceId;
        r.cursor = state.cursor();
        r.schemaVersion = ClientCore.SCHEMA_VERSION;
        r.appVersion = core.config().appVersion;
        r.clientHlc = state.hlc();
        r.clientTime = core.now();
        r.pendingCount = outbox.size();
        r.oldestPendingAt = outbox.isEmpty() ? null : outbox.get(0).mutation().createdAt;
        r.mutations = mutations;
        r.pullLimit = pullLimit;
        r.pullMaxBytes = pullMaxBytes;
        // Not asked for yet: with compact follow-ups TwoServersOnePostgresTest found a tablet's
        // rejected visit on the server (2 runs of 3); until that is understood, the full form.
        r.compactChanges = null;
        return new Batch(r, deviceId);
      }
    }

    /** Registers the current device id; a server that knows more seqs forces a new id. */
    void register() throws SuifangException {
      User user = core.auth().requireUser();
      UUID deviceId;
      synchronized (core.lock()) {
        deviceId = Objects.requireNonNull(core.state().deviceId());
      }
      progress(SyncPhase.REGISTERING);
      DeviceResponse answer = postDevice(deviceId);
      boolean cloned;
      synchronized (core.lock()) {
        if (!deviceId.equals(core.state().deviceId())) {
          return;
        }
        core.commit(Tx.registered(Registration.of(answer, deviceId, user.id()), core.now()));
        cloned = answer.lastSeq > core.state().lastDeviceSeq();
      }
      if (cloned) {
        newIdentity();
      }
    }

    /**
     * Takes a new device id (a cloned or restored tablet, or mutations to re-send that are gone),
     * registers it and renumbers the pending mutations from its lastSeq + 1; mutation ids stay.
     */
    private void newIdentity() throws SuifangException {
      if (++identityChanges > MAX_IDENTITY_CHANGES) {
        throw new SuifangException(
            ErrorCodes.SYNC_STALLED,
            "设备身份多次冲突，同步已停止。",
            "The device identity conflicted " + MAX_IDENTITY_CHANGES + " times; the sync stopped.");
      }
      User user = core.auth().requireUser();
      UUID deviceId = UUID.randomUUID();
      progress(SyncPhase.REGISTERING);
      DeviceResponse answer = postDevice(deviceId);
      synchronized (core.lock()) {
        core.commit(Tx.newDevice(Registration.of(answer, deviceId, user.id()), core.now()));
      }
    }

    private DeviceResponse postDevice(UUID deviceId) throws SuifangException {
      DeviceRequest body = new DeviceRequest();
      body.deviceId = deviceId;
      body.appVersion = core.config().appVersion;
      body.platform = core.config().platform;
      body.model = core.config().model;
      Answer a = core.auth().post("api/v1/devices", body, false);
      if (!a.isSuccessful()) {
        ErrorBody e = a.error();
        if (a.status == 401 || a.status == 403) {
          throw new SuifangAuthException(
              e.code == null ? "UNAUTHENTICATED" : e.code,
              e.messageZh,
              e.messageEn,
              a.status,
              null);
        }
        throw requestError(a, e);
      }
      return a.as(DeviceResponse.class);
    }

    private void count(SyncResponse r) {
      if (r.results != null) {
        for (ResultWire result : r.results) {
          if ("APPLIED".equals(result.status)) {
            pushed++;
          } else if ("REJECTED".equals(result.status)) {
            RejectionData stored = rejection(result.mutationId);
            if (stored != null) {
              rejected.add(Views.rejection(stored));
            }
          }
          conflicts += result.conflicts;
        }
      }
      if (r.changes != null) {
        pulled += r.changes.size();
      }
      reset |= r.resetRequired;
    }

    @Nullable
    private RejectionData rejection(@Nullable UUID mutationId) {
      for (RejectionData r : core.state().rejections()) {
        if (r.mutationId != null && r.mutationId.equals(mutationId)) {
          return r;
        }
      }
      return null;
    }

    private void progress(SyncPhase phase) {
      if (listeners.isEmpty()) {
        return;
      }
      int pending;
      synchronized (core.lock()) {
        pending = core.state().outbox().size();
      }
      SyncProgress p =
          SyncProgress.newBuilder()
              .phase(phase)
              .pushed(pushed)
              .pulled(pulled)
              .roundTrips((int) (core.api().counter().requests() - requests0))
              .pendingCount(pending)
              .build();
      for (SyncListener l : listeners) {
        l.onProgress(p);
      }
    }
  }

  /**
   * Reads a successful sync answer (taken as text, {@code Auth.postForText}) and checks that every
   * change row can be applied ({@link ClientState#validate}), before anything of it is stored. The
   * usual answer is read in one streaming pass into typed records ({@link AnswerReader}); any other
   * is read as a tree, which makes the errors: {@code BAD_RESPONSE} for an unreadable answer or a
   * row that cannot be applied.
   */
  public static SyncResponse readAnswer(Answer a) throws SuifangNetworkException {
    String text = a.text();
    SyncResponse usual = text == null ? null : AnswerReader.read(text);
    if (usual != null) {
      return usual;
    }
    SyncResponse response = a.as(SyncResponse.class);
    try {
      ClientState.validate(response);
    } catch (com.google.gson.JsonParseException e) {
      throw new SuifangNetworkException(
          ErrorCodes.BAD_RESPONSE,
          "服务器返回的数据无法使用。",
          "The server's answer cannot be applied: " + e.getMessage(),
          a.status,
          e);
    }
    return response;
  }

  private static SuifangNetworkException requestError(Answer a, ErrorBody e) {
    String code = e.code == null || e.code.isEmpty() ? "HTTP_" + a.status : e.code;
    return new SuifangNetworkException(code, e.messageZh, e.messageEn, a.status, null);
  }

  private static boolean isEmpty(@Nullable List<?> list) {
    return list == null || list.isEmpty();
  }
}
