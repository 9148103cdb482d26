package org.suifang.client;

import javax.annotation.Nullable;

/**
 * The server could not be reached or did not answer usefully: {@link ErrorCodes#OFFLINE}, {@link
 * ErrorCodes#TIMEOUT}, {@link ErrorCodes#SERVER_ERROR}, {@link ErrorCodes#BAD_RESPONSE}, or a
 * request-level code of the server ({@code SYNC_UNAVAILABLE}, {@code PAYLOAD_TOO_LARGE}, …). Local
 * data is unaffected; try again later.
 */
public final class SuifangNetworkException extends SuifangException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public SuifangNetworkException(
      String code, String messageZh, String messageEn, int httpStatus, @Nullable Throwable cause) {
    super(code, messageZh, messageEn, httpStatus, cause);
  }

  @Override
  public boolean isOffline() {
    return ErrorCodes.OFFLINE.equals(code()) || ErrorCodes.TIMEOUT.equals(code());
  }
}
