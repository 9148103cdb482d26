package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;

/**
 * The supervisors' worklists over their area, as JSON and as CSV line lists; see
 * docs/worklists.md#dashboard-lists. Every route takes optional {@code village}, {@code doctor} (a
 * village doctor's user id) and {@code date}; JSON pages with {@code page} and {@code size}, CSV
 * exports every row. Resident ID numbers are masked unless {@code unmasked=true} (audited).
 */
@Controller("/api/v1/reports/worklists")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaWorklistController {

  static final MediaType CSV = MediaType.of("text/csv;charset=UTF-8");

  private final AreaWorklistService service;
  private final WorklistCsv csv;

  AreaWorklistController(AreaWorklistService service, WorklistCsv csv) {
    this.service = service;
    this.csv = csv;
  }

  /** Returns the area's patients overdue for a face-to-face follow-up, most overdue first. */
  @Get("/overdue")
  AreaWorklistPage<OverdueView> overdue(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return service.overdue(
        new AreaWorklistService.Filter(village, doctor, date, unmasked), page, size, user, request);
  }

  /** Returns the area's referrals waiting for their 14-day follow-up, earliest due first. */
  @Get("/referrals")
  AreaWorklistPage<ReferralView> referrals(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return service.referrals(
        new AreaWorklistService.Filter(village, doctor, date, unmasked), page, size, user, request);
  }

  /** Returns the area's danger-sign visits of the last 14 days, open ones first. */
  @Get("/danger-signs")
  AreaWorklistPage<DangerSignVisitView> dangerSigns(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return service.dangerSigns(
        new AreaWorklistService.Filter(village, doctor, date, unmasked), page, size, user, request);
  }

  /** Returns the area's patients at risk of missing the yearly visit count, largest gap first. */
  @Get("/at-risk")
  AreaWorklistPage<AtRiskView> atRisk(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return service.atRisk(
        new AreaWorklistService.Filter(village, doctor, date, unmasked), page, size, user, request);
  }

  /** Exports the whole overdue list as CSV (audited). */
  @Get("/overdue.csv")
  HttpResponse<byte[]> overdueCsv(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return export(AreaList.OVERDUE, village, doctor, date, unmasked, user, request);
  }

  /** Exports the whole referral list as CSV (audited). */
  @Get("/referrals.csv")
  HttpResponse<byte[]> referralsCsv(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return export(AreaList.REFERRALS, village, doctor, date, unmasked, user, request);
  }

  /** Exports the whole danger-sign list as CSV (audited). */
  @Get("/danger-signs.csv")
  HttpResponse<byte[]> dangerSignsCsv(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return export(AreaList.DANGER_SIGNS, village, doctor, date, unmasked, user, request);
  }

  /** Exports the whole at-risk list as CSV (audited). */
  @Get("/at-risk.csv")
  HttpResponse<byte[]> atRiskCsv(
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "false") boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    return export(AreaList.AT_RISK, village, doctor, date, unmasked, user, request);
  }

  private HttpResponse<byte[]> export(
      AreaList list,
      @Nullable String village,
      @Nullable UUID doctor,
      @Nullable LocalDate date,
      boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    AreaWorklistPage<?> all =
        service.export(
            list, new AreaWorklistService.Filter(village, doctor, date, unmasked), user, request);
    return HttpResponse.ok(csv.write(list, all))
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + WorklistCsv.fileName(list, all.date()) + "\"");
  }
}
