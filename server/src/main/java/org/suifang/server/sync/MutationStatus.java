package org.suifang.server.sync;

/** The outcome of a processed mutation (docs/sync-protocol.md#response-200). */
enum MutationStatus {
  /** The mutation's effects are committed. */
  APPLIED,
  /** The mutation was refused for good; the result carries the error. */
  REJECTED
}
