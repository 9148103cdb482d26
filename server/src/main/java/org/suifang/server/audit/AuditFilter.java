package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;

/**
 * The filters of an audit-log query; each null or blank one is not applied.
 *
 * @param user a username (case-insensitive)
 * @param action an {@link AuditAction} name
 * @param targetType e.g. {@code PATIENT}
 * @param targetId e.g. a patient id
 * @param from the first day, China Standard Time
 * @param to the last day (inclusive), China Standard Time
 */
public record AuditFilter(
    @Nullable String user,
    @Nullable String action,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {

  public AuditFilter {
    user = blankToNull(user);
    user = user == null ? null : user.toLowerCase(Locale.ROOT);
    action = blankToNull(action);
    targetType = blankToNull(targetType);
    targetId = blankToNull(targetId);
  }

  /** Throws {@code VALIDATION_FAILED} for an unknown action or a {@code to} before {@code from}. */
  void validate() {
    List<FieldError> errors = new ArrayList<>();
    if (action != null) {
      try {
        AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "action", "UNKNOWN_ACTION", "未知的操作类型。", "Not an audit action: " + action + "."));
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(
          new FieldError(
              "to", "BEFORE_FROM", "结束日期早于开始日期。", "The end date is before the start date."));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(CommonError.VALIDATION_FAILED, errors);
    }
  }

  /** Returns the filters as text for the audit entry of the read, e.g. {@code action=EXPORT}. */
  String describe() {
    StringBuilder s = new StringBuilder();
    append(s, "user", user);
    append(s, "action", action);
    append(s, "targetType", targetType);
    append(s, "targetId", targetId);
    append(s, "from", from);
    append(s, "to", to);
    return s.toString();
  }

  private static void append(StringBuilder s, String name, @Nullable Object value) {
    if (value != null) {
      s.append(s.length() == 0 ? "" : " ").append(name).append('=').append(value);
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
