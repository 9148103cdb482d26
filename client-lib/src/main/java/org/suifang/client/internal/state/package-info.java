/**
 * The device's state as an event-sourced model: every local write and every sync round trip is one
 * {@link org.suifang.client.internal.state.Tx} committed to the {@code LocalStore}; the state in
 * memory is the replay of the last snapshot and the transactions after it, through the same {@link
 * org.suifang.client.internal.state.ClientState#apply} that live writes use. The {@link
 * org.suifang.client.internal.state.ReadModel} lays the outbox over the pulled data. Not API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.state;

import javax.annotation.ParametersAreNonnullByDefault;
