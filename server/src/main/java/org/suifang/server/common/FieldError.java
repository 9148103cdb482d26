package org.suifang.server.common;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.ConstraintViolation;

/**
 * One problem with one input field.
 *
 * @param field the JSON path of the field, e.g. {@code bloodPressure.systolic}
 * @param code a stable code, e.g. {@code REQUIRED}, {@code OUT_OF_RANGE}, {@code ID_CHECK_DIGIT}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
@Serdeable
public record FieldError(String field, String code, String messageZh, String messageEn) {

  /**
   * A bean-validation failure as a field error, with a stable code by constraint kind: {@code
   * REQUIRED}, {@code OUT_OF_RANGE}, {@code FORMAT} or {@code INVALID}. The English message is the
   * constraint's own.
   */
  public static FieldError of(String field, ConstraintViolation<?> violation) {
    String constraint =
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    String message = violation.getMessage();
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> new FieldError(field, "REQUIRED", "此项必填。", message);
      case "Size",
          "Min",
          "Max",
          "DecimalMin",
          "DecimalMax",
          "Digits",
          "Positive",
          "PositiveOrZero" ->
          new FieldError(field, "OUT_OF_RANGE", "数值或长度超出允许范围。", message);
      case "Pattern", "Email" -> new FieldError(field, "FORMAT", "格式不正确。", message);
      default -> new FieldError(field, "INVALID", "此项无效。", message);
    };
  }
}
