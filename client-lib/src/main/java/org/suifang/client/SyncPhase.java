package org.suifang.client;

/** What a running {@link SuifangClient#sync()} is doing; reported to {@link SyncListener}. */
public enum SyncPhase {
  /** The sync started. */
  STARTED,
  /** The device is being registered with the server. */
  REGISTERING,
  /** A round trip is on the wire: a push batch and a pull page. */
  EXCHANGING,
  /** A round trip's answer was applied and stored. */
  APPLIED,
  /** A round trip failed and the sync waits before trying again. */
  WAITING_TO_RETRY,
  /** The sync ended, successfully or not (see the report). */
  FINISHED
}
