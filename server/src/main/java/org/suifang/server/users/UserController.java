package org.suifang.server.users;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/** The current user's own profile. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  /** Returns the current user's profile and area (county, township, villages). */
  @Get("/me")
  UserView me(CurrentUser user) {
    return users
        .findView(user.id())
        .filter(UserView::active)
        .orElseThrow(() -> new ApiException(CommonError.UNAUTHENTICATED));
  }
}
