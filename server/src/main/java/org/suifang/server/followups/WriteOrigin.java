package org.suifang.server.followups;

import io.micronaut.core.annotation.Nullable;
import org.suifang.server.sync.MutationContext;

/**
 * Where a follow-up write comes from: the REST API, or a mutation pushed by a tablet
 * (docs/sync-protocol.md). {@link FollowUpService} takes the same path for both; these are the
 * differences.
 *
 * @param sync true for a pushed mutation: a second void is a no-op instead of an error, and form
 *     errors are reported under {@code followUp.} as in the mutation's payload
 * @param hlc the mutation's HLC, which the server clock moves past (0 for the REST API)
 * @param clockSuspect whether the server re-stamped the mutation because the tablet clock was ahead
 * @param clientAssessment the tablet's own assessment, compared with the server's; null if none
 */
record WriteOrigin(
    boolean sync, long hlc, boolean clockSuspect, @Nullable ClientAssessment clientAssessment) {

  /** A write through the REST API. */
  static final WriteOrigin REST = new WriteOrigin(false, 0, false, null);

  /** A pushed mutation. */
  static WriteOrigin of(MutationContext context, @Nullable ClientAssessment clientAssessment) {
    return new WriteOrigin(true, context.hlc(), context.clockSuspect(), clientAssessment);
  }
}
