package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import javax.annotation.Nullable;
import org.suifang.client.ErrorCodes;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.internal.Json;

/**
 * An HTTP answer: the status and the JSON body, if there was one; or, for a successful answer taken
 * as text ({@link Api#postForText}), the body as received, for the caller to read (a sync answer is
 * read in one streaming pass, {@code SyncEngine.readAnswer}).
 */
public final class Answer {
  public final int status;

  /** The body read as JSON; null for none, and for an answer taken as {@link #text()}. */
  @Nullable public final JsonElement body;

  @Nullable private final String text;

  Answer(int status, @Nullable JsonElement body) {
    this(status, body, null);
  }

  private Answer(int status, @Nullable JsonElement body, @Nullable String text) {
    this.status = status;
    this.body = body;
    this.text = text;
  }

  /** Returns an answer taken as text: {@code text} is its body as received (empty for none). */
  public static Answer ofText(int status, String text) {
    return new Answer(status, null, text);
  }

  /** Returns the body as received for an answer taken as text; null otherwise. */
  @Nullable
  public String text() {
    return text;
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** Returns the body as {@code type}; a missing or unreadable body is {@code BAD_RESPONSE}. */
  public <T> T as(Class<T> type) throws SuifangNetworkException {
    JsonElement body = this.body;
    if (text != null && !text.isEmpty()) {
      try {
        body = JsonParser.parseString(text);
      } catch (JsonParseException e) {
        throw badResponse(status, e);
      }
    }
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
