package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The payloads of the pushed follow-up mutations (docs/sync-protocol.md#mutation). */
final class FollowUpMutations {

  private FollowUpMutations() {}

  /**
   * {@code FOLLOW_UP_RECORD}.
   *
   * @param followUp the body of {@code POST /patients/{patientId}/follow-ups}
   * @param clientAssessment what the tablet's rules said; optional
   */
  @Serdeable
  record RecordPayload(
      @NotNull UUID patientId,
      @NotNull @Valid FollowUpCommand followUp,
      @Nullable @Valid ClientAssessment clientAssessment) {}

  /**
   * {@code FOLLOW_UP_AMEND}.
   *
   * @param originalId the record corrected
   * @param followUp the complete corrected form, with a new id
   * @param clientAssessment what the tablet's rules said about the corrected form; optional
   */
  @Serdeable
  record AmendPayload(
      @NotNull UUID originalId,
      @NotBlank @Size(max = 200) String reason,
      @NotNull @Valid FollowUpCommand followUp,
      @Nullable @Valid ClientAssessment clientAssessment) {}

  /** {@code FOLLOW_UP_VOID}. */
  @Serdeable
  record VoidPayload(@NotNull UUID followUpId, @NotBlank @Size(max = 200) String reason) {}
}
