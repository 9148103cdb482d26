package org.suifang.server.followups;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A patient's follow-up history: every record, superseded and voided ones included, newest visit
 * first.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record FollowUpHistoryView(UUID patientId, List<FollowUpView> items) {}
