package org.suifang.server.sync;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * One row of the change feed (docs/sync-protocol.md#change-types).
 *
 * @param seq the change sequence number of the row's last write
 * @param type {@code PATIENT}, {@code FOLLOW_UP} or {@code CONFLICT}
 * @param id the row's id
 * @param data the row as the type describes it
 */
@Serdeable
record Change(long seq, String type, UUID id, JsonNode data) {}
