package org.suifang.server.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The REST API of one server instance, called directly (not through the load balancer), as an
 * administrator's script or a supervisor's browser would. JSON through Gson, which the SDK brings.
 */
final class ServerApi implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(20, TimeUnit.SECONDS)
          .build();

  /** A response: status code and body text. */
  record Answer(int status, String body) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }

    Answer expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected " + expected + ", got " + status + ": " + body);
      }
      return this;
    }
  }

  /** Logs in ({@code POST /api/v1/auth/login}) and returns the access token. */
  String login(String baseUrl, String username, String password) {
    JsonObject command = new JsonObject();
    command.addProperty("username", username);
    command.addProperty("password", password);
    Answer answer = post(baseUrl, null, "api/v1/auth/login", command).expect(200);
    return answer.json().getAsJsonObject().get("accessToken").getAsString();
  }

  /** GETs {@code path}; {@code token} may be null for a request without one. */
  Answer get(String baseUrl, @Nullable String token, String path) {
    Request.Builder request = new Request.Builder().url(baseUrl + path);
    if (token != null) {
      request.header("Authorization", bearer(token));
    }
    return call(request);
  }

  /** POSTs {@code body} as JSON; {@code token} may be null for a request without one. */
  Answer post(String baseUrl, @Nullable String token, String path, JsonElement body) {
    Request.Builder request =
        new Request.Builder().url(baseUrl + path).post(RequestBody.create(body.toString(), JSON));
    if (token != null) {
      request.header("Authorization", bearer(token));
    }
    return call(request);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private Answer call(Request.Builder request) {
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      return new Answer(response.code(), body == null ? "" : body.string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
