package org.suifang.server.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.views.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.ErrorCode;
import org.suifang.server.patients.PatientError;
import org.suifang.server.review.ReviewViews.Choice;

/**
 * The review queue page {@code /dashboard/review} and its forms (docs/dashboard.md#review-queue).
 * The page shows the same lists as the JSON API; each form posts here, the decision is made by
 * {@link ReviewService} exactly as through the API, and the browser is sent back to the page with a
 * message ({@code ?done=…} or {@code ?error=CODE}). A patient of another area answers 403.
 */
@Controller("/dashboard/review")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewPageController {

  // How many rows of each list the page shows; the JSON API pages through the rest.
  private static final int PAGE_ROWS = 50;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
  private static final Argument<Map<String, Object>> MAP =
      Argument.mapOf(String.class, Object.class);
  private static final Map<String, ErrorCode> FLASH_ERRORS = new HashMap<>();

  static {
    for (ErrorCode c : ReviewError.values()) {
      FLASH_ERRORS.put(c.name(), c);
    }
    FLASH_ERRORS.put(
        PatientError.PATIENT_ALREADY_MERGED.name(), PatientError.PATIENT_ALREADY_MERGED);
    FLASH_ERRORS.put(PatientError.PATIENT_NOT_FOUND.name(), PatientError.PATIENT_NOT_FOUND);
    FLASH_ERRORS.put(CommonError.VALIDATION_FAILED.name(), CommonError.VALIDATION_FAILED);
  }

  private final ReviewQueries queries;
  private final ReviewService service;
  private final JsonMapper json;

  ReviewPageController(ReviewQueries queries, ReviewService service, JsonMapper json) {
    this.queries = queries;
    this.service = service;
    this.json = json;
  }

  /** The page: five sections with their counts, newest first. */
  @Get(produces = MediaType.TEXT_HTML)
  @View("review/index")
  @Transactional(readOnly = true)
  Map<String, Object> index(
      @Nullable @QueryValue String done, @Nullable @QueryValue String error, CurrentUser user) {
    Area area = Area.of(user);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("counts", tree(queries.counts(area)));
    model.put("conflicts", tree(queries.conflicts(area, "OPEN", 0, PAGE_ROWS)));
    model.put("resolved", tree(queries.conflicts(area, "RESOLVED", 0, 10)));
    model.put("candidates", tree(queries.mergeCandidates(area, "OPEN", 0, PAGE_ROWS)));
    model.put("rejections", tree(queries.rejections(area, 0, PAGE_ROWS)));
    model.put("mismatches", tree(queries.mismatches(area, 0, PAGE_ROWS)));
    model.put("overrides", tree(queries.overrides(area, 0, PAGE_ROWS)));
    model.put("done", done != null && done.matches("resolved|merged|dismissed") ? done : null);
    ErrorCode failed = error == null ? null : FLASH_ERRORS.get(error);
    model.put("errorZh", failed == null ? null : failed.messageZh());
    model.put("errorEn", failed == null ? null : failed.messageEn());
    return model;
  }

  /** Resolves a conflict with the side of the form ({@code choice}: WINNER or LOSER). */
  @Post(value = "/conflicts/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> resolve(
      UUID id, @Body Map<String, String> form, CurrentUser user, HttpRequest<?> request) {
    Choice choice;
    try {
      choice = Choice.valueOf(String.valueOf(form.get("choice")));
    } catch (IllegalArgumentException e) {
      return back("error", CommonError.VALIDATION_FAILED.name(), "conflicts");
    }
    return decide(
        () -> service.resolve(id, choice, note(form), user, request), "resolved", "conflicts");
  }

  /** Merges a candidate into the patient of the form ({@code survivorId}). */
  @Post(value = "/merge-candidates/{id}/merge", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> merge(
      UUID id, @Body Map<String, String> form, CurrentUser user, HttpRequest<?> request) {
    UUID survivor;
    try {
      survivor = UUID.fromString(String.valueOf(form.get("survivorId")));
    } catch (IllegalArgumentException e) {
      return back("error", CommonError.VALIDATION_FAILED.name(), "duplicates");
    }
    return decide(
        () -> service.merge(id, survivor, note(form), user, request), "merged", "duplicates");
  }

  /** Dismisses a candidate: two different people. */
  @Post(value = "/merge-candidates/{id}/dismiss", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> dismiss(
      UUID id, @Body Map<String, String> form, CurrentUser user, HttpRequest<?> request) {
    return decide(() -> service.dismiss(id, note(form), user, request), "dismissed", "duplicates");
  }

  /**
   * Runs a decision and sends the browser back to the page. A refusal the supervisor can act on (a
   * conflict resolved meanwhile, a closed candidate…) comes back as a message; anything else, a
   * patient of another area (403) included, propagates as the API answers it.
   */
  private HttpResponse<?> decide(Runnable decision, String done, String section) {
    try {
      decision.run();
    } catch (ApiException e) {
      if (!FLASH_ERRORS.containsKey(e.code().name())) {
        throw e;
      }
      return back("error", e.code().name(), section);
    }
    return back("done", done, section);
  }

  private static HttpResponse<?> back(String key, String value, String section) {
    return HttpResponse.seeOther(
        URI.create(
            "/dashboard/review?"
                + key
                + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + "#"
                + section));
  }

  @Nullable
  private static String note(Map<String, String> form) {
    String note = form.get("note");
    if (note == null || note.isBlank()) {
      return null;
    }
    String trimmed = note.strip();
    return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
  }

  /**
   * The view as maps and lists, exactly as the JSON API serialises it (so the page and the JSON
   * agree), with every instant also as China time under {@code <key>Shown}.
   */
  private Map<String, Object> tree(Object view) {
    try {
      Map<String, Object> map = json.readValue(json.writeValueAsBytes(view), MAP);
      return withShownTimes(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withShownTimes(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map<?, ?> m) {
        value = withShownTimes((Map<String, Object>) m);
      } else if (value instanceof List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
          copy.add(item instanceof Map<?, ?> m ? withShownTimes((Map<String, Object>) m) : item);
        }
        value = copy;
      } else if (value instanceof String s
          && (e.getKey().endsWith("At") || e.getKey().endsWith("Time"))) {
        out.put(e.getKey() + "Shown", shown(s));
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  private static String shown(String instant) {
    try {
      return SHOWN.format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return instant; // not an instant after all (a date): shown as it is
    }
  }
}
