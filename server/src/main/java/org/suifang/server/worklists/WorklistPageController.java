package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * The worklist pages of the supervisors' dashboard ({@code /dashboard/worklists/{list}}): one tab
 * per list with its count, village and doctor filters, links to the patient page, and the CSV
 * exports (masked; the unmasked one only through a confirmation form, audited).
 */
@Controller("/dashboard/worklists")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class WorklistPageController {

  static final int PAGE_SIZE = 50;

  private final AreaWorklistService service;
  private final WorklistCsv csv;
  private final JsonMapper json;

  WorklistPageController(AreaWorklistService service, WorklistCsv csv, JsonMapper json) {
    this.service = service;
    this.csv = csv;
    this.json = json;
  }

  /** Shows one list, filtered, a page at a time. */
  @Get(value = "/{list}", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> show(
      @PathVariable String list,
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      CurrentUser user,
      HttpRequest<?> request) {
    AreaList which = list(list);
    AreaWorklistService.Filter filter =
        new AreaWorklistService.Filter(blankToNull(village), doctor, date, false);
    AreaWorklistPage<?> items =
        switch (which) {
          case OVERDUE -> service.overdue(filter, page, PAGE_SIZE, user, request);
          case REFERRALS -> service.referrals(filter, page, PAGE_SIZE, user, request);
          case DANGER_SIGNS -> service.dangerSigns(filter, page, PAGE_SIZE, user, request);
          case AT_RISK -> service.atRisk(filter, page, PAGE_SIZE, user, request);
        };
    Map<AreaList, Long> counts = service.counts(filter, user, which, items.total());
    String query = query(filter.village(), doctor, items.date());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("list", which.path());
    List<Map<String, Object>> tabs = new ArrayList<>();
    for (AreaList l : AreaList.values()) {
      Map<String, Object> tab = new LinkedHashMap<>();
      tab.put("path", l.path());
      tab.put("count", counts.get(l));
      tab.put("active", l == which);
      tab.put("href", "/dashboard/worklists/" + l.path() + query);
      tabs.add(tab);
    }
    model.put("tabs", tabs);
    model.put("page", toMap(items));
    model.put("villages", service.villages(user));
    model.put("doctors", service.doctors(user));
    model.put("village", filter.village());
    model.put("doctor", doctor == null ? null : doctor.toString());
    model.put("date", items.date().toString());
    model.put("csvHref", "/dashboard/worklists/" + which.path() + "/export.csv" + query);
    model.put("unmaskedHref", "/dashboard/worklists/" + which.path() + "/export-unmasked" + query);
    long pages = (items.total() + PAGE_SIZE - 1) / PAGE_SIZE;
    model.put("pages", pages);
    model.put("pageNumber", page);
    String sep = query.isEmpty() ? "?" : "&";
    model.put(
        "prevHref",
        page > 0
            ? "/dashboard/worklists/" + which.path() + query + sep + "page=" + (page - 1)
            : null);
    model.put(
        "nextHref",
        page + 1 < pages
            ? "/dashboard/worklists/" + which.path() + query + sep + "page=" + (page + 1)
            : null);
    return new ModelAndView<>("worklists/list", model);
  }

  /** Downloads the whole filtered list as CSV, ID numbers masked (audited EXPORT). */
  @Get("/{list}/export.csv")
  HttpResponse<byte[]> export(
      @PathVariable String list,
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      CurrentUser user,
      HttpRequest<?> request) {
    return csv(list(list), village, doctor, date, false, user, request);
  }

  /** Asks for confirmation before an export with full ID numbers. */
  @Get(value = "/{list}/export-unmasked", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> confirmUnmasked(
      @PathVariable String list,
      @Nullable @QueryValue String village,
      @Nullable @QueryValue UUID doctor,
      @Nullable @QueryValue LocalDate date,
      CurrentUser user) {
    AreaList which = list(list);
    // Checks the filter now, so a confirmation page is never shown for another township.
    AreaWorklistService.Scope scope =
        service.scope(
            new AreaWorklistService.Filter(blankToNull(village), doctor, date, true), user);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("list", which.path());
    model.put("village", scope.village());
    model.put("doctor", doctor == null ? null : doctor.toString());
    model.put("date", scope.date().toString());
    model.put("action", "/dashboard/worklists/" + which.path() + "/export-unmasked");
    model.put(
        "backHref", "/dashboard/worklists/" + which.path() + query(scope.village(), doctor, null));
    return new ModelAndView<>("worklists/confirm-unmasked", model);
  }

  /** Downloads the whole filtered list with full ID numbers, once confirmed (EXPORT_UNMASKED). */
  @Post(value = "/{list}/export-unmasked", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<byte[]> exportUnmasked(
      @PathVariable String list,
      @Body Map<String, String> form,
      CurrentUser user,
      HttpRequest<?> request) {
    if (!"yes".equals(form.get("confirm"))) {
      throw new ApiException(CommonError.VALIDATION_FAILED);
    }
    UUID doctor;
    LocalDate date;
    try {
      doctor = blankToNull(form.get("doctor")) == null ? null : UUID.fromString(form.get("doctor"));
      date = blankToNull(form.get("date")) == null ? null : LocalDate.parse(form.get("date"));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new ApiException(CommonError.MALFORMED_REQUEST);
    }
    return csv(list(list), form.get("village"), doctor, date, true, user, request);
  }

  private HttpResponse<byte[]> csv(
      AreaList list,
      @Nullable String village,
      @Nullable UUID doctor,
      @Nullable LocalDate date,
      boolean unmasked,
      CurrentUser user,
      HttpRequest<?> request) {
    AreaWorklistPage<?> all =
        service.export(
            list,
            new AreaWorklistService.Filter(blankToNull(village), doctor, date, unmasked),
            user,
            request);
    return HttpResponse.ok(csv.write(list, all))
        .contentType(AreaWorklistController.CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + WorklistCsv.fileName(list, all.date()) + "\"");
  }

  private static AreaList list(String path) {
    AreaList list = AreaList.parse(path);
    if (list == null) {
      throw new ApiException(CommonError.NOT_FOUND);
    }
    return list;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String query(
      @Nullable String village, @Nullable UUID doctor, @Nullable LocalDate date) {
    List<String> parts = new ArrayList<>();
    if (village != null) {
      parts.add("village=" + URLEncoder.encode(village, StandardCharsets.UTF_8));
    }
    if (doctor != null) {
      parts.add("doctor=" + doctor);
    }
    if (date != null) {
      parts.add("date=" + date);
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private Map<String, Object> toMap(Object value) {
    try {
      return json.readValueFromTree(
          json.writeValueToTree(value), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
