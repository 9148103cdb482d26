package org.suifang.server.common;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/**
 * A stable error code of the REST API. Implemented by one enum per feature ({@link CommonError},
 * and e.g. {@code PatientError} in the patients package). Codes are unique across the API, each is
 * documented in docs/errors.md under the anchor {@link #anchor()}, and none is renamed or reused
 * once released.
 */
public interface ErrorCode {

  /** Returns the code itself, e.g. {@code VALIDATION_FAILED}. Enums implement it for free. */
  String name();

  /** Returns the HTTP status this code is answered with. */
  HttpStatus status();

  /** Returns the default Chinese (zh-CN) message. */
  String messageZh();

  /** Returns the default English message. */
  String messageEn();

  /** Returns the anchor of this code in docs/errors.md, e.g. {@code validation_failed}. */
  default String anchor() {
    return name().toLowerCase(Locale.ROOT);
  }
}
