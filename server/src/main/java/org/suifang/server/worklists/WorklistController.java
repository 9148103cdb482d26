package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.suifang.server.auth.CurrentUser;

/**
 * Worklists of a village and their counts; see docs/worklists.md. Every list takes an optional
 * reference {@code date} (ISO, default today in China Standard Time) and pages by patient ({@code
 * page} from 0, {@code size} 1–200, default 50).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class WorklistController {

  private final WorklistService service;

  WorklistController(WorklistService service) {
    this.service = service;
  }

  /** Returns the patients overdue for a face-to-face follow-up, most overdue first. */
  @Get("/villages/{villageCode}/worklists/overdue")
  WorklistPage<OverdueView> overdue(
      @PathVariable String villageCode,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      CurrentUser user) {
    return service.overdue(villageCode, date, page, size, user);
  }

  /** Returns the patients due for a two-week recheck, earliest due first. */
  @Get("/villages/{villageCode}/worklists/rechecks")
  WorklistPage<RecheckView> rechecks(
      @PathVariable String villageCode,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      CurrentUser user) {
    return service.rechecks(villageCode, date, page, size, user);
  }

  /** Returns the referrals waiting for their follow-up, earliest due first. */
  @Get("/villages/{villageCode}/worklists/referrals")
  WorklistPage<ReferralView> referrals(
      @PathVariable String villageCode,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      CurrentUser user) {
    return service.referrals(villageCode, date, page, size, user);
  }

  /** Returns the patients without an annual health check this year, never checked first. */
  @Get("/villages/{villageCode}/worklists/annual-checks")
  WorklistPage<AnnualCheckView> annualChecks(
      @PathVariable String villageCode,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
      CurrentUser user) {
    return service.annualChecks(villageCode, date, page, size, user);
  }

  /** Returns how many patients are on each list, per village of the caller's area. */
  @Get("/worklists/summary")
  WorklistSummaryView summary(@Nullable @QueryValue LocalDate date, CurrentUser user) {
    return service.summary(date, user);
  }
}
