package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.annotation.Nullable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import okhttp3.OkHttpClient;
import org.suifang.client.SuifangClient;
import org.suifang.client.SuifangException;
import org.suifang.client.SyncReport;

/**
 * A simulated tablet: a real {@link SuifangClient} with its own data directory, its own {@link
 * TabletClock} and an OkHttp client whose {@link FaultInterceptor} can take the network away.
 * {@link #reopen()} closes the client and builds a new one on the same directory, as an app
 * restart. Each sync request is tried once ({@code maxAttempts(1)}) and OkHttp does not re-send a
 * failed request by itself, so every injected fault shows in the sync report and no test waits for
 * a backoff.
 */
final class Tablet implements AutoCloseable {
  final String name;
  final File dir;
  final TabletClock clock = new TabletClock();
  final FaultInterceptor faults = new FaultInterceptor();
  private final String serverUrl;
  @Nullable private final SecretKey key;
  @Nullable private SuifangClient client;

  private Tablet(String name, String serverUrl, File dir, @Nullable SecretKey key) {
    this.name = name;
    this.serverUrl = serverUrl;
    this.dir = dir;
    this.key = key;
  }

  /** Opens a tablet on {@code dir} (created if missing) talking to {@code serverUrl}. */
  static Tablet open(String name, String serverUrl, File dir) throws SuifangException {
    return open(name, serverUrl, dir, null);
  }

  /** Opens a tablet whose local store is encrypted with {@code key}. */
  static Tablet open(String name, String serverUrl, File dir, @Nullable SecretKey key)
      throws SuifangException {
    Tablet t = new Tablet(name, serverUrl, dir, key);
    t.client = t.build();
    return t;
  }

  /** Opens a tablet on the same directory, e.g. a copy of this one's files. */
  Tablet openCopy(String copyName, File copyDir) throws SuifangException {
    return open(copyName, serverUrl, copyDir, key);
  }

  private SuifangClient build() throws SuifangException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(faults)
            .retryOnConnectionFailure(false)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
    return SuifangClient.newBuilder()
        .serverUrl(serverUrl)
        .dataDirectory(dir)
        .clock(clock)
        .okHttpClient(http)
        .encryptionKey(key)
        .appVersion("0.3.0-e2e")
        .device("JVM", name)
        .maxAttempts(1)
        .mutationRetention(Duration.ofDays(90))
        .build();
  }

  SuifangClient client() {
    if (client == null) {
      throw new IllegalStateException(name + " is closed");
    }
    return client;
  }

  /** Closes the client and opens a new one on the same directory (an app restart). */
  SuifangClient reopen() throws SuifangException {
    closeClient();
    client = build();
    return client;
  }

  void offline() {
    faults.offline();
  }

  void online() {
    faults.online();
  }

  /** Syncs and asserts that the sync succeeded. */
  SyncReport syncOk() {
    SyncReport report = client().sync();
    assertThat(report.success()).as(name + ": " + report).isTrue();
    return report;
  }

  /** Syncs and asserts that the sync failed. */
  SyncReport syncFails() {
    SyncReport report = client().sync();
    assertThat(report.success()).as(name + ": " + report).isFalse();
    return report;
  }

  int pending() {
    return client().syncState().pendingCount();
  }

  private void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client = null;
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
