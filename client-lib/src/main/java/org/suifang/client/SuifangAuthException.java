package org.suifang.client;

import javax.annotation.Nullable;

/**
 * No usable login: {@link ErrorCodes#NOT_LOGGED_IN}, or the server's authentication codes ({@code
 * LOGIN_FAILED}, {@code ACCOUNT_LOCKED}, {@code ACCOUNT_DISABLED}, {@code REFRESH_TOKEN_INVALID},
 * {@code REFRESH_TOKEN_REUSED}, {@code UNAUTHENTICATED}; docs/errors.md). The doctor must log in
 * again; the outbox is kept.
 */
public final class SuifangAuthException extends SuifangException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public SuifangAuthException(
      String code, String messageZh, String messageEn, int httpStatus, @Nullable Throwable cause) {
    super(code, messageZh, messageEn, httpStatus, cause);
  }

  /** Returns the exception for "nobody is logged in". */
  public static SuifangAuthException notLoggedIn() {
    return new SuifangAuthException(
        ErrorCodes.NOT_LOGGED_IN,
        "请先登录。",
        "Nobody is logged in on this device; log in first.",
        0,
        null);
  }
}
