package org.suifang.server.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the API over real HTTP as a seeded user (see {@link TestAuth}) and returns status and JSON
 * body whatever the status, so tests assert on 4xx answers the same way as on 2xx ones. Tokens
 * are cached per user. One instance per application context.
 */
@Singleton
public class TestApi {

  /** A response: the HTTP status and the JSON body as maps and lists (null if there is none). */
  public record Response(int status, Object body) {

    /** Returns the body as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return (Map<String, Object>) body;
    }

    /** Returns the value at a dotted path of the body, e.g. {@code "assessment.nextStep.code"}. */
    public Object at(String path) {
      return Json.at(body, path);
    }

    /** Returns the {@code field} and {@code code} of each field error, as "field:code". */
    @SuppressWarnings("unchecked")
    public List<String> fieldErrors() {
      if (!(body instanceof Map<?, ?> map) || !(map.get("fieldErrors") instanceof List<?>)) {
        throw new AssertionError("no fieldErrors in the " + status + " response: " + body);
      }
      return ((List<Map<String, Object>>) json().get("fieldErrors")).stream()
          .map(e -> e.get("field") + ":" + e.get("code")).toList();
    }
  }

  private final HttpClient client;
  private final TestAuth auth;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  TestApi(@Client("/") HttpClient client, TestAuth auth) {
    this.client = client;
    this.auth = auth;
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.GET(path));
  }

  public Response post(String user, String path, Object body) {
    return send(user, HttpRequest.POST(path, body));
  }

  public Response put(String user, String path, Object body) {
    return send(user, HttpRequest.PUT(path, body));
  }

  /** Sends the request with the user's bearer token (none if {@code user} is null). */
  public Response send(String user, MutableHttpRequest<?> request) {
    if (user != null) {
      request.bearerAuth(tokens.computeIfAbsent(user, auth::login));
    }
    try {
      HttpResponse<Object> response = client.toBlocking().exchange(request, Argument.OBJECT_ARGUMENT);
      return new Response(response.code(), response.getBody().orElse(null));
    } catch (HttpClientResponseException e) {
      return new Response(e.code(), e.getResponse().getBody(Argument.OBJECT_ARGUMENT).orElse(null));
    }
  }
}
