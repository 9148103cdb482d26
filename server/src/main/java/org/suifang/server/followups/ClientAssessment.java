package org.suifang.server.followups;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What the tablet's rules said about a pushed follow-up (docs/sync-protocol.md#mutation). Codes are
 * names of the {@code org.suifang.rules} enums, kept as text so that a tablet with a newer rule
 * library is compared, not rejected. Stored as JSON in {@code follow_up.client_assessment}.
 *
 * @param ruleSetId the rule set the tablet assessed with
 * @param dangerSigns {@code DangerSign} names
 * @param urgentReferral whether the tablet called for an urgent referral
 * @param classification a {@code Classification} name, or null when it could not classify
 * @param nextStep a {@code NextStep} name, or null
 * @param nextDueDate the due date of the next follow-up the tablet computed
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ClientAssessment(
    @Nullable @Size(max = 60) String ruleSetId,
    @Nullable @Size(max = 30) List<String> dangerSigns,
    @Nullable Boolean urgentReferral,
    @Nullable @Size(max = 40) String classification,
    @Nullable @Size(max = 40) String nextStep,
    @Nullable LocalDate nextDueDate) {}
