package org.suifang.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import okhttp3.OkHttpClient;
import org.suifang.client.internal.store.InMemoryStore;

/**
 * Clients for tests: an in-memory store that survives "reopening", a fake clock, an in-memory token
 * store holding a doctor's session, no real sleeping, and fixed randomness.
 */
final class TestClients {
  static final String VILLAGE = "130123100201";
  static final String OTHER_VILLAGE = "130123100202";
  static final UUID DOCTOR_ID = UUID.fromString("0190f5c4-0000-7000-8000-000000000001");

  private static final java.util.concurrent.atomic.AtomicLong SEEDS =
      new java.util.concurrent.atomic.AtomicLong();

  private TestClients() {}

  static User doctor() {
    return User.newBuilder()
        .id(DOCTOR_ID)
        .username("doc1")
        .displayName("张医生")
        .role(Role.VILLAGE_DOCTOR)
        .countyCode("130123000000")
        .townshipCode("130123100000")
        .villageCodes(Arrays.asList(VILLAGE))
        .active(true)
        .build();
  }

  static JsonObject doctorJson() {
    JsonObject u = new JsonObject();
    u.addProperty("id", DOCTOR_ID.toString());
    u.addProperty("username", "doc1");
    u.addProperty("displayName", "张医生");
    u.addProperty("role", "VILLAGE_DOCTOR");
    u.addProperty("countyCode", "130123000000");
    u.addProperty("townshipCode", "130123100000");
    JsonArray villages = new JsonArray();
    villages.add(VILLAGE);
    u.add("villageCodes", villages);
    u.add("facilityId", com.google.gson.JsonNull.INSTANCE);
    u.addProperty("active", true);
    return u;
  }

  /** A session as the fake server's first tokens. */
  static Session session() {
    return Session.newBuilder()
        .user(doctor())
        .accessToken("access-0")
        .refreshToken("refresh-0")
        .build();
  }

  /** A client and everything it runs on; reopen() closes it and opens one on the same store. */
  static final class Harness implements AutoCloseable {
    final File dir;
    final InMemoryStore.Backing backing;
    final FakeClock clock;
    final InMemoryTokenStore tokens;
    final RecordingSleeper sleeper = new RecordingSleeper();
    final String url;
    int maxAttempts = 5;
    long readTimeoutMillis = 5000;
    long retentionDays = 90;
    boolean retryOnConnectionFailure = false;
    @Nullable SuifangClient client;
    @Nullable OkHttpClient http;
    // Fixed per harness, different between harnesses: two tablets never draw the same ids.
    final long seed = SEEDS.incrementAndGet();

    /** Creates the harness; {@link #start} opens the client once the settings are made. */
    Harness(File dir, String url, @Nullable Session session) {
      this(dir, url, session, new InMemoryStore().backing());
    }

    /** A harness on existing stored bytes (a cloned tablet). */
    Harness(File dir, String url, @Nullable Session session, InMemoryStore.Backing backing) {
      this.dir = dir;
      this.url = url;
      this.backing = backing;
      this.clock = FakeClock.standard();
      this.tokens = new InMemoryTokenStore(session);
    }

    Harness start() throws SuifangException {
      client = open();
      return this;
    }

    SuifangClient open() throws SuifangException {
      http =
          new OkHttpClient.Builder()
              .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
              .retryOnConnectionFailure(retryOnConnectionFailure)
              .build();
      return SuifangClient.newBuilder()
          .serverUrl(url)
          .dataDirectory(dir)
          .clock(clock)
          .tokenStore(tokens)
          .okHttpClient(http)
          .appVersion("0.3.0-test")
          .maxAttempts(maxAttempts)
          .mutationRetention(java.time.Duration.ofDays(retentionDays))
          .device("JVM", "test")
          .localStore((d, key) -> new InMemoryStore(backing))
          .sleeper(sleeper)
          .random(new Random(seed))
          .build();
    }

    /** Closes the client and opens a new one on the same store, as an app restart. */
    SuifangClient reopen() throws SuifangException {
      try {
        if (client != null) {
          client.close();
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      client = open();
      return client;
    }

    @Override
    public void close() throws IOException {
      if (client != null) {
        client.close();
      }
    }
  }

  /** A harness whose server is never reached (offline tests), logged in as the doctor. */
  static Harness offline(File dir) throws SuifangException {
    return new Harness(dir, "http://127.0.0.1:9/", session()).start();
  }
}
