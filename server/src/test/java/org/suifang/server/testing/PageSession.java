package org.suifang.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal cookie-keeping HTTP client that behaves like a browser without JavaScript: it does not
 * follow redirects (tests assert on them), keeps the cookies it is given, and reads the CSRF token
 * from a page's hidden field. Not thread-safe. Used by the tests of every dashboard page.
 */
public final class PageSession {

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          // Plain HTTP/1.1 as a browser speaks to an http:// server; no h2c upgrade attempts.
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;

  /** The cookies held, by name; tests may read and change them. */
  public final Map<String, String> cookies = new LinkedHashMap<>();

  public PageSession(URL base) {
    String root = base.toString();
    this.base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return postForm(path, fields, Map.of());
  }

  public HttpResponse<String> postForm(
      String path, Map<String, String> fields, Map<String, String> headers) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        all);
  }

  public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        all);
  }

  /** Opens the login form and signs in; returns the answer to the POST. */
  public HttpResponse<String> login(String username, String password, String next) {
    String token = csrfToken(get("/login"));
    return postForm(
        "/login",
        Map.of("username", username, "password", password, "next", next, "csrfToken", token));
  }

  /** Returns the CSRF token of a page's hidden field. */
  public static String csrfToken(HttpResponse<String> page) {
    Matcher m = CSRF_FIELD.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no csrfToken field in " + page.uri() + ":\n" + page.body());
    }
    return m.group(1);
  }

  /** Returns the Set-Cookie headers of a response. */
  public static List<String> setCookies(HttpResponse<?> response) {
    return response.headers().allValues("set-cookie");
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String header : setCookies(response)) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        boolean expired = header.toLowerCase().contains("max-age=0");
        if (expired || value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
