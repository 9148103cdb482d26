package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.suifang.server.auth.CurrentUser;

/** The audit log for county administrators. */
@Controller("/api/v1/audit-log")
@Secured("COUNTY_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditLogController {

  private final AuditReader reader;

  AuditLogController(AuditReader reader) {
    this.reader = reader;
  }

  /**
   * Returns entries of the administrator's county, newest first, filtered by {@code user}, {@code
   * action}, {@code targetType}, {@code targetId}, {@code from} and {@code to} (ISO dates, China
   * Standard Time, inclusive), paged ({@code page} from 0, {@code size} 1–200, default 50). The
   * read is recorded as {@code AUDIT_LOG_VIEW}.
   */
  @Get
  AuditLogPage list(
      CurrentUser admin,
      @Nullable @QueryValue("user") String username,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String targetType,
      @Nullable @QueryValue String targetId,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      HttpRequest<?> request) {
    return reader.read(
        admin,
        new AuditFilter(username, action, targetType, targetId, from, to),
        page,
        size,
        request);
  }
}
