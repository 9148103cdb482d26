package org.suifang.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.TestAuth;

/** The unauthenticated platform endpoints, and the error shape on framework errors. */
@MicronautTest
class PlatformEndpointsTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TestAuth auth;

  @Test
  void openApi_isServedWithoutLogin() {
    String yaml = client.toBlocking().retrieve("/swagger/suifang-api-v1.yml");
    assertThat(yaml).contains("openapi:").contains("Suifang API");
  }

  @Test
  void swaggerUi_isServedLocallyWithoutCdn() {
    String html = client.toBlocking().retrieve("/swagger-ui/index.html");
    assertThat(html).contains("swagger-ui");
    // The health-centre intranet has no internet: every script and stylesheet must be local.
    assertThat(html).doesNotContainPattern("(src|href)=\"https?://");
  }

  @Test
  void prometheus_exposesJvmAndHttpMetrics() {
    client.toBlocking().retrieve("/health");
    String metrics = client.toBlocking().retrieve("/prometheus");
    assertThat(metrics).contains("jvm_memory_used_bytes");
  }

  @Test
  void builtInManagementEndpoints_otherThanHealthAndPrometheus_areNotServed() {
    // They used to be routed: /metrics answered anybody, and /beans, /routes, /threaddump,
    // /flyway, /info and POST /refresh answered any logged-in user (a village doctor too) with 500.
    // Now they are unknown paths: micronaut-security refuses those with 403 before routing.
    String token = auth.login("admin1");
    for (String path :
        List.of("/beans", "/routes", "/threaddump", "/flyway", "/info", "/metrics")) {
      assertThatThrownBy(
              () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token)))
          .as(path)
          .isInstanceOfSatisfying(
              HttpClientResponseException.class,
              e -> assertThat(e.getStatus().getCode()).isIn(403, 404));
    }
    assertThatThrownBy(
            () ->
                client
                    .toBlocking()
                    .exchange(HttpRequest.POST("/refresh", Map.of()).bearerAuth(token)))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> assertThat(e.getStatus().getCode()).isIn(403, 404));
  }

  @Test
  void securedPath_withoutToken_answers401InTheStandardShape() {
    assertThatThrownBy(
            () ->
                client
                    .toBlocking()
                    .exchange(HttpRequest.GET("/api/v1/nothing-here"), ApiError.class))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
              ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
              assertThat(body.code()).isEqualTo("UNAUTHENTICATED");
              assertThat(body.messageZh()).isNotBlank();
              assertThat(body.messageEn()).isNotBlank();
              assertThat(body.help()).isEqualTo("docs/errors.md#unauthenticated");
              assertThat(body.fieldErrors()).isEmpty();
            });
  }

  @Test
  void unreadablePathValue_answers400WithAChineseAndEnglishFieldError() {
    auth.seedArea();
    String token = auth.login("doc1");
    assertThatThrownBy(
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.GET("/api/v1/patients/not-a-uuid").bearerAuth(token),
                        ApiError.class))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(400);
              ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
              assertThat(body.code()).isEqualTo("MALFORMED_REQUEST");
              assertThat(body.fieldErrors()).hasSize(1);
              FieldError field = body.fieldErrors().get(0);
              assertThat(field.code()).isEqualTo("MALFORMED");
              assertThat(field.messageZh()).contains("格式");
              assertThat(field.messageEn()).contains("not-a-uuid");
            });
  }
}
