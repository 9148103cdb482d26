package org.suifang.server.testing;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain SQL reads for tests that check what the database holds, independently of the code. */
public final class SqlRows {

  private SqlRows() {}

  /** Runs a query and returns each row as column label (lower case) → value. */
  public static List<Map<String, Object>> read(
      TransactionOperations<Connection> transactions, String sql, Object... params) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              ResultSetMetaData meta = rs.getMetaData();
              List<Map<String, Object>> rows = new ArrayList<>();
              while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                  row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
                }
                rows.add(row);
              }
              return rows;
            }
          } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
          }
        });
  }
}
