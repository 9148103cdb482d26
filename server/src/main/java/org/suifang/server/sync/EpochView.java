package org.suifang.server.sync;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to an epoch rotation.
 *
 * @param epoch the new epoch; every device's next pull resets
 * @param head the highest committed change sequence number
 */
@Serdeable
record EpochView(String epoch, long head) {}
