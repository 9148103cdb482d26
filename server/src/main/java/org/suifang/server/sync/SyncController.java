package org.suifang.server.sync;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import org.suifang.server.auth.CurrentUser;

/** The sync round trip: push mutations, pull changes (docs/sync-protocol.md). */
@Controller("/api/v1/sync")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncController {

  private final SyncService sync;

  SyncController(SyncService sync) {
    this.sync = sync;
  }

  /** Pushes the request's mutations exactly once and answers their results and the next page. */
  @Post
  SyncResponse sync(@Body @Valid SyncRequest request, CurrentUser user) {
    return sync.sync(request, user);
  }
}
