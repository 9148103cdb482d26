package org.suifang.client.internal.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.suifang.client.FieldError;
import org.suifang.client.SuifangValidationException;

/** Collects field errors with the server's generic codes (REQUIRED, OUT_OF_RANGE, FORMAT). */
final class Errors {
  private final List<FieldError> list = new ArrayList<>();
  private final String prefix;

  Errors(String prefix) {
    this.prefix = prefix;
  }

  void add(String field, String code, String zh, String en) {
    list.add(new FieldError(prefix + field, code, zh, en));
  }

  void required(String field, String zh, String en) {
    add(field, "REQUIRED", zh + "必填。", en + " is required.");
  }

  void outOfRange(String field, String zh, String en) {
    add(field, "OUT_OF_RANGE", zh, en);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<FieldError> list() {
    return list;
  }

  void throwIfAny() throws SuifangValidationException {
    if (!list.isEmpty()) {
      throw new SuifangValidationException(list);
    }
  }

  /** Text longer than {@code max} characters. */
  void maxLength(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      outOfRange(field, "长度不能超过" + max + "个字符。", "At most " + max + " characters.");
    }
  }

  void range(String field, @Nullable Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      outOfRange(field, "应在 " + min + "-" + max + " 之间。", "Must be " + min + "-" + max + ".");
    }
  }

  void range(String field, @Nullable BigDecimal value, String min, String max) {
    if (value != null
        && (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0)) {
      outOfRange(field, "应在 " + min + "-" + max + " 之间。", "Must be " + min + "-" + max + ".");
    }
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.trim().isEmpty();
  }

  @Nullable
  static String trimToNull(@Nullable String s) {
    return blank(s) ? null : s.trim();
  }
}
