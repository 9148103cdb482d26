package org.suifang.server.sync;

import io.micronaut.json.tree.JsonNode;
import org.suifang.server.common.ApiException;

/**
 * Applies one type of pushed mutation (docs/sync-protocol.md#mutation). One bean per type; the sync
 * service calls it inside the mutation's transaction, after the exactly-once checks.
 *
 * <p>A permanent failure (validation, permission, a domain rule) is an {@link ApiException}: the
 * sync service rolls the effects back and stores a REJECTED result with that error. Any other
 * exception is treated as temporary (the request answers 503 and the client retries).
 */
public interface MutationHandler {

  /** The mutation type this handler applies, e.g. {@code FOLLOW_UP_RECORD}. */
  String type();

  /**
   * Applies the mutation in the current transaction.
   *
   * @return how many sync_conflict rows the mutation made
   * @throws ApiException when the mutation is permanently rejected
   */
  int apply(MutationContext context, JsonNode payload);
}
