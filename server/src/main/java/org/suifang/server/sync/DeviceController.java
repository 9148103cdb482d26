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

/** Device registration for sync (docs/sync-protocol.md#device-registration). */
@Controller("/api/v1/devices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceController {

  private final DeviceService devices;

  DeviceController(DeviceService devices) {
    this.devices = devices;
  }

  /** Registers the tablet for the caller (again, idempotently) and answers its lastSeq. */
  @Post
  DeviceView register(@Body @Valid DeviceCommand command, CurrentUser user) {
    return devices.register(command, user);
  }
}
