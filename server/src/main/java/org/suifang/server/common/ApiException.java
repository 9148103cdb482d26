package org.suifang.server.common;

import java.util.List;
import java.util.Objects;

/**
 * A domain error that the API answers with {@link ApiError}. Throw it (or a subclass) from
 * services; {@link ApiExceptionHandler} turns it into the response. Nothing is logged here: a 4xx
 * is the client's problem, not the server's.
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final List<FieldError> fieldErrors;
  private final String messageZh;
  private final String messageEn;

  public ApiException(ErrorCode code) {
    this(code, List.of());
  }

  public ApiException(ErrorCode code, List<FieldError> fieldErrors) {
    this(code, code.messageZh(), code.messageEn(), fieldErrors);
  }

  /** Creates an error with messages more specific than the code's defaults. */
  public ApiException(
      ErrorCode code, String messageZh, String messageEn, List<FieldError> fieldErrors) {
    super(code.name() + ": " + messageEn);
    this.code = Objects.requireNonNull(code, "code == null");
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** Shorthand for a {@link CommonError#VALIDATION_FAILED} error about one field. */
  public static ApiException invalidField(
      String field, String fieldCode, String messageZh, String messageEn) {
    return new ApiException(
        CommonError.VALIDATION_FAILED,
        List.of(new FieldError(field, fieldCode, messageZh, messageEn)));
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** Returns the response body for this error. */
  public ApiError toApiError() {
    return new ApiError(
        code.status().getCode(),
        code.name(),
        messageZh,
        messageEn,
        fieldErrors,
        "docs/errors.md#" + code.anchor());
  }
}
