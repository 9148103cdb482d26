package org.suifang.server.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The single JSON error shape of the API, for every 4xx and 5xx response.
 *
 * @param status the HTTP status code
 * @param code the stable error code (see docs/errors.md)
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 * @param fieldErrors per-field problems, empty when the error is not about fields
 * @param help where the code is documented, {@code docs/errors.md#<anchor>}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(
    int status,
    String code,
    String messageZh,
    String messageEn,
    List<FieldError> fieldErrors,
    String help) {

  /** Creates the error for a code with its default messages. */
  public static ApiError of(ErrorCode code, List<FieldError> fieldErrors) {
    return new ApiError(
        code.status().getCode(),
        code.name(),
        code.messageZh(),
        code.messageEn(),
        List.copyOf(fieldErrors),
        "docs/errors.md#" + code.anchor());
  }
}
