package org.suifang.server.followups;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.UUID;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;

/** Follow-ups REST API; area checks and the rules are in {@link FollowUpService}. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class FollowUpController {

  private final FollowUpService service;
  private final AuditLog audit;

  FollowUpController(FollowUpService service, AuditLog audit) {
    this.service = service;
    this.audit = audit;
  }

  /**
   * Records one follow-up form and returns it with its assessment: 201, or 200 with the stored
   * record when the same request is repeated.
   */
  @Post("/patients/{patientId}/follow-ups")
  HttpResponse<FollowUpView> record(
      UUID patientId, @Body @Valid FollowUpCommand command, CurrentUser user) {
    return created(service.record(patientId, command, user));
  }

  /**
   * Returns the patient's follow-up history, newest first, superseded and voided records included.
   */
  @Get("/patients/{patientId}/follow-ups")
  FollowUpHistoryView history(UUID patientId, CurrentUser user, HttpRequest<?> request) {
    FollowUpHistoryView history = service.history(patientId, user);
    // A supervisor's or administrator's view of a patient record is audited (PIPL); the village
    // doctor's own reads are not: they treat the patient and read the record all day.
    if (user.role() != Role.VILLAGE_DOCTOR) {
      audit.record(
          user,
          request,
          AuditAction.PATIENT_VIEW,
          "PATIENT",
          patientId.toString(),
          "GET /api/v1/patients/{id}/follow-ups");
    }
    return history;
  }

  /** Returns one follow-up record. */
  @Get("/follow-ups/{id}")
  FollowUpView get(UUID id, CurrentUser user, HttpRequest<?> request) {
    FollowUpView view = service.get(id, user);
    if (user.role() != Role.VILLAGE_DOCTOR) {
      audit.record(
          user,
          request,
          AuditAction.PATIENT_VIEW,
          "PATIENT",
          view.patientId().toString(),
          "GET /api/v1/follow-ups/" + id);
    }
    return view;
  }

  /** Corrects a record by storing a new one that supersedes it: 201 (200 when repeated). */
  @Post("/follow-ups/{id}/amend")
  HttpResponse<FollowUpView> amend(UUID id, @Body @Valid AmendCommand command, CurrentUser user) {
    return created(service.amend(id, command, user));
  }

  /** Voids a record; it is kept with the reason, author and time. */
  @Post("/follow-ups/{id}/void")
  FollowUpView voidRecord(UUID id, @Body @Valid VoidCommand command, CurrentUser user) {
    return service.voidRecord(id, command, user);
  }

  private static HttpResponse<FollowUpView> created(FollowUpService.Recorded result) {
    return HttpResponse.<FollowUpView>status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result.followUp());
  }
}
