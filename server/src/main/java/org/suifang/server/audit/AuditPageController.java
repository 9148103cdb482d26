package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.suifang.server.auth.CurrentUser;

/** The audit-log page for county administrators: the same filters and pages as the API. */
@Controller("/dashboard/audit")
@Secured("COUNTY_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
  private static final int SIZE = 50;

  private final AuditReader reader;

  AuditPageController(AuditReader reader) {
    this.reader = reader;
  }

  /** Shows one page of the log; the read is recorded as {@code AUDIT_LOG_VIEW}. */
  @Get(produces = MediaType.TEXT_HTML)
  @View("audit/audit-log")
  Map<String, Object> page(
      CurrentUser admin,
      @Nullable @QueryValue("user") String username,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String targetType,
      @Nullable @QueryValue String targetId,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
      HttpRequest<?> request) {
    AuditFilter filter = new AuditFilter(username, action, targetType, targetId, from, to);
    AuditLogPage result = reader.read(admin, filter, page, SIZE, request);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (AuditEntryView e : result.entries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", e.id());
      row.put("at", TIME.format(e.at()));
      row.put("username", e.username());
      row.put("role", e.role());
      row.put("action", e.action());
      row.put("targetType", e.targetType());
      row.put("targetId", e.targetId());
      row.put("detail", e.detail());
      row.put("remoteAddress", e.remoteAddress());
      row.put("userAgent", e.userAgent());
      entries.add(row);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("user", filter.user());
    values.put("action", filter.action());
    values.put("targetType", filter.targetType());
    values.put("targetId", filter.targetId());
    values.put("from", filter.from());
    values.put("to", filter.to());
    String query = query(values);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("entries", entries);
    model.put("filter", values);
    model.put("actions", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
    model.put("page", result.page());
    model.put("total", result.total());
    model.put("firstShown", result.entries().isEmpty() ? 0 : (long) page * SIZE + 1);
    model.put("lastShown", (long) page * SIZE + result.entries().size());
    model.put("previousUrl", page > 0 ? "/dashboard/audit?" + query + "page=" + (page - 1) : null);
    model.put(
        "nextUrl",
        (long) (page + 1) * SIZE < result.total()
            ? "/dashboard/audit?" + query + "page=" + (page + 1)
            : null);
    return model;
  }

  private static String query(Map<String, Object> values) {
    StringBuilder q = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            q.append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8))
                .append('&');
          }
        });
    return q.toString();
  }
}
