package org.suifang.server.followups;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.suifang.server.patients.MutationPayloadReader;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.sync.MutationHandler;

/**
 * The handlers of the pushed follow-up mutations (docs/sync-protocol.md#conflict-rules). Each one
 * reads and validates its payload and takes the REST path of {@link FollowUpService} with the
 * mutation's author, HLC and clock flag. Follow-ups never conflict, so each returns 0.
 */
final class FollowUpMutationHandlers {

  private FollowUpMutationHandlers() {}

  /**
   * {@code FOLLOW_UP_RECORD}: records the form; the same id with the same content again is a no-op,
   * with other content {@link FollowUpError#FOLLOW_UP_ID_CONFLICT}. The server re-assesses the
   * form; the tablet's assessment is stored next to it with what differed.
   */
  @Singleton
  static class RecordHandler implements MutationHandler {

    private final FollowUpService service;
    private final MutationPayloadReader reader;

    RecordHandler(FollowUpService service, MutationPayloadReader reader) {
      this.service = service;
      this.reader = reader;
    }

    @Override
    public String type() {
      return "FOLLOW_UP_RECORD";
    }

    @Override
    public int apply(MutationContext context, JsonNode payload) {
      FollowUpMutations.RecordPayload m =
          reader.read(payload, FollowUpMutations.RecordPayload.class);
      service.record(
          m.patientId(),
          m.followUp(),
          context.author(),
          WriteOrigin.of(context, m.clientAssessment()));
      return 0;
    }
  }

  /**
   * {@code FOLLOW_UP_AMEND}: stores the corrected form as a new record that supersedes the
   * original. Amending a superseded or voided record is rejected ({@link
   * FollowUpError#FOLLOW_UP_SUPERSEDED}, {@link FollowUpError#FOLLOW_UP_VOIDED}).
   */
  @Singleton
  static class AmendHandler implements MutationHandler {

    private final FollowUpService service;
    private final MutationPayloadReader reader;

    AmendHandler(FollowUpService service, MutationPayloadReader reader) {
      this.service = service;
      this.reader = reader;
    }

    @Override
    public String type() {
      return "FOLLOW_UP_AMEND";
    }

    @Override
    public int apply(MutationContext context, JsonNode payload) {
      FollowUpMutations.AmendPayload m = reader.read(payload, FollowUpMutations.AmendPayload.class);
      service.amend(
          m.originalId(),
          new AmendCommand(m.reason(), m.followUp()),
          context.author(),
          WriteOrigin.of(context, m.clientAssessment()));
      return 0;
    }
  }

  /**
   * {@code FOLLOW_UP_VOID}: voids the record; a record already voided stays as the first void left
   * it.
   */
  @Singleton
  static class VoidHandler implements MutationHandler {

    private final FollowUpService service;
    private final MutationPayloadReader reader;

    VoidHandler(FollowUpService service, MutationPayloadReader reader) {
      this.service = service;
      this.reader = reader;
    }

    @Override
    public String type() {
      return "FOLLOW_UP_VOID";
    }

    @Override
    public int apply(MutationContext context, JsonNode payload) {
      FollowUpMutations.VoidPayload m = reader.read(payload, FollowUpMutations.VoidPayload.class);
      service.voidRecord(
          m.followUpId(), m.reason(), context.author(), WriteOrigin.of(context, null));
      return 0;
    }
  }
}
