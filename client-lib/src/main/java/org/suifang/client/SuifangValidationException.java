package org.suifang.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Input that breaks a rule the server also checks: code {@code VALIDATION_FAILED} and one {@link
 * FieldError} per problem, with the server's field names and codes (docs/errors.md). Nothing was
 * stored.
 */
public final class SuifangValidationException extends SuifangException {
  private static final long serialVersionUID = 1L;

  private final List<FieldError> fieldErrors;

  /** Creates the exception for the given field errors (copied). */
  public SuifangValidationException(List<FieldError> fieldErrors) {
    super(
        ErrorCodes.VALIDATION_FAILED,
        "输入数据有误，请检查标出的字段。",
        "The input is not valid; see the field errors: " + fieldErrors);
    this.fieldErrors = Collections.unmodifiableList(new ArrayList<>(fieldErrors));
  }

  /** Returns the problems, one per field and code (unmodifiable). */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
