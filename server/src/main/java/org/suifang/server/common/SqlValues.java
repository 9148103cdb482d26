package org.suifang.server.common;

import io.micronaut.core.annotation.Nullable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds the values plain-JDBC statements write, the same way on H2 and PostgreSQL. */
public final class SqlValues {

  private SqlValues() {}

  /** Binds an integer, or SQL NULL for null. */
  public static void setInt(PreparedStatement ps, int index, @Nullable Integer value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  /** Binds a long, or SQL NULL for null. */
  public static void setLong(PreparedStatement ps, int index, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  /**
   * Binds an instant to a {@code TIMESTAMP WITH TIME ZONE} column (as an offset date-time in UTC),
   * or SQL NULL for null.
   */
  public static void setInstant(PreparedStatement ps, int index, @Nullable Instant value)
      throws SQLException {
    ps.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
  }
}
