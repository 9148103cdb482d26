/**
 * Offline sync with the tablets (docs/sync-protocol.md): device registration, exactly-once push of
 * mutations, the commit-ordered change feed, and the clock and version types they share with the
 * patient and follow-up features.
 */
package org.suifang.server.sync;
