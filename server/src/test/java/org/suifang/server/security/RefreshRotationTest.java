package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.TestAuth;

/**
 * Refresh-token rotation against a thief (docs/auth.md "Refresh tokens"): the tokens issued after a
 * stolen one die with it once either party reuses an old one, and two refreshes racing with one
 * token never both succeed. AuthTest covers the simple rotation and reuse cases.
 */
@MicronautTest(transactional = false)
class RefreshRotationTest {

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;
  @Inject JsonMapper json;

  RawHttp http;

  @BeforeEach
  void setUp() {
    auth.seedArea();
    http = new RawHttp(server.getURL());
  }

  @Test
  void reuseOfAnOldToken_killsEveryLaterTokenOfTheFamily() {
    String r1 = login("doc1");
    String r2 = (String) refresh(r1).get("refreshToken");
    String r3 = (String) refresh(r2).get("refreshToken");

    // The thief replays r1, two rotations behind.
    assertThat(refreshFails(r1)).containsEntry("code", "REFRESH_TOKEN_REUSED");

    // The legitimate holder's newest token is dead too, and so is the one before it.
    assertThat(refreshFails(r3)).containsEntry("code", "REFRESH_TOKEN_INVALID");
    assertThat(refreshFails(r2)).containsEntry("code", "REFRESH_TOKEN_INVALID");
  }

  @Test
  void reuseByTheThiefAfterTheOwnerRotated_killsTheThiefsNewTokenToo() {
    String r1 = login("doc2");
    // The thief refreshes first with the stolen r1 and gets t2 ...
    String t2 = (String) refresh(r1).get("refreshToken");
    // ... then the owner, still holding r1, tries it: reuse, the family dies.
    assertThat(refreshFails(r1)).containsEntry("code", "REFRESH_TOKEN_REUSED");

    assertThat(refreshFails(t2)).containsEntry("code", "REFRESH_TOKEN_INVALID");
  }

  @RepeatedTest(5)
  void twoConcurrentRefreshesWithOneToken_atMostOneSucceedsAndTheFamilyDies() throws Exception {
    String r1 = login("sup1");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                  return post("/api/v1/auth/refresh", Map.of("refreshToken", r1));
                },
                pool));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        answers.add(call.get());
      }

      List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
      List<HttpResponse<String>> lost =
          answers.stream().filter(a -> a.statusCode() == 401).toList();
      assertThat(won).hasSize(1);
      assertThat(lost).hasSize(1);
      assertThat(body(lost.get(0))).containsEntry("code", "REFRESH_TOKEN_REUSED");
      // The winner's new token belongs to the revoked family.
      String winnersToken = (String) body(won.get(0)).get("refreshToken");
      assertThat(refreshFails(winnersToken)).containsEntry("code", "REFRESH_TOKEN_INVALID");
    } finally {
      pool.shutdownNow();
    }
  }

  private String login(String username) {
    HttpResponse<String> response =
        post("/api/v1/auth/login", Map.of("username", username, "password", TestAuth.PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    return (String) body(response).get("refreshToken");
  }

  private Map<String, Object> refresh(String token) {
    HttpResponse<String> response = post("/api/v1/auth/refresh", Map.of("refreshToken", token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private Map<String, Object> refreshFails(String token) {
    HttpResponse<String> response = post("/api/v1/auth/refresh", Map.of("refreshToken", token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    return body(response);
  }

  private HttpResponse<String> post(String path, Object body) {
    try {
      return http.send(
          "POST", path, Map.of("Content-Type", "application/json"), json.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> body(HttpResponse<String> response) {
    try {
      return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }
}
