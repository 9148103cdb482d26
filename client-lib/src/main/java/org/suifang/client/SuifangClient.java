package org.suifang.client;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.suifang.client.internal.ClientCore;
import org.suifang.client.internal.PatientOps;
import org.suifang.client.internal.Sleeper;
import org.suifang.client.internal.StoreOpener;
import org.suifang.client.internal.Views;
import org.suifang.client.internal.VisitOps;
import org.suifang.client.internal.state.ClientState;
import org.suifang.client.internal.state.ConflictData;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.client.internal.state.RejectionData;
import org.suifang.client.internal.state.Tx;
import org.suifang.client.internal.sync.SyncEngine;
import org.suifang.rules.RuleSet;

/**
 * The Suifang SDK's entry point: an offline store of patients and follow-ups for one tablet, the
 * clinical rules, the worklists, and the sync with the Suifang server (docs/sync-protocol.md).
 *
 * <pre>{@code
 * SuifangClient client = SuifangClient.newBuilder()
 *     .serverUrl("https://suifang.example.cn/")
 *     .dataDirectory(context.getNoBackupFilesDir())
 *     .appVersion("0.3.0")
 *     .build();
 * client.login("doc1", password);                      // online, once
 * Patient p = client.patients().register(registration); // offline from here on
 * Visit v = client.followUps().record(p.id(), form);    // assessed at once
 * v.assessment().nextStep();
 * SyncReport report = client.sync();                     // when there is a network
 * }</pre>
 *
 * <p>Everything works offline except {@link #login}, {@link #sync} and the server side of {@link
 * #logout}. Local writes are durable when they return. Thread-safe: calls may come from any thread;
 * {@link #sync} runs on the caller's thread and blocks on the network (call it off the UI thread),
 * while local reads and writes go on meanwhile. {@code ExampleUsageTest} keeps the example in step.
 */
public final class SuifangClient implements Closeable {
  private final ClientCore core;
  private final SyncEngine engine;
  private final Patients patients;
  private final FollowUps followUps;
  private final Worklists worklists;

  private SuifangClient(ClientCore core) {
    this.core = core;
    this.engine = new SyncEngine(core);
    this.patients = new Patients(new PatientOps(core));
    this.followUps = new FollowUps(new VisitOps(core));
    this.worklists = new Worklists(core);
  }

  /** Returns a new builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Logs in ({@code POST /api/v1/auth/login}), saves the session in the {@link TokenStore} and
   * registers this device for the user ({@code POST /api/v1/devices}). Needs the network. If the
   * device registration fails, the login stands (the session is saved) and the exception is thrown;
   * the next {@link #sync} registers the device. Another user may log in on the same tablet: the
   * outbox stays, each mutation keeps its author.
   *
   * @throws SuifangAuthException {@code LOGIN_FAILED}, {@code ACCOUNT_LOCKED}, {@code
   *     ACCOUNT_DISABLED}, … (the server's code and messages)
   * @throws SuifangNetworkException {@code OFFLINE}, {@code TIMEOUT}, {@code SERVER_ERROR}
   */
  public User login(String username, String password) throws SuifangException {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Session session = core.auth().login(username, password);
    engine.register();
    return session.user();
  }

  /**
   * Returns the logged-in user, from the stored session (works offline).
   *
   * @throws SuifangAuthException {@code NOT_LOGGED_IN}
   */
  public User currentUser() throws SuifangException {
    return core.auth().requireUser();
  }

  /**
   * Logs out: revokes the session on the server when online and forgets it on the device. The
   * outbox is never discarded; it is sent by the next user's sync.
   *
   * @return whether the server revoked the session (false when offline or not logged in)
   */
  public boolean logout() throws SuifangException {
    return core.auth().logout();
  }

  /** Returns the patients on this device. */
  public Patients patients() {
    return patients;
  }

  /** Returns the follow-up records on this device. */
  public FollowUps followUps() {
    return followUps;
  }

  /** Returns the worklists, computed offline. */
  public Worklists worklists() {
    return worklists;
  }

  /**
   * Sends the outbox and pulls the server's changes until both are done (docs/sync-protocol.md).
   * Blocks on the network; one sync runs at a time (a second caller waits). Transient failures are
   * retried with backoff (at most {@link Builder#maxAttempts} tries in a row); a failed sync keeps
   * everything stored so far and its report says why. Never throws a {@link SuifangException}.
   */
  public SyncReport sync() {
    return engine.sync();
  }

  /** Adds a listener for the progress of {@link #sync()}; see {@link SyncListener}. */
  public void addSyncListener(SyncListener listener) {
    engine.addListener(listener);
  }

  /** Removes a listener added by {@link #addSyncListener}. */
  public void removeSyncListener(SyncListener listener) {
    engine.removeListener(listener);
  }

  /** Returns the sync state of the device: pending changes, last sync, needs-attention count. */
  public SyncState syncState() {
    synchronized (core.lock()) {
      ClientState s = core.state();
      List<OutboxEntry> outbox = s.outbox();
      int unseen = 0;
      for (RejectionData r : s.rejections()) {
        if (!r.acknowledged) {
          unseen++;
        }
      }
      Instant oldest = outbox.isEmpty() ? null : outbox.get(0).mutation().createdAt;
      return SyncState.newBuilder()
          .deviceId(Objects.requireNonNull(s.deviceId()))
          .pendingCount(outbox.size())
          .oldestPendingAt(oldest)
          .lastSuccessfulSyncAt(s.lastSuccessfulSyncAt())
          .lastResetAt(s.lastResetAt())
          .needsAttentionCount(unseen)
          .build();
    }
  }

  /**
   * Returns every change the server rejected, newest first, acknowledged ones included (see {@link
   * Rejection#acknowledged()}). Rejections are never dropped.
   */
  public List<Rejection> needsAttention() {
    synchronized (core.lock()) {
      List<Rejection> out = new ArrayList<>();
      for (RejectionData r : core.state().rejections()) {
        out.add(Views.rejection(r));
      }
      Collections.reverse(out);
      return out;
    }
  }

  /**
   * Marks a rejection seen; it stays in {@link #needsAttention()}.
   *
   * @throws SuifangException {@code REJECTION_NOT_FOUND}, {@code STORAGE_FAILED}
   */
  public void acknowledge(UUID mutationId) throws SuifangException {
    Objects.requireNonNull(mutationId, "mutationId == null");
    synchronized (core.lock()) {
      boolean known = false;
      for (RejectionData r : core.state().rejections()) {
        known |= mutationId.equals(r.mutationId);
      }
      if (!known) {
        throw new SuifangException(
            ErrorCodes.REJECTION_NOT_FOUND,
            "没有该项被拒绝的修改。",
            "No rejected change with mutation id " + mutationId + ".");
      }
      core.commit(Tx.acknowledge(mutationId, core.now()));
    }
  }

  /** Returns the conflict rows pulled for the patients of this device. */
  public List<Conflict> conflicts() {
    synchronized (core.lock()) {
      List<Conflict> out = new ArrayList<>();
      for (ConflictData c : core.state().conflicts().values()) {
        out.add(Views.conflict(c));
      }
      return out;
    }
  }

  /** Returns the rule set visits are assessed with (see {@link Builder#ruleSet}). */
  public RuleSet ruleSet() {
    return core.ruleSet();
  }

  /** Returns this device's id (it changes only if the server finds the identity cloned). */
  public UUID deviceId() {
    synchronized (core.lock()) {
      return Objects.requireNonNull(core.state().deviceId());
    }
  }

  /** Closes the local store; the client is unusable afterwards. */
  @Override
  public void close() throws IOException {
    core.close();
  }

  /** Configures and opens a {@link SuifangClient}. Not thread-safe. */
  public static final class Builder {
    private final ClientCore.Config config = new ClientCore.Config();
    @Nullable private File dataDirectory;
    @Nullable private TokenStore tokenStore;

    private Builder() {}

    /** Sets the server's base URL, e.g. {@code https://suifang.example.cn/} (required). */
    public Builder serverUrl(String serverUrl) {
      Objects.requireNonNull(serverUrl, "serverUrl == null");
      HttpUrl url = HttpUrl.parse(serverUrl.endsWith("/") ? serverUrl : serverUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + serverUrl);
      }
      config.serverUrl = url;
      return this;
    }

    /**
     * Sets the directory of the local store and the device id (required). On Android use {@code
     * Context.getNoBackupFilesDir()}: a restored backup must not carry another tablet's identity.
     */
    public Builder dataDirectory(File dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory == null");
      return this;
    }

    /**
     * Sets the AES key that encrypts the local store and the default token store, so a lost tablet
     * leaks no names or ID numbers. Optional; keep it in the Android Keystore.
     */
    public Builder encryptionKey(@Nullable SecretKey key) {
      config.encryptionKey = key;
      return this;
    }

    /** Sets the clock (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      config.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the OkHttp client to build on (its timeouts, TLS, proxy); optional. */
    public Builder okHttpClient(OkHttpClient client) {
      config.http = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets where the login session is kept (default: a {@link FileTokenStore}). */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
      return this;
    }

    /** Sets the app version sent with every sync and registration. */
    public Builder appVersion(String appVersion) {
      config.appVersion = Objects.requireNonNull(appVersion, "appVersion == null");
      return this;
    }

    /**
     * Sets the rule set that assesses visits. Default: the server's ({@code ruleSetId} of the
     * device registration) when this SDK knows it, else {@code RuleSets.defaultRuleSet()}.
     */
    public Builder ruleSet(@Nullable RuleSet ruleSet) {
      config.ruleSet = ruleSet;
      return this;
    }

    /**
     * Sets how long acknowledged mutations are kept for re-sending after a server restore (default
     * 90 days), counted in the server's time, so a wrong tablet clock does not shorten it.
     */
    public Builder mutationRetention(Duration retention) {
      Objects.requireNonNull(retention, "retention == null");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("negative retention " + retention);
      }
      config.retentionMillis = retention.toMillis();
      return this;
    }

    /** Sets the most tries in a row of one sync request before the sync fails (default 5). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      config.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the worklist rules (default {@link WorklistSettings#DEFAULT}, the server's). */
    public Builder worklistSettings(WorklistSettings settings) {
      config.worklists = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Sets what the device registration reports, e.g. {@code "Android 8.1"}, {@code "TB-X104F"}.
     */
    public Builder device(String platform, String model) {
      config.platform = Objects.requireNonNull(platform, "platform == null");
      config.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    // Package-private hooks for tests (an in-memory store, no real sleeping, fixed randomness).

    Builder localStore(StoreOpener opener) {
      config.storeOpener = Objects.requireNonNull(opener, "opener == null");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      config.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    Builder random(Random random) {
      config.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    Builder compactThresholdBytes(long bytes) {
      config.compactThresholdBytes = bytes;
      return this;
    }

    /**
     * Opens the local store (replaying it) and returns the client.
     *
     * @throws IllegalStateException if the server URL or the data directory is not set
     * @throws SuifangException {@code STORAGE_FAILED} if the store cannot be opened or read
     */
    public SuifangClient build() throws SuifangException {
      if (config.serverUrl == null) {
        throw new IllegalStateException("serverUrl not set");
      }
      if (dataDirectory == null) {
        throw new IllegalStateException("dataDirectory not set");
      }
      config.dataDirectory = dataDirectory;
      config.tokenStore =
          tokenStore != null ? tokenStore : new FileTokenStore(dataDirectory, config.encryptionKey);
      ClientCore core = ClientCore.open(config);
      try {
        core.auth().session();
      } catch (SuifangException e) {
        try {
          core.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      return new SuifangClient(core);
    }
  }
}
