package org.suifang.server.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every error response, including the framework's own (404, 405, 413, 401, 403, bad JSON,
 * bean validation), the single {@link ApiError} shape. A 5xx never carries the exception's message,
 * so no internals or stack traces leak to clients.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

  @Override
  public MutableHttpResponse<ApiError> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    ApiError body = body(context, response.status());
    @SuppressWarnings("unchecked")
    MutableHttpResponse<ApiError> typed = (MutableHttpResponse<ApiError>) response;
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return typed;
    }
    return typed.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static ApiError body(ErrorContext context, HttpStatus status) {
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof ApiException api) {
      return api.toApiError();
    }
    CommonError code = codeFor(status, cause);
    List<FieldError> fields = new ArrayList<>();
    if (cause instanceof ConstraintViolationException violations) {
      // Micronaut's handler passes only "path: message" strings; read the violations themselves.
      for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
        fields.add(FieldError.of(jsonPath(v.getPropertyPath().toString()), v));
      }
      fields.sort(java.util.Comparator.comparing(FieldError::field));
    } else if (code == CommonError.VALIDATION_FAILED || code == CommonError.MALFORMED_REQUEST) {
      for (Error error : context.getErrors()) {
        String field = error.getPath().map(ApiErrorResponseProcessor::jsonPath).orElse(null);
        if (field != null) {
          // The framework's message is English only; give the Chinese reader a plain equivalent.
          fields.add(
              code == CommonError.VALIDATION_FAILED
                  ? new FieldError(field, "INVALID", "此项无效。", error.getMessage())
                  : new FieldError(field, "MALFORMED", "此项的类型或格式不正确，无法读取。", error.getMessage()));
        }
      }
    }
    return ApiError.of(code, fields);
  }

  private static CommonError codeFor(HttpStatus status, Throwable cause) {
    switch (status) {
      case BAD_REQUEST:
        return cause instanceof ConstraintViolationException
            ? CommonError.VALIDATION_FAILED
            : CommonError.MALFORMED_REQUEST;
      case UNAUTHORIZED:
        return CommonError.UNAUTHENTICATED;
      case FORBIDDEN:
        return CommonError.FORBIDDEN;
      case NOT_FOUND:
        return CommonError.NOT_FOUND;
      case METHOD_NOT_ALLOWED:
        return CommonError.METHOD_NOT_ALLOWED;
      case REQUEST_ENTITY_TOO_LARGE:
        return CommonError.PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE:
        return CommonError.UNSUPPORTED_MEDIA_TYPE;
      case CONFLICT:
        return CommonError.CONFLICT;
      default:
        return status.getCode() >= 500 ? CommonError.INTERNAL_ERROR : CommonError.MALFORMED_REQUEST;
    }
  }

  /**
   * Turns a validation path like {@code create.command.phone} into the JSON field {@code phone}.
   */
  private static String jsonPath(String path) {
    String[] parts = path.split("\\.");
    if (parts.length > 2) {
      return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
    return parts[parts.length - 1];
  }
}
