package org.suifang.client;

/** Whether a follow-up record counts. */
public enum VisitState {
  /** The record counts. */
  CURRENT,
  /** A later record amends (corrects) it; kept, no longer counts. */
  SUPERSEDED,
  /** Voided with a reason; kept, no longer counts. */
  VOIDED
}
