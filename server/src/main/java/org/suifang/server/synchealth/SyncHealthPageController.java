package org.suifang.server.synchealth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.suifang.server.auth.CurrentUser;

/** The sync-health page: one row per device and doctor of the user's area. */
@Controller("/dashboard/sync-health")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncHealthPageController {

  private final SyncHealthService service;

  SyncHealthPageController(SyncHealthService service) {
    this.service = service;
  }

  /** Shows the page; {@code township} narrows an administrator's county to one township. */
  @Get(produces = MediaType.TEXT_HTML)
  @View("synchealth/sync-health")
  Map<String, Object> page(CurrentUser user, @Nullable @QueryValue String township) {
    SyncHealthReport report = service.report(user, township);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SyncHealthRow r : report.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("doctorName", r.doctorName());
      row.put("username", r.username());
      row.put("doctorActive", r.doctorActive());
      row.put(
          "villages",
          r.villages().stream().map(SyncHealthRow.Village::name).collect(Collectors.joining("、")));
      row.put("hasDevice", r.deviceId() != null);
      row.put("deviceId", r.deviceId() == null ? "" : r.deviceId().toString());
      row.put("deviceShort", r.deviceId() == null ? "" : r.deviceId().toString().substring(0, 8));
      row.put("model", r.model());
      row.put("platform", r.platform());
      row.put("appVersion", r.appVersion());
      row.put("lastSyncAt", SyncHealthCsv.time(r.lastSyncAt()));
      row.put("lastSeenAt", SyncHealthCsv.time(r.lastSeenAt()));
      row.put("pendingCount", r.pendingCount());
      row.put("oldestPendingAt", SyncHealthCsv.time(r.oldestPendingAt()));
      row.put("clockOffset", r.clockOffset());
      row.put("clockSuspectCount", r.clockSuspectCount());
      row.put("rejectedCount", r.rejectedCount());
      row.put("stale", r.stale());
      row.put("clockSuspect", r.clockSuspect());
      row.put("neverSynced", r.neverSynced());
      row.put("flagged", r.flagged());
      rows.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("report", report);
    model.put("rows", rows);
    model.put("generatedAt", SyncHealthCsv.time(report.generatedAt()));
    model.put(
        "csvUrl",
        "/api/v1/reports/sync-health.csv"
            + (township == null || township.isBlank()
                ? ""
                : "?township=" + URLEncoder.encode(township, StandardCharsets.UTF_8)));
    return model;
  }
}
