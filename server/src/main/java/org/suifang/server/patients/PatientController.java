package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiError;

/** Patients REST API; area checks are in {@link PatientService}. */
@Controller("/api/v1/patients")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PatientController {

  private final PatientService service;
  private final AuditLog audit;

  PatientController(PatientService service, AuditLog audit) {
    this.service = service;
    this.audit = audit;
  }

  /** Registers a patient: 201, or 200 with the stored patient when the same request is repeated. */
  @Post
  HttpResponse<PatientView> create(@Body @Valid PatientCommand command, CurrentUser user) {
    PatientService.Created result = service.create(command, user);
    return HttpResponse.<PatientView>status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result.patient());
  }

  /**
   * Returns one patient; a duplicate merged into another patient answers 301 with the survivor's
   * address in {@code Location} (and a {@code PATIENT_MERGED} body for people reading it). A
   * supervisor's or administrator's read is audited (PATIENT_VIEW).
   */
  @Get("/{id}")
  HttpResponse<?> get(UUID id, CurrentUser user, HttpRequest<?> request) {
    UUID survivor = service.redirect(id, user);
    if (survivor != null) {
      return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
          .header(HttpHeaders.LOCATION, "/api/v1/patients/" + survivor)
          .body(ApiError.of(PatientError.PATIENT_MERGED, List.of()));
    }
    PatientView view = service.get(id, user);
    // The village doctor's own reads are not audited: they treat the patient (docs/dashboard.md).
    if (user.role() != Role.VILLAGE_DOCTOR) {
      audit.record(
          user,
          request,
          AuditAction.PATIENT_VIEW,
          "PATIENT",
          id.toString(),
          "GET /api/v1/patients/{id}");
    }
    return HttpResponse.ok(view);
  }

  /** Searches the caller's area by name substring, exact ID number and village; paged. */
  @Get
  PatientPageView search(
      @Nullable @QueryValue String name,
      @Nullable @QueryValue String idNumber,
      @Nullable @QueryValue String village,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return service.search(name, idNumber, village, page, size, user);
  }

  /** Replaces demographics and conditions; {@code version} must be current (else 409). */
  @Put("/{id}")
  PatientView update(UUID id, @Body @Valid PatientUpdateCommand command, CurrentUser user) {
    return service.update(id, command, user);
  }

  /** Changes the management status (管理中 / 暂时失访 / 终止管理 with reason). */
  @Post("/{id}/status")
  PatientView changeStatus(UUID id, @Body @Valid PatientStatusCommand command, CurrentUser user) {
    return service.changeStatus(id, command, user);
  }
}
