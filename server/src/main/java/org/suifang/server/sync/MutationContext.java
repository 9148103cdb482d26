package org.suifang.server.sync;

import java.time.Instant;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;

/**
 * What a {@link MutationHandler} knows about the mutation it applies.
 *
 * @param mutationId the mutation's id
 * @param deviceId the pushing device
 * @param author the user who made the change on the tablet, with their current area
 * @param hlc the HLC to stamp the change with: the tablet's, or the server's re-stamp
 * @param clientHlc the HLC the tablet stamped (equal to {@code hlc} unless re-stamped)
 * @param clockSuspect whether the tablet's clock was beyond the skew bound (the HLC was re-stamped)
 * @param schemaVersion the client schema version the payload follows
 * @param deviceTime when the tablet made the change, by its own clock (not used for ordering)
 */
public record MutationContext(
    UUID mutationId,
    UUID deviceId,
    CurrentUser author,
    long hlc,
    long clientHlc,
    boolean clockSuspect,
    int schemaVersion,
    Instant deviceTime) {

  /** The version this mutation writes to patient fields. */
  public FieldVersion version() {
    return new FieldVersion(hlc, deviceId);
  }
}
