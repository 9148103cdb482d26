package org.suifang.client.internal;

import java.io.IOException;
import java.time.Clock;
import javax.annotation.Nullable;
import org.suifang.client.ErrorCodes;
import org.suifang.client.Session;
import org.suifang.client.SuifangAuthException;
import org.suifang.client.SuifangException;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.TokenStore;
import org.suifang.client.User;
import org.suifang.client.internal.net.Answer;
import org.suifang.client.internal.net.Api;
import org.suifang.client.internal.net.ErrorBody;
import org.suifang.client.internal.net.LoginRequest;
import org.suifang.client.internal.net.RefreshRequest;
import org.suifang.client.internal.net.TokenResponse;

/**
 * Logs in, keeps the session in the {@link TokenStore}, and makes authenticated calls, refreshing
 * the access token once on a 401 (docs/auth.md). Refresh tokens are single use: the new one is
 * saved before it is used, a refresh is never re-sent, and a refresh whose answer was lost ends the
 * session's tokens (the user stays, so offline work goes on). Thread-safe.
 */
public final class Auth {
  private final Api api;
  private final TokenStore store;
  private final Clock clock;
  private final String deviceName;
  private final Object lock = new Object();

  // Read without the lock: a refresh holds the lock during its network call, and local writes
  // (which read the user) must not wait for it.
  @Nullable private volatile Session session;
  private volatile boolean loaded;

  public Auth(Api api, TokenStore store, Clock clock, String deviceName) {
    this.api = api;
    this.store = store;
    this.clock = clock;
    this.deviceName = deviceName;
  }

  /** Returns the saved session, or null if nobody is logged in. */
  @Nullable
  public Session session() throws SuifangException {
    if (loaded) {
      return session;
    }
    synchronized (lock) {
      if (!loaded) {
        try {
          session = store.load();
        } catch (IOException e) {
          throw storageFailed(e);
        }
        loaded = true;
      }
      return session;
    }
  }

  /** Returns the logged-in user. */
  public User requireUser() throws SuifangException {
    Session s = session();
    if (s == null) {
      throw SuifangAuthException.notLoggedIn();
    }
    return s.user();
  }

  /** Logs in and saves the session; the answer's error codes become exceptions. */
  public Session login(String username, String password) throws SuifangException {
    LoginRequest body = new LoginRequest();
    body.username = username;
    body.password = password;
    body.deviceName = deviceName;
    Answer a = api.post("api/v1/auth/login", body, null, false, true);
    if (!a.isSuccessful()) {
      throw fromAnswer(a);
    }
    Session s = SessionCodec.session(a.as(TokenResponse.class), clock);
    save(s);
    return s;
  }

  /**
   * Revokes the session on the server when it can and forgets it locally either way.
   *
   * @return whether the server revoked the session
   */
  public boolean logout() throws SuifangException {
    Session s = session();
    if (s == null) {
      return false;
    }
    boolean revoked = false;
    if (s.refreshToken() != null) {
      RefreshRequest body = new RefreshRequest();
      body.refreshToken = s.refreshToken();
      try {
        revoked =
            api.post("api/v1/auth/logout", body, s.accessToken(), false, false).isSuccessful();
      } catch (SuifangNetworkException offline) {
        // Offline: the server keeps the session until its refresh token expires; reported as
        // "not revoked" to the caller.
        revoked = false;
      }
    }
    synchronized (lock) {
      try {
        store.clear();
      } catch (IOException e) {
        throw storageFailed(e);
      }
      session = null;
      loaded = true;
    }
    return revoked;
  }

  /**
   * POSTs with the access token; on a 401 refreshes once and tries again. Answers other than 401
   * are returned as they are.
   */
  public Answer post(String path, Object body, boolean gzip) throws SuifangException {
    return post(path, body, gzip, false);
  }

  /** POSTs as {@link #post} does; a successful answer is taken as text ({@link Answer#text()}). */
  public Answer postForText(String path, Object body, boolean gzip) throws SuifangException {
    return post(path, body, gzip, true);
  }

  private Answer post(String path, Object body, boolean gzip, boolean asText)
      throws SuifangException {
    Session s = requireTokens();
    if (s.accessToken() == null) {
      s = refresh(s);
    }
    Answer a = send(path, body, s.accessToken(), gzip, asText);
    if (a.status != 401) {
      return a;
    }
    s = refresh(s);
    a = send(path, body, s.accessToken(), gzip, asText);
    if (a.status == 401) {
      throw fromAnswer(a);
    }
    return a;
  }

  private Answer send(
      String path, Object body, @Nullable String bearer, boolean gzip, boolean asText)
      throws SuifangException {
    return asText
        ? api.postForText(path, body, bearer, gzip, true)
        : api.post(path, body, bearer, gzip, true);
  }

  private Session requireTokens() throws SuifangException {
    Session s = session();
    if (s == null || (s.accessToken() == null && s.refreshToken() == null)) {
      throw SuifangAuthException.notLoggedIn();
    }
    return s;
  }

  /** Exchanges the refresh token, unless another thread already did since {@code seen}. */
  private Session refresh(Session seen) throws SuifangException {
    synchronized (lock) {
      Session current = session();
      if (current == null) {
        throw SuifangAuthException.notLoggedIn();
      }
      if (current.accessToken() != null && !current.accessToken().equals(seen.accessToken())) {
        return current;
      }
      String token = current.refreshToken();
      if (token == null) {
        throw SuifangAuthException.notLoggedIn();
      }
      RefreshRequest body = new RefreshRequest();
      body.refreshToken = token;
      Answer a;
      try {
        a = api.post("api/v1/auth/refresh", body, null, false, false);
      } catch (SuifangNetworkException e) {
        if (!Api.neverSent(e)) {
          // The server may have used the token; sending it again would be reuse.
          save(withoutTokens(current));
        }
        throw e;
      }
      if (a.isSuccessful()) {
        Session next;
        try {
          next = SessionCodec.session(a.as(TokenResponse.class), clock);
        } catch (SuifangNetworkException | com.google.gson.JsonParseException e) {
          save(withoutTokens(current));
          throw e instanceof SuifangException
              ? (SuifangException) e
              : new SuifangNetworkException(
                  ErrorCodes.BAD_RESPONSE,
                  "无法读取服务器的回复。",
                  "The refresh answer could not be read.",
                  a.status,
                  e);
        }
        save(next);
        return next;
      }
      if (a.status >= 500) {
        ErrorBody e = a.error();
        throw new SuifangNetworkException(
            ErrorCodes.SERVER_ERROR, e.messageZh, e.messageEn, a.status, null);
      }
      if (a.status == 401 || a.status == 403) {
        save(withoutTokens(current));
      }
      throw fromAnswer(a);
    }
  }

  private void save(Session s) throws SuifangException {
    synchronized (lock) {
      try {
        store.save(s);
      } catch (IOException e) {
        throw storageFailed(e);
      }
      session = s;
      loaded = true;
    }
  }

  private static Session withoutTokens(Session s) {
    return s.toBuilder()
        .accessToken(null)
        .refreshToken(null)
        .accessTokenExpiresAt(null)
        .refreshTokenExpiresAt(null)
        .build();
  }

  /** Returns the exception for an unsuccessful answer of the auth endpoints. */
  static SuifangException fromAnswer(Answer a) {
    ErrorBody e = a.error();
    String code = e.code == null ? "HTTP_" + a.status : e.code;
    if (a.status == 400 && ErrorCodes.VALIDATION_FAILED.equals(code) && e.fieldErrors != null) {
      return new SuifangValidationException(e.fieldErrors);
    }
    if (a.status == 401 || a.status == 403 || a.status == 429) {
      return new SuifangAuthException(code, e.messageZh, e.messageEn, a.status, null);
    }
    return new SuifangNetworkException(
        a.status >= 500 ? ErrorCodes.SERVER_ERROR : code, e.messageZh, e.messageEn, a.status, null);
  }

  static SuifangException storageFailed(IOException e) {
    return new SuifangException(
        ErrorCodes.STORAGE_FAILED,
        "无法读写本机存储。",
        "The device storage could not be read or written.",
        0,
        e);
  }
}
