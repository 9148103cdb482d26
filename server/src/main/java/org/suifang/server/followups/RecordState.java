package org.suifang.server.followups;

/** Whether a follow-up record counts. */
public enum RecordState {
  /** The record counts. */
  CURRENT,
  /** A later record amends (corrects) it; kept for the audit trail, no longer counts. */
  SUPERSEDED,
  /** Voided with a reason; kept, no longer counts. */
  VOIDED
}
