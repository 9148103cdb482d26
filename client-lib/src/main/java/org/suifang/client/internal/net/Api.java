package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.suifang.client.ErrorCodes;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.internal.Json;

/**
 * The SDK's HTTP calls: JSON POSTs to the server, answered as an {@link Answer} whatever the
 * status. Only a failed exchange throws: no connection ({@code OFFLINE}), no answer in time ({@code
 * TIMEOUT}) or an unreadable body ({@code BAD_RESPONSE}; for an answer taken as text, when it is
 * read). Thread-safe.
 */
public final class Api {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final OkHttpClient noRetryClient;
  private final HttpUrl base;
  private final WireCounter counter = new WireCounter();

  /** Creates the adapter on top of the app's client (its timeouts, TLS and proxies are kept). */
  public Api(OkHttpClient appClient, HttpUrl base) {
    this.client =
        appClient
            .newBuilder()
            .addInterceptor(new GzipRequestInterceptor())
            .addNetworkInterceptor(counter)
            .build();
    // A refresh token is single use: OkHttp must not silently re-send a refresh (that is reuse).
    this.noRetryClient = client.newBuilder().retryOnConnectionFailure(false).build();
    this.base = Objects.requireNonNull(base, "base == null");
  }

  public WireCounter counter() {
    return counter;
  }

  /**
   * POSTs {@code body} as JSON to {@code path} (relative to the server URL).
   *
   * @param bearer the access token, or null for a call without one
   * @param gzip whether to compress the request body
   * @param mayRetry whether OkHttp may re-send the request on a connection failure
   */
  public Answer post(
      String path, Object body, @Nullable String bearer, boolean gzip, boolean mayRetry)
      throws SuifangNetworkException {
    return exchange(path, body, bearer, gzip, mayRetry, false);
  }

  /**
   * POSTs as {@link #post} does, but a successful answer is taken as text ({@link Answer#text()}),
   * for the caller to read: a sync answer is read in one streaming pass, not into a tree first.
   */
  public Answer postForText(
      String path, Object body, @Nullable String bearer, boolean gzip, boolean mayRetry)
      throws SuifangNetworkException {
    return exchange(path, body, bearer, gzip, mayRetry, true);
  }

  private Answer exchange(
      String path,
      Object body,
      @Nullable String bearer,
      boolean gzip,
      boolean mayRetry,
      boolean asText)
      throws SuifangNetworkException {
    HttpUrl url = base.resolve(path);
    if (url == null) {
      throw new IllegalArgumentException("bad path " + path);
    }
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(Json.GSON.toJson(body), JSON))
            .header("Accept", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (gzip) {
      request.tag(GzipRequestInterceptor.Gzip.class, GzipRequestInterceptor.Gzip.INSTANCE);
    }
    OkHttpClient c = mayRetry ? client : noRetryClient;
    try (Response response = c.newCall(request.build()).execute()) {
      ResponseBody rb = response.body();
      String text = rb == null ? "" : rb.string();
      if (asText && response.isSuccessful()) {
        return Answer.ofText(response.code(), text);
      }
      JsonElement json = null;
      if (!text.isEmpty()) {
        try {
          json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
          if (response.isSuccessful()) {
            throw Answer.badResponse(response.code(), e);
          }
          // An error page that is not JSON: the status says enough.
          json = null;
        }
      }
      return new Answer(response.code(), json);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Returns whether a failed exchange certainly never reached the server. */
  public static boolean neverSent(SuifangNetworkException e) {
    Throwable cause = e.getCause();
    return cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException;
  }

  private static SuifangNetworkException failure(IOException e) {
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new SuifangNetworkException(
          ErrorCodes.TIMEOUT, "服务器响应超时。", "The server did not answer in time.", 0, e);
    }
    return new SuifangNetworkException(
        ErrorCodes.OFFLINE, "无法连接服务器，请检查网络。", "The server could not be reached.", 0, e);
  }
}
