package org.suifang.server.patients.chart;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;

/**
 * The patient page of the supervisors' dashboard. Every view is audited ({@code PATIENT_VIEW}); a
 * merged duplicate redirects permanently to the patient it was merged into.
 */
@Controller("/dashboard/patients")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PatientChartController {

  private final PatientChartService service;

  PatientChartController(PatientChartService service) {
    this.service = service;
  }

  /** Shows the patient, the resident ID number masked. */
  @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> show(UUID id, CurrentUser user, HttpRequest<?> request) {
    return render(service.chart(id, false, user, request));
  }

  /** Shows the patient with the full resident ID number (the "show" form; audited as such). */
  @Post(
      value = "/{id}/resident-id",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> showResidentId(UUID id, CurrentUser user, HttpRequest<?> request) {
    return render(service.chart(id, true, user, request));
  }

  private static HttpResponse<?> render(PatientChartService.Chart chart) {
    if (chart.mergedInto() != null) {
      return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
          .headers(h -> h.location(URI.create("/dashboard/patients/" + chart.mergedInto())));
    }
    return HttpResponse.ok(new ModelAndView<>("patients/chart", chart.model()));
  }
}
