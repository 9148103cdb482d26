package org.suifang.server.regions;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/** The regions and facilities the current user may see. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegionController {

  private final RegionService service;

  RegionController(RegionService service) {
    this.service = service;
  }

  /** Returns the visible region tree, rooted at the user's county, with facilities at each node. */
  @Get("/regions")
  RegionNodeView tree(CurrentUser user) {
    RegionNodeView root = service.visibleTree(user);
    if (root == null) {
      throw new ApiException(CommonError.NOT_FOUND);
    }
    return root;
  }

  /** Returns one visible region with its visible subtree; 403 if it is outside the user's area. */
  @Get("/regions/{code}")
  HttpResponse<RegionNodeView> region(CurrentUser user, @PathVariable String code) {
    return service
        .visibleSubtree(user, code)
        .map(HttpResponse::ok)
        .orElseThrow(() -> new ApiException(CommonError.NOT_FOUND));
  }

  /** Returns the facilities in the visible regions, ordered by name. */
  @Get("/facilities")
  List<FacilityView> facilities(CurrentUser user) {
    return service.visibleFacilities(user);
  }
}
