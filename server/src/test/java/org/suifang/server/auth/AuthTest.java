package org.suifang.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.TestAuth;

@MicronautTest
class AuthTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestAuth auth;

  @Test
  void login_correctPassword_tokenOpensMe() {
    auth.seedArea();
    String token = auth.login("doc1");
    @SuppressWarnings("unchecked")
    Map<String, Object> me = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token), Map.class);
    assertThat(me).containsEntry("username", "doc1");
  }
}
