/**
 * The Suifang SDK: an offline-first client for village doctors' follow-ups of hypertension and type
 * 2 diabetes. {@link org.suifang.client.SuifangClient} is the entry point; it keeps patients and
 * follow-ups on the device, assesses visits with the clinical rules of {@code org.suifang.rules},
 * computes the worklists offline and synchronises with the Suifang server (docs/sync-protocol.md).
 *
 * <p>Parameters and return values are non-null unless marked {@code @Nullable}. Values are
 * immutable and thread-safe. Operational failures are checked {@link
 * org.suifang.client.SuifangException}s with a stable code and Chinese and English messages.
 * Packages under {@code org.suifang.client.internal} are not API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client;

import javax.annotation.ParametersAreNonnullByDefault;
