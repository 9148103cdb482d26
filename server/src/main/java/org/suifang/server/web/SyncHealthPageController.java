package org.suifang.server.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import java.util.Map;
import org.suifang.server.auth.CurrentUser;

/** The sync-health page: one row per device and doctor of the user's area. */
@Controller("/dashboard/sync-health")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncHealthPageController {

  /** Shows the page. */
  @Get(produces = MediaType.TEXT_HTML)
  @View("web/sync-health")
  Map<String, Object> page(CurrentUser user) {
    return Map.of();
  }
}
