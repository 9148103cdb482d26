package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.reports.IndicatorReport.Row;
import org.suifang.server.reports.IndicatorRepository.RegionRow;

/**
 * The overview page, the landing page after login: the indicator table of a period and area with
 * each figure's formula and data freshness, the four-quarter trend chart and the CSV link. It shows
 * exactly what {@code GET /api/v1/reports/indicators} answers for the same parameters.
 */
@Controller("/dashboard")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(IndicatorService.CHINA);

  private final IndicatorService service;
  private final IndicatorRepository regions;
  private final JsonMapper json;

  OverviewController(IndicatorService service, IndicatorRepository regions, JsonMapper json) {
    this.service = service;
    this.regions = regions;
    this.json = json;
  }

  /** Renders the overview; parameters as {@code GET /api/v1/reports/indicators}. */
  @Get(produces = MediaType.TEXT_HTML)
  @View("reports/overview")
  Map<String, Object> overview(
      @Nullable @QueryValue String period,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String groupBy,
      CurrentUser user) {
    IndicatorService.Query q = service.query(user, period, area, groupBy);
    IndicatorService.Overview overview = service.overview(q);
    IndicatorReport report = overview.report();
    IndicatorTrend trend = overview.trend();
    String query =
        "period="
            + report.period()
            + "&area="
            + report.area().code()
            + "&groupBy="
            + report.groupBy();
    Map<String, Object> model = new HashMap<>();
    // The page reads the same JSON the API answers, so the two cannot disagree.
    model.put("report", tree(report));
    model.put("trendJson", json(trend));
    model.put("periods", periods(service.today(), report.period()));
    model.put("areas", areas(user));
    model.put("groupBys", List.of("township", "village", "doctor"));
    model.put("times", times(report));
    model.put("csvUrl", "/api/v1/reports/indicators.csv?" + query);
    model.put("jsonUrl", "/api/v1/reports/indicators?" + query);
    return model;
  }

  /** The last eight quarters and the last three years, newest first; plus the shown one. */
  private static List<Map<String, String>> periods(LocalDate today, String shown) {
    List<Map<String, String>> out = new ArrayList<>();
    Period q = Period.quarterOf(today);
    for (int i = 0; i < 8; i++) {
      out.add(option(q.label(), q.label()));
      q = q.previousQuarter();
    }
    for (int y = today.getYear(); y > today.getYear() - 3; y--) {
      out.add(option(Integer.toString(y), Integer.toString(y)));
    }
    if (out.stream().noneMatch(o -> o.get("value").equals(shown))) {
      out.add(option(shown, shown));
    }
    return List.copyOf(out);
  }

  /** An administrator picks the county or a township, a supervisor their township or a village. */
  private List<Map<String, String>> areas(CurrentUser user) {
    List<Map<String, String>> out = new ArrayList<>();
    for (RegionRow r : regions.regionsOfCounty(user.countyCode())) {
      boolean shown =
          user.role() == Role.COUNTY_ADMIN
              ? !"VILLAGE".equals(r.level())
              : r.code().equals(user.townshipCode())
                  || ("VILLAGE".equals(r.level()) && user.canRead(r.code()));
      if (shown) {
        out.add(option(r.code(), ("VILLAGE".equals(r.level()) ? "· " : "") + r.name()));
      }
    }
    return List.copyOf(out);
  }

  /** The freshness times of each row (and {@code total}), in China Standard Time. */
  private static Map<String, String> times(IndicatorReport report) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>(report.rows());
    rows.add(report.totals());
    for (Row r : rows) {
      out.put(r.key() + ".oldest", format(r.freshness().oldestSyncAt()));
      out.put(r.key() + ".newest", format(r.freshness().newestSyncAt()));
    }
    out.put("computedAt", format(report.computedAt()));
    return out;
  }

  private static String format(@Nullable Instant instant) {
    return instant == null ? "—" : MINUTES.format(instant);
  }

  /** A choice of a picker. */
  private static Map<String, String> option(String value, String label) {
    return Map.of("value", value, "label", label);
  }

  /** The value as JSON maps and lists, for the template. */
  private Object tree(Object value) {
    try {
      return json.readValue(json.writeValueAsBytes(value), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON for a {@code <script type="application/json">} block: "</" cannot end the block. */
  private String json(Object value) {
    try {
      return json.writeValueAsString(value).replace("</", "<\\/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
