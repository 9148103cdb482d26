/**
 * The sync engine: the push/pull loop of docs/sync-protocol.md with its retry, re-authentication,
 * re-registration, identity renewal and batch-halving rules. Not API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.sync;

import javax.annotation.ParametersAreNonnullByDefault;
