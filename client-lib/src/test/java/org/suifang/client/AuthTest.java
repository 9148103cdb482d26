package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, device registration, token refresh and logout (docs/auth.md). */
class AuthTest {
  @TempDir File dir;

  @Test
  void login_savesTheSessionAndRegistersTheDevice_currentUserWorksOffline() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      s.h.tokens.clear();
      SuifangClient c = s.h.reopen();
      assertThatThrownBy(c::currentUser)
          .isInstanceOfSatisfying(
              SuifangAuthException.class, e -> assertThat(e.code()).isEqualTo("NOT_LOGGED_IN"));

      User user = c.login("doc1", FakeSyncServer.PASSWORD);

      assertThat(user).isEqualTo(TestClients.doctor());
      assertThat(s.h.tokens.load().refreshToken()).isEqualTo("refresh-1");
      assertThat(s.h.tokens.load().accessTokenExpiresAt())
          .isEqualTo(s.h.clock.instant().plusSeconds(900));
      assertThat(s.server.deviceBodies)
          .singleElement()
          .satisfies(
              d -> assertThat(d.get("deviceId").getAsString()).isEqualTo(c.deviceId().toString()));
      s.web.shutdown();
      assertThat(s.h.reopen().currentUser()).isEqualTo(user);
      assertThat(s.h.client.ruleSet().id()).isEqualTo("bphs-2017");
    }
  }

  @Test
  void login_wrongPassword_serversCode() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      assertThatThrownBy(() -> s.client().login("doc1", "wrong"))
          .isInstanceOfSatisfying(
              SuifangAuthException.class,
              e -> {
                assertThat(e.code()).isEqualTo("LOGIN_FAILED");
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.messageZh()).isEqualTo("错误：LOGIN_FAILED");
              });
    }
  }

  @Test
  void login_offline_networkException() throws Exception {
    MockWebServer down = new MockWebServer();
    down.start();
    String url = down.url("/").toString();
    down.shutdown();
    TestClients.Harness h = new TestClients.Harness(dir, url, null).start();
    try {
      assertThatThrownBy(() -> h.client.login("doc1", "secret"))
          .isInstanceOfSatisfying(
              SuifangNetworkException.class,
              e -> {
                assertThat(e.code()).isEqualTo("OFFLINE");
                assertThat(e.isOffline()).isTrue();
              });
    } finally {
      h.close();
    }
  }

  @Test
  void expiredAccessToken_refreshedOnce_newRefreshTokenSavedBeforeUse() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      s.server.expireAccessTokens();
      c.patients().register(PatientSamples.wang().build());

      SyncReport report = c.sync();

      assertThat(report.success()).isTrue();
      assertThat(s.server.refreshTokensPresented).containsExactly("refresh-0");
      assertThat(s.h.tokens.saved).extracting(Session::refreshToken).containsExactly("refresh-1");
      int n = s.server.syncRequests.size();
      assertThat(s.server.syncRequests.get(n - 2).getHeader("Authorization"))
          .isEqualTo("Bearer access-0");
      assertThat(s.server.syncRequests.get(n - 1).getHeader("Authorization"))
          .isEqualTo("Bearer access-1");
      assertThat(s.server.db.patients).hasSize(1);
    }
  }

  @Test
  void refreshTokenReused_syncFails_userKeptForOfflineWork_outboxKept() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      s.server.expireAccessTokens();
      s.server.script.add(FakeSyncServer.Step.answer(FakeSyncServer.error(401, "UNAUTHENTICATED")));
      s.server.script.add(
          FakeSyncServer.Step.answer(FakeSyncServer.error(401, "REFRESH_TOKEN_REUSED")));
      c.patients().register(PatientSamples.wang().build());

      SyncReport report = c.sync();

      assertThat(report.success()).isFalse();
      assertThat(report.error()).isInstanceOf(SuifangAuthException.class);
      assertThat(report.error().code()).isEqualTo("REFRESH_TOKEN_REUSED");
      assertThat(s.h.tokens.load().refreshToken()).isNull();
      assertThat(c.currentUser()).isEqualTo(TestClients.doctor());
      assertThat(c.patients().register(PatientSamples.li().build()).syncState())
          .isEqualTo(RecordState.PENDING);
      assertThat(c.syncState().pendingCount()).isEqualTo(2);
      assertThat(c.sync().error().code()).isEqualTo("NOT_LOGGED_IN");
    }
  }

  @Test
  void refreshAnswerLost_tokenNotReused() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.sync();
      s.server.expireAccessTokens();
      s.server.script.add(FakeSyncServer.Step.answer(FakeSyncServer.error(401, "UNAUTHENTICATED")));
      s.server.script.add(
          FakeSyncServer.Step.processThen(
              okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));

      SyncReport report = c.sync();

      assertThat(report.success()).isFalse();
      assertThat(s.server.refreshTokensPresented).containsExactly("refresh-0");
      assertThat(s.h.tokens.load().refreshToken())
          .as("a refresh whose answer was lost is never sent again")
          .isNull();
      assertThat(c.currentUser()).isEqualTo(TestClients.doctor());
    }
  }

  @Test
  void logout_revokesAndForgetsTheSession_neverTheOutbox() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      SuifangClient c = s.client();
      c.patients().register(PatientSamples.wang().build());

      assertThat(c.logout()).isTrue();

      assertThat(s.h.tokens.load()).isNull();
      assertThatThrownBy(c::currentUser).isInstanceOf(SuifangAuthException.class);
      assertThat(c.syncState().pendingCount()).isEqualTo(1);
      c.login("doc1", FakeSyncServer.PASSWORD);
      assertThat(c.sync().success()).isTrue();
      assertThat(s.server.db.patients).hasSize(1);
    }
  }

  @Test
  void logout_offline_forgetsLocally_reportsNotRevoked() throws Exception {
    try (ServerHarness s = new ServerHarness(dir)) {
      s.web.shutdown();

      assertThat(s.client().logout()).isFalse();
      assertThat(s.h.tokens.load()).isNull();
    }
  }

  @Test
  void fileTokenStore_encrypted_roundTripsAndHidesTheTokens() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    SecretKey key = generator.generateKey();
    FileTokenStore store = new FileTokenStore(dir, key);
    Session session = TestClients.session();

    store.save(session);

    assertThat(store.load()).isEqualTo(session);
    byte[] raw = java.nio.file.Files.readAllBytes(new File(dir, "session.bin").toPath());
    assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("refresh-0")
        .doesNotContain("doc1");
    generator.init(256);
    assertThatThrownBy(() -> new FileTokenStore(dir, generator.generateKey()).load())
        .isInstanceOf(IOException.class);
    store.clear();
    assertThat(store.load()).isNull();
  }

  @Test
  void fileTokenStore_plain_roundTrips() throws Exception {
    FileTokenStore store = new FileTokenStore(dir, null);
    assertThat(store.load()).isNull();

    store.save(TestClients.session());
    store.save(TestClients.session().toBuilder().accessToken(null).refreshToken(null).build());

    assertThat(store.load().user()).isEqualTo(TestClients.doctor());
    assertThat(store.load().canRefresh()).isFalse();
    assertThat(new File(dir, "session.json")).exists();
    assertThat(new File(dir, "session.json.tmp")).doesNotExist();
  }
}
