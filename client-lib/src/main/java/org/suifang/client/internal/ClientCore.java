package org.suifang.client.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import javax.annotation.Nullable;
import javax.crypto.SecretKey;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.suifang.client.MutationType;
import org.suifang.client.SuifangException;
import org.suifang.client.TokenStore;
import org.suifang.client.User;
import org.suifang.client.WorklistSettings;
import org.suifang.client.internal.net.Api;
import org.suifang.client.internal.net.MutationWire;
import org.suifang.client.internal.state.ChinaTime;
import org.suifang.client.internal.state.ClientState;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.client.internal.state.Registration;
import org.suifang.client.internal.state.Tx;
import org.suifang.client.internal.state.VisitData;
import org.suifang.client.internal.store.LocalStore;
import org.suifang.rules.RuleSet;
import org.suifang.rules.RuleSets;

/**
 * The client's engine: the store and the state replayed from it, the clocks and ids, the network
 * adapter and the login. Every change of the state is one {@link #commit} of one {@link Tx}: made
 * durable first, then applied. Reads and writes hold {@link #lock()}; network calls never do.
 */
public final class ClientCore implements Closeable {

  /** The schema version of mutations this SDK writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Everything the builder sets. */
  public static final class Config {
    public File dataDirectory = new File(".");
    public @Nullable SecretKey encryptionKey;
    public Clock clock = Clock.systemUTC();
    public OkHttpClient http = new OkHttpClient();
    public @Nullable HttpUrl serverUrl;
    public @Nullable TokenStore tokenStore;
    public String appVersion = "unknown";
    public @Nullable RuleSet ruleSet;
    public long retentionMillis = 90L * 24 * 3600 * 1000;
    public int maxAttempts = 5;
    public WorklistSettings worklists = WorklistSettings.DEFAULT;
    public String platform = "Java " + System.getProperty("java.version", "?");
    public String model = System.getProperty("os.name", "?");
    public StoreOpener storeOpener = StoreOpener.JOURNAL;
    public Sleeper sleeper = Sleeper.THREAD;
    public Random random = new java.security.SecureRandom();
    public long compactThresholdBytes = 4L * 1024 * 1024;
  }

  private final Object lock = new Object();
  private final Config config;
  private final LocalStore store;
  private final ClientState state;
  private final UuidV7 ids;
  private final Api api;
  private final Auth auth;
  private boolean closed;

  private ClientCore(Config config, LocalStore store, ClientState state) {
    this.config = config;
    this.store = store;
    this.state = state;
    this.ids = new UuidV7(config.random);
    HttpUrl url = config.serverUrl;
    if (url == null) {
      throw new IllegalStateException("serverUrl not set");
    }
    this.api = new Api(config.http, url);
    TokenStore tokens = config.tokenStore;
    if (tokens == null) {
      throw new IllegalStateException("tokenStore not set");
    }
    this.auth = new Auth(api, tokens, config.clock, "Suifang " + config.model);
  }

  /** Opens the store of the data directory and replays it. */
  public static ClientCore open(Config config) throws SuifangException {
    LocalStore store;
    try {
      store = config.storeOpener.open(config.dataDirectory, config.encryptionKey);
    } catch (IOException e) {
      throw Auth.storageFailed(e);
    }
    try {
      ClientState state;
      try {
        state = stateOf(store);
        for (byte[] tx : store.transactions()) {
          state.apply(ClientState.deserialize(tx));
        }
      } catch (JsonParseException | IllegalStateException e) {
        throw Auth.storageFailed(new IOException("unreadable local store", e));
      } catch (IOException e) {
        throw Auth.storageFailed(e);
      }
      ClientCore core = new ClientCore(config, store, state);
      synchronized (core.lock) {
        if (state.deviceId() == null) {
          core.commit(Tx.init(UUID.randomUUID(), config.clock.instant()));
        }
        core.compactIfLarge();
      }
      return core;
    } catch (SuifangException | RuntimeException e) {
      closeQuietlyAfter(store, e);
      throw e;
    }
  }

  /** The state of the store's snapshot; its bytes are garbage once read (tens of megabytes). */
  private static ClientState stateOf(LocalStore store) throws IOException {
    byte[] snapshot = store.snapshot();
    return snapshot == null ? ClientState.empty() : ClientState.fromSnapshot(snapshot);
  }

  private static void closeQuietlyAfter(LocalStore store, Exception failure) {
    try {
      store.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  public Object lock() {
    return lock;
  }

  public Config config() {
    return config;
  }

  public ClientState state() {
    return state;
  }

  public Api api() {
    return api;
  }

  public Auth auth() {
    return auth;
  }

  public Clock clock() {
    return config.clock;
  }

  public Instant now() {
    return config.clock.instant();
  }

  /** Returns today's date in China. */
  public LocalDate today() {
    return ChinaTime.today(config.clock);
  }

  /** Returns a new UUIDv7 for a record made now. */
  public UUID newId() {
    return ids.next(config.clock.millis());
  }

  /**
   * Returns the rule set that assesses visits: the builder's, else the server's (from the device
   * registration) when this SDK knows it, else {@link RuleSets#defaultRuleSet()}.
   */
  public RuleSet ruleSet() {
    if (config.ruleSet != null) {
      return config.ruleSet;
    }
    synchronized (lock) {
      Registration r = state.registration();
      if (r != null && r.ruleSetId != null) {
        for (RuleSet known : RuleSets.all()) {
          if (known.id().equals(r.ruleSetId)) {
            return known;
          }
        }
      }
    }
    return RuleSets.defaultRuleSet();
  }

  /** Makes a transaction durable, then applies it. The caller holds {@link #lock()}. */
  public void commit(Tx tx) throws SuifangException {
    if (!Thread.holdsLock(lock)) {
      throw new IllegalStateException("commit without the lock");
    }
    ensureOpen();
    try {
      store.commit(ClientState.serialize(tx));
    } catch (IOException e) {
      throw Auth.storageFailed(e);
    }
    state.apply(tx);
  }

  /**
   * Commits one local write: the change, its outbox mutation with the next device seq and a new
   * HLC. The caller holds {@link #lock()} and has checked the change.
   */
  public void commitLocal(
      MutationType type,
      UUID recordId,
      UUID patientId,
      JsonObject payload,
      @Nullable VisitData localVisit,
      User author)
      throws SuifangException {
    Instant now = now();
    MutationWire m = new MutationWire();
    m.mutationId = ids.next(config.clock.millis());
    m.deviceSeq = state.lastDeviceSeq() + 1;
    m.hlc = new Hlc(state.hlc()).tick(config.clock.millis());
    m.authorId = author.id();
    m.type = type.name();
    m.schemaVersion = SCHEMA_VERSION;
    m.createdAt = now;
    m.payload = payload;
    OutboxEntry e = new OutboxEntry();
    e.mutation = m;
    e.patientId = patientId;
    e.recordId = recordId;
    e.localVisit = localVisit;
    commit(Tx.local(e, now));
  }

  /** Compacts the store when its transactions exceed the threshold. Holds the lock. */
  public void compactIfLarge() throws SuifangException {
    synchronized (lock) {
      ensureOpen();
      if (store.transactionBytes() <= config.compactThresholdBytes) {
        return;
      }
      try {
        store.compact(state.snapshot());
      } catch (IOException e) {
        throw Auth.storageFailed(e);
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
  }

  /** Returns the error for a local check that failed with a server code. */
  public static SuifangException domain(String code, String zh, String en) {
    return new SuifangException(code, zh, en);
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      store.close();
    }
  }
}
