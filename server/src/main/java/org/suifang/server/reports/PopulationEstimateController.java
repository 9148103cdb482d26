package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * The "基础数据" input of 健康管理率 (domain.md §5.2): estimated patients per township and year. The county
 * administrator writes them; supervisors read their township's.
 */
@Controller("/api/v1/admin/population-estimates")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PopulationEstimateController {

  private final PopulationEstimateRepository repository;
  private final IndicatorRepository regions;
  private final Clock clock;

  PopulationEstimateController(
      PopulationEstimateRepository repository, IndicatorRepository regions, Clock clock) {
    this.repository = repository;
    this.regions = regions;
    this.clock = clock;
  }

  /** Lists the estimates of the caller's area, optionally of one year. */
  @Get
  List<PopulationEstimateView> list(@Nullable @QueryValue Integer year, CurrentUser user) {
    String prefix =
        user.role() == Role.COUNTY_ADMIN
            ? user.countyCode().substring(0, 6)
            : user.townshipCode() == null ? "-" : user.townshipCode();
    return repository.find(prefix, year).stream().map(PopulationEstimateView::of).toList();
  }

  /** Sets a township's estimate for a year (county administrators, own county). */
  @Put("/{townshipCode}/{year}")
  @Secured("COUNTY_ADMIN")
  PopulationEstimateView put(
      @PathVariable String townshipCode,
      @PathVariable @Min(2000) @Max(2999) int year,
      @Body @Valid PopulationEstimateCommand command,
      CurrentUser user) {
    IndicatorRepository.RegionRow township = regions.region(townshipCode);
    if (township == null || !"TOWNSHIP".equals(township.level())) {
      throw new ApiException(ReportError.ESTIMATE_TOWNSHIP_NOT_FOUND);
    }
    if (!townshipCode.startsWith(user.countyCode().substring(0, 6))) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    PopulationEstimateRepository.Estimate e =
        new PopulationEstimateRepository.Estimate(
            townshipCode,
            year,
            command.hypertension(),
            command.diabetes(),
            user.id(),
            clock.instant());
    repository.save(e);
    return PopulationEstimateView.of(e);
  }
}
