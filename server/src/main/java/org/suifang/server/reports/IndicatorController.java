package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;

/**
 * The indicators as JSON and CSV (docs/dashboard.md#overview-and-indicators). Parameters, all
 * optional: {@code period} ({@code 2026Q3} or {@code 2026}; default the current quarter), {@code
 * area} (a 12-digit county, township or village code in the caller's area; default the caller's
 * area), {@code groupBy} ({@code township}, {@code village} or {@code doctor}; default township for
 * an administrator, village for a supervisor). Village doctors are refused.
 */
@Controller("/api/v1/reports")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class IndicatorController {

  static final MediaType CSV = new MediaType("text/csv; charset=utf-8");

  private final IndicatorService service;
  private final ReportMessages messages;
  private final AuditLog audit;

  IndicatorController(IndicatorService service, ReportMessages messages, AuditLog audit) {
    this.service = service;
    this.messages = messages;
    this.audit = audit;
  }

  /** Returns the indicator table. */
  @Get("/indicators")
  IndicatorReport indicators(
      @Nullable @QueryValue String period,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String groupBy,
      CurrentUser user) {
    return service.report(service.query(user, period, area, groupBy));
  }

  /** Returns the area's figures for the last four quarters. */
  @Get("/indicators/trend")
  IndicatorTrend trend(
      @Nullable @QueryValue String period, @Nullable @QueryValue String area, CurrentUser user) {
    return service.trend(service.query(user, period, area, null));
  }

  /**
   * Returns the indicator table as CSV (UTF-8 with BOM; headers in {@code lang}, zh by default);
   * audited as an EXPORT.
   */
  @Get("/indicators.csv")
  HttpResponse<byte[]> csv(
      @Nullable @QueryValue String period,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String groupBy,
      @Nullable @QueryValue String lang,
      CurrentUser user,
      HttpRequest<?> request) {
    IndicatorService.Query q = service.query(user, period, area, groupBy);
    IndicatorReport report = service.report(q);
    audit.record(
        user,
        request,
        AuditAction.EXPORT,
        "INDICATORS",
        report.area().code(),
        "period=" + report.period() + " groupBy=" + report.groupBy());
    String file =
        "indicators-"
            + report.period()
            + "-"
            + report.area().code()
            + "-"
            + report.groupBy()
            + ".csv";
    return HttpResponse.ok(IndicatorCsv.write(report, messages, "en".equals(lang) ? "en" : "zh"))
        .contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }
}
