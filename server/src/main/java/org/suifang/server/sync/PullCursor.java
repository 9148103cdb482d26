package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Where a device's pull stands (docs/sync-protocol.md#cursor-epoch-and-reset). Opaque to the
 * client: it sends back what the server answered.
 *
 * @param epoch the server database's epoch
 * @param seq every change up to this change sequence number has been delivered
 * @param scope a short hash of the user's role and area the changes were selected for
 * @param sig the server's MAC of the other three ({@link CursorSigner}); a cursor without a valid
 *     one is not trusted
 */
@Serdeable
record PullCursor(
    @NotBlank @Size(max = 36) String epoch,
    @PositiveOrZero long seq,
    @NotBlank @Size(max = 32) String scope,
    @Nullable @Size(max = 64) String sig) {}
