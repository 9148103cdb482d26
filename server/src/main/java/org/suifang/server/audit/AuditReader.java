package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * Reads the audit log for county administrators: the entries of users of the administrator's own
 * county, filtered and paged, newest first. Every read is itself recorded ({@code AUDIT_LOG_VIEW},
 * with the filters as detail) in the same transaction.
 */
@Singleton
public class AuditReader {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcOperations jdbc;
  private final AuditLog audit;

  AuditReader(JdbcOperations jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Returns one page of the entries the administrator may read and records the read.
   *
   * @param request the HTTP request, for the audit entry of the read; null outside one
   * @throws ApiException {@code FORBIDDEN} for anyone but a county administrator, {@code
   *     VALIDATION_FAILED} for an unknown action or an end date before the start date
   */
  @Transactional
  public AuditLogPage read(
      CurrentUser admin, AuditFilter filter, int page, int size, @Nullable HttpRequest<?> request) {
    Objects.requireNonNull(filter, "filter == null");
    if (admin.role() != Role.COUNTY_ADMIN) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    if (page < 0 || size < 1 || size > 200) {
      throw new IllegalArgumentException("page " + page + ", size " + size);
    }
    filter.validate();
    List<Object> params = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(
            " FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE u.county_code = ?");
    params.add(admin.countyCode());
    if (filter.user() != null) {
      where.append(" AND a.username = ?");
      params.add(filter.user());
    }
    if (filter.action() != null) {
      where.append(" AND a.action = ?");
      params.add(filter.action());
    }
    if (filter.targetType() != null) {
      where.append(" AND a.target_type = ?");
      params.add(filter.targetType());
    }
    if (filter.targetId() != null) {
      where.append(" AND a.target_id = ?");
      params.add(filter.targetId());
    }
    if (filter.from() != null) {
      where.append(" AND a.at >= ?");
      params.add(filter.from().atStartOfDay(CHINA).toOffsetDateTime());
    }
    if (filter.to() != null) {
      where.append(" AND a.at < ?");
      params.add(filter.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
    }
    long total =
        jdbc.prepareStatement(
            "SELECT COUNT(*)" + where,
            ps -> {
              bind(ps, params);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    List<AuditEntryView> entries =
        jdbc.prepareStatement(
            "SELECT a.id, a.at, a.user_id, a.username, a.role, a.action, a.target_type,"
                + " a.target_id, a.detail, a.remote_address, a.user_agent"
                + where
                + " ORDER BY a.id DESC LIMIT ? OFFSET ?",
            ps -> {
              bind(ps, params);
              ps.setInt(params.size() + 1, size);
              ps.setLong(params.size() + 2, (long) page * size);
              List<AuditEntryView> out = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(entry(rs));
                }
              }
              return out;
            });
    String detail = filter.describe();
    audit.record(
        admin,
        request,
        AuditAction.AUDIT_LOG_VIEW,
        null,
        null,
        (detail.isEmpty() ? "" : detail + " ") + "page=" + page + " size=" + size);
    return new AuditLogPage(entries, page, size, total);
  }

  private static AuditEntryView entry(ResultSet rs) throws SQLException {
    return new AuditEntryView(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getObject("user_id", UUID.class),
        rs.getString("username"),
        rs.getString("role"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("detail"),
        rs.getString("remote_address"),
        rs.getString("user_agent"));
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }
}
