/**
 * The tablet's durable store (sync-design.md decision D1): the {@link
 * org.suifang.client.internal.store.LocalStore} interface and its default, the journal-backed
 * {@link org.suifang.client.internal.store.JournalStore}, with its frame format, CRC-32C and
 * optional AES-GCM encryption. docs/local-store.md describes the files and the recovery rules.
 *
 * <p>Internal: not API, and may change in any release. Parameters and return values are non-null
 * unless marked {@code @Nullable}.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.store;

import javax.annotation.ParametersAreNonnullByDefault;
