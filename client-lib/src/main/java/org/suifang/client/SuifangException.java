package org.suifang.client;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An operational failure of the SDK, with a stable {@link #code()} (docs/errors.md, or {@link
 * ErrorCodes} for the SDK's own) and messages in Chinese and English for the doctor. Subclasses
 * tell validation, authentication and network failures apart. Misuse (a null argument, a closed
 * client) is an unchecked exception instead.
 */
public class SuifangException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String messageZh;
  private final String messageEn;
  private final int httpStatus;

  /** Creates an exception without an HTTP status and without a cause. */
  public SuifangException(String code, String messageZh, String messageEn) {
    this(code, messageZh, messageEn, 0, null);
  }

  /**
   * Creates an exception.
   *
   * @param httpStatus the server's HTTP status, or 0 when the failure did not come from an answer
   * @param cause the underlying exception, or null
   */
  public SuifangException(
      String code, String messageZh, String messageEn, int httpStatus, @Nullable Throwable cause) {
    super(code + ": " + messageEn, cause);
    this.code = Objects.requireNonNull(code, "code == null");
    this.messageZh = Objects.requireNonNull(messageZh, "messageZh == null");
    this.messageEn = Objects.requireNonNull(messageEn, "messageEn == null");
    this.httpStatus = httpStatus;
  }

  /** Returns the stable code, e.g. {@code VALIDATION_FAILED} or {@code OFFLINE}. */
  public String code() {
    return code;
  }

  /** Returns the message in Chinese, for the doctor. */
  public String messageZh() {
    return messageZh;
  }

  /** Returns the message in English. */
  public String messageEn() {
    return messageEn;
  }

  /** Returns the server's HTTP status, or 0 if the failure did not come from an answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns whether the failure was a missing or failing connection (worth retrying later). */
  public boolean isOffline() {
    return false;
  }
}
