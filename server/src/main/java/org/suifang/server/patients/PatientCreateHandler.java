package org.suifang.server.patients;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.sync.MutationHandler;

/**
 * Applies a pushed {@code PATIENT_CREATE} (docs/sync-protocol.md#mutation): the payload is the body
 * of {@code POST /api/v1/patients}, registered on the REST path ({@link PatientService#register})
 * with the mutation's author and version. A resident ID number already used in the county does not
 * refuse it: both patients are kept as a merge candidate. The same id again with the same content
 * is applied as a no-op; with other content it is rejected {@link
 * PatientError#PATIENT_ID_CONFLICT}.
 */
@Singleton
class PatientCreateHandler implements MutationHandler {

  private final PatientService service;
  private final MutationPayloadReader reader;

  PatientCreateHandler(PatientService service, MutationPayloadReader reader) {
    this.service = service;
    this.reader = reader;
  }

  @Override
  public String type() {
    return "PATIENT_CREATE";
  }

  @Override
  public int apply(MutationContext context, JsonNode payload) {
    PatientCommand command = reader.read(payload, PatientCommand.class);
    service.register(command, context.author(), context);
    return 0;
  }
}
