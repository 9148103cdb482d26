package org.suifang.server.common;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Recognises a database refusing a value itself rather than failing: SQLSTATE class 22, "data
 * exception" (a NUL character in text, which PostgreSQL cannot store; a timestamp out of its range;
 * a number or string too long for its column). Such a request is bad input (400), and a pushed
 * mutation carrying it is a permanent rejection, never a temporary failure to retry.
 */
public final class BadData {

  private BadData() {}

  /** Returns true when the exception or one of its causes is an SQL data exception. */
  public static boolean is(Throwable e) {
    return anySqlState(e, state -> state.startsWith("22"));
  }

  /**
   * Returns true when the exception or one of its causes is an {@link SQLException} whose SQLSTATE
   * matches {@code test}.
   */
  static boolean anySqlState(Throwable e, Predicate<String> test) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && test.test(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  /** The error answered for such a value. */
  public static ApiException error() {
    return new ApiException(
        CommonError.MALFORMED_REQUEST,
        List.of(
            new FieldError(
                "body",
                "UNSTORABLE",
                "某项内容无法保存（例如含有空字符，或日期超出范围）。",
                "A value cannot be stored (e.g. it contains a NUL character or a date out of range).")));
  }
}
