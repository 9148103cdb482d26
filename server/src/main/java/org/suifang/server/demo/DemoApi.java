package org.suifang.server.demo;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls this server's own REST API for the seeder, as a tablet would: JSON over HTTP with a bearer
 * token. The patients and follow-ups features expose their writes only through the API, and going
 * through it means every demo visit is validated and assessed exactly like a real one. Uses the
 * JDK's client, so the server needs no HTTP-client dependency. Thread-safe.
 */
final class DemoApi {

  private static final Argument<Map<String, Object>> JSON_OBJECT =
      Argument.mapOf(String.class, Object.class);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final JsonMapper json;

  DemoApi(URI base, JsonMapper json) {
    this.base = base;
    this.json = json;
  }

  /** Logs in and returns the access token. */
  String login(String username, String password) {
    return (String)
        post(null, "/api/v1/auth/login", Map.of("username", username, "password", password))
            .get("accessToken");
  }

  /**
   * Posts a JSON body and returns the JSON answer. Any status other than 200 or 201 means the
   * generator produced something the API refuses, which is a bug: it throws with the answer.
   */
  Map<String, Object> post(String token, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 && response.statusCode() != 201) {
        throw new IllegalStateException(
            "demo data: POST "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                + "\nbody: "
                + new String(
                    json.writeValueAsBytes(body), java.nio.charset.StandardCharsets.UTF_8));
      }
      return json.readValue(response.body(), JSON_OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException("demo data: POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo data: interrupted", e);
    }
  }
}
