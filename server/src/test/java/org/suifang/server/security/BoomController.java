package org.suifang.server.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Fails with an unexpected exception, for {@link ResponseHardeningTest} only. */
@Controller("/api/v1/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "spec.name", value = "ResponseHardeningTest")
class BoomController {

  static final String DETAIL = "internal detail that must not leak: jdbc:h2:mem password=hunter2";

  @Get("/boom")
  String boom() {
    throw new IllegalStateException(DETAIL);
  }
}
