/**
 * The implementation of the Suifang SDK: local state and its replay, the outbox, the clocks and
 * ids, the checks the server also makes, the worklists, the network adapter and the sync engine.
 *
 * <p><strong>Not API.</strong> Everything under {@code org.suifang.client.internal} may change in
 * any release without notice; apps use only {@code org.suifang.client}.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal;

import javax.annotation.ParametersAreNonnullByDefault;
