package org.suifang.server.synchealth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.nio.charset.StandardCharsets;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;

/** Sync health as JSON and CSV, for supervisors and county administrators. */
@Controller("/api/v1/reports")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncHealthController {

  private final SyncHealthService service;
  private final AuditLog audit;
  private final HttpLocaleResolver locales;

  SyncHealthController(SyncHealthService service, AuditLog audit, HttpLocaleResolver locales) {
    this.service = service;
    this.audit = audit;
    this.locales = locales;
  }

  /** Returns one row per device and doctor of the area; {@code township} narrows a county. */
  @Get("/sync-health")
  SyncHealthReport report(CurrentUser user, @Nullable @QueryValue String township) {
    return service.report(user, township);
  }

  /**
   * Returns the same rows as CSV (UTF-8 with BOM; headers in the {@code lang} cookie's language)
   * and writes an {@code EXPORT} audit entry.
   */
  @Get(value = "/sync-health.csv", produces = "text/csv;charset=utf-8")
  HttpResponse<byte[]> csv(
      CurrentUser user, @Nullable @QueryValue String township, HttpRequest<?> request) {
    SyncHealthReport report = service.report(user, township);
    audit.record(
        user,
        request,
        AuditAction.EXPORT,
        "SYNC_HEALTH",
        report.areaCode(),
        "sync-health.csv rows=" + report.rows().size());
    boolean english = "en".equals(locales.resolveOrDefault(request).getLanguage());
    String file = "sync-health-" + report.areaCode() + ".csv";
    return HttpResponse.ok(SyncHealthCsv.write(report, english).getBytes(StandardCharsets.UTF_8))
        .contentType(new MediaType("text/csv;charset=utf-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
