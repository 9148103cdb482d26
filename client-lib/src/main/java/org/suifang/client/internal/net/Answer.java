package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import javax.annotation.Nullable;
import org.suifang.client.ErrorCodes;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.internal.Json;

/**
 * An HTTP answer: the status and the body as received, read as JSON when first asked for (a sync
 * answer is read in one streaming pass instead, {@code SyncEngine.readAnswer}).
 */
public final class Answer {
  public final int status;
  private final String text;
  @Nullable private JsonElement body;
  @Nullable private JsonParseException unreadable;
  private boolean parsed;

  Answer(int status, String text) {
    this.status = status;
    this.text = text;
  }

  /** Returns an answer with the body {@code text} (empty when there was none). */
  public static Answer of(int status, String text) {
    return new Answer(status, text);
  }

  /** Returns the body as received; empty when there was none. */
  public String text() {
    return text;
  }

  /**
   * Returns the body as a JSON tree, or null for none. A successful answer whose body is not JSON
   * is {@code BAD_RESPONSE}; an error page that is not JSON is null (the status says enough).
   */
  @Nullable
  public JsonElement body() throws SuifangNetworkException {
    JsonElement json = tree();
    if (unreadable != null && isSuccessful()) {
      throw badResponse(status, unreadable);
    }
    return json;
  }

  @Nullable
  private JsonElement tree() {
    if (!parsed) {
      parsed = true;
      if (!text.isEmpty()) {
        try {
          body = JsonParser.parseString(text);
        } catch (JsonParseException e) {
          unreadable = e;
        }
      }
    }
    return body;
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** Returns the body as {@code type}; a missing or unreadable body is {@code BAD_RESPONSE}. */
  public <T> T as(Class<T> type) throws SuifangNetworkException {
    JsonElement body = body();
    try {
      T value = body == null ? null : Json.GSON.fromJson(body, type);
      if (value == null) {
        throw new JsonParseException("empty body");
      }
      return value;
    } catch (JsonParseException | IllegalStateException e) {
      throw badResponse(status, e);
    }
  }

  /** Returns the error body, or one made from the status if the body is not the error shape. */
  public ErrorBody error() {
    ErrorBody e = null;
    JsonElement body = tree();
    if (body != null && body.isJsonObject()) {
      try {
        e = Json.GSON.fromJson(body, ErrorBody.class);
      } catch (JsonParseException ignored) {
        // Not our error shape (a proxy's page): described by the status below.
        e = null;
      }
    }
    if (e == null || e.code == null) {
      e = new ErrorBody();
      e.status = status;
      e.code = status >= 500 ? ErrorCodes.SERVER_ERROR : "HTTP_" + status;
    }
    if (e.messageZh == null) {
      e.messageZh = "服务器返回错误（HTTP " + status + "）。";
    }
    if (e.messageEn == null) {
      e.messageEn = "The server answered HTTP " + status + ".";
    }
    return e;
  }

  static SuifangNetworkException badResponse(int status, Exception cause) {
    return new SuifangNetworkException(
        ErrorCodes.BAD_RESPONSE,
        "无法读取服务器的回复。",
        "The server's answer could not be read.",
        status,
        cause);
  }
}
