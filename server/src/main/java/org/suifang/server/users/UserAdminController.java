package org.suifang.server.users;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * The county administrator's user management, limited to their own county. Deactivating a user
 * stops new logins and refreshes at once; access tokens already issued run out within their
 * lifetime (15 minutes by default).
 */
@Controller("/api/v1/users")
@Secured("COUNTY_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {

  private final UserService users;

  UserAdminController(UserService users) {
    this.users = users;
  }

  /** Lists the users of the administrator's county. */
  @Get
  List<UserView> list(CurrentUser admin) {
    return users.listCounty(admin.countyCode());
  }

  /** Creates a user in the administrator's county. */
  @Post
  @Status(HttpStatus.CREATED)
  UserView create(CurrentUser admin, @Body @Valid UserCommand command) {
    return users.createUserInCounty(command, admin.countyCode());
  }

  /** Returns one user of the administrator's county. */
  @Get("/{id}")
  UserView get(CurrentUser admin, UUID id) {
    return inCounty(admin, id);
  }

  /** Deactivates a user: no more logins or refreshes. An administrator cannot deactivate themself. */
  @Post("/{id}/deactivate")
  UserView deactivate(CurrentUser admin, UUID id) {
    inCounty(admin, id);
    if (id.equals(admin.id())) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    users.setActive(id, false);
    return inCounty(admin, id);
  }

  /** Reactivates a user. */
  @Post("/{id}/activate")
  UserView activate(CurrentUser admin, UUID id) {
    inCounty(admin, id);
    users.setActive(id, true);
    return inCounty(admin, id);
  }

  /** Lifts a login lock and clears the failed-login count. */
  @Post("/{id}/unlock")
  UserView unlock(CurrentUser admin, UUID id) {
    inCounty(admin, id);
    users.clearFailedLogins(id);
    return inCounty(admin, id);
  }

  /** Sets a new password, e.g. when a doctor forgot theirs. */
  @Put("/{id}/password")
  @Status(HttpStatus.NO_CONTENT)
  void setPassword(CurrentUser admin, UUID id, @Body @Valid PasswordCommand command) {
    inCounty(admin, id);
    users.setPassword(id, command.password());
  }

  /** Returns the user if they belong to the admin's county; 404 otherwise (no probing of other counties). */
  private UserView inCounty(CurrentUser admin, UUID id) {
    return users.findView(id).filter(u -> u.countyCode().equals(admin.countyCode()))
        .orElseThrow(() -> new ApiException(CommonError.NOT_FOUND));
  }
}
