package org.suifang.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class HealthTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void health_isUpWithoutLogin() {
    String body = client.toBlocking().retrieve(HttpRequest.GET("/health"));
    assertThat(body).contains("UP");
  }
}
