package org.suifang.server.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a device registration.
 *
 * @param userId the user the device is now bound to (the caller)
 * @param lastSeq the highest {@code deviceSeq} the server has processed for the device
 * @param epoch the server database's epoch (the cursor's first part)
 * @param ruleSetId the rule set the server assesses follow-ups with
 * @param registeredAt when the device was first registered
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record DeviceView(
    UUID deviceId,
    UUID userId,
    long lastSeq,
    String epoch,
    String ruleSetId,
    Instant registeredAt) {}
