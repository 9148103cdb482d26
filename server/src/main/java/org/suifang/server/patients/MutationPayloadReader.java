package org.suifang.server.patients;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;

/**
 * Reads the payload of a pushed mutation (docs/sync-protocol.md#mutation) into its command record
 * with Micronaut serde and checks its bean-validation constraints, as the REST API does for a
 * request body. A payload that cannot be read is {@link CommonError#MALFORMED_REQUEST}; a
 * constraint violation is {@link CommonError#VALIDATION_FAILED} with the same field codes as the
 * REST API ({@code REQUIRED}, {@code OUT_OF_RANGE}, {@code FORMAT}, {@code INVALID}). Both are
 * permanent rejections.
 */
@Singleton
public class MutationPayloadReader {

  private final JsonMapper json;
  private final Validator validator;

  MutationPayloadReader(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /**
   * Returns the payload as a {@code type}, validated.
   *
   * @throws ApiException when the payload is not a JSON object of that shape or breaks a constraint
   */
  public <T> T read(JsonNode payload, Class<T> type) {
    return read(payload, Argument.of(type), "");
  }

  /**
   * Returns a part of a payload as a {@code type}, validated; field errors get {@code prefix} (e.g.
   * {@code "fields."}) in front of their path.
   *
   * @throws ApiException when the node is not a JSON value of that shape or breaks a constraint
   */
  public <T> T read(JsonNode node, Argument<T> type, String prefix) {
    if (node == null || node.isNull()) {
      throw malformed(prefix, "The payload is missing.");
    }
    T value;
    try {
      value = json.readValueFromTree(node, type);
    } catch (IOException e) {
      // Serde reports a wrong type, an unknown enum name or an unparsable date here.
      throw malformed(prefix, e.getMessage());
    } catch (IllegalArgumentException e) {
      // A value read on its own, not as a record's field, is not wrapped: a UUID serde throws
      // this for "not-a-uuid". Reading touches no database, so this is never a temporary failure.
      throw malformed(prefix, e.getMessage());
    }
    if (value == null) {
      throw malformed(prefix, "The payload is missing.");
    }
    validate(value, prefix);
    return value;
  }

  /**
   * Checks the bean-validation constraints of a value read from a payload (a type without bean
   * introspection, such as a UUID or a map, has none).
   */
  public void validate(Object value, String prefix) {
    if (BeanIntrospector.SHARED.findIntrospection(value.getClass()).isEmpty()) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<Object> v : validator.validate(value)) {
      errors.add(FieldError.of(prefix + v.getPropertyPath(), v));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new ApiException(CommonError.VALIDATION_FAILED, errors);
    }
  }

  private static ApiException malformed(String prefix, String detail) {
    String field = prefix.isEmpty() ? "payload" : prefix.substring(0, prefix.length() - 1);
    return new ApiException(
        CommonError.MALFORMED_REQUEST,
        List.of(new FieldError(field, "MALFORMED", "此项的类型或格式不正确，无法读取。", String.valueOf(detail))));
  }
}
