package org.suifang.client;

import java.io.File;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;

/** A MockWebServer running the {@link FakeSyncServer}, and a client logged in against it. */
final class ServerHarness implements AutoCloseable {
  final MockWebServer web = new MockWebServer();
  final FakeSyncServer server = new FakeSyncServer();
  final TestClients.Harness h;

  ServerHarness(File dir) throws IOException, SuifangException {
    this(dir, 5, 5000);
  }

  ServerHarness(File dir, int maxAttempts, long readTimeoutMillis)
      throws IOException, SuifangException {
    web.setDispatcher(server);
    web.start();
    h = new TestClients.Harness(dir, web.url("/").toString(), TestClients.session());
    h.maxAttempts = maxAttempts;
    h.readTimeoutMillis = readTimeoutMillis;
    h.start();
  }

  SuifangClient client() {
    return h.client;
  }

  @Override
  public void close() throws IOException {
    try {
      h.close();
    } finally {
      web.shutdown();
    }
  }
}
