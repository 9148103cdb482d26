package org.suifang.server.worklists;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log back for assertions, newest first. */
@Singleton
public class AuditRows {

  /** One audit row: the columns the tests assert on. */
  public record Row(
      long id,
      String action,
      String username,
      String targetType,
      String targetId,
      String detail,
      String remoteAddress) {}

  private final JdbcOperations jdbc;

  AuditRows(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns every row with an id above {@code afterId}, newest first. */
  @Transactional(readOnly = true)
  public List<Row> after(long afterId) {
    return jdbc.prepareStatement(
        "SELECT id, action, username, target_type, target_id, detail, remote_address"
            + " FROM audit_log WHERE id > ? ORDER BY id DESC",
        ps -> {
          ps.setLong(1, afterId);
          List<Row> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Row(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
            }
          }
          return out;
        });
  }

  /** Returns the highest id so far (0 for none). */
  @Transactional(readOnly = true)
  public long lastId() {
    return jdbc.prepareStatement(
        "SELECT COALESCE(MAX(id), 0) FROM audit_log",
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
