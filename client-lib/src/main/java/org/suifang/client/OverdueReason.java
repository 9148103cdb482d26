package org.suifang.client;

/** Why a disease of a patient is on the overdue list; both may apply (docs/worklists.md). */
public enum OverdueReason {
  /**
   * No face-to-face visit (clinic or home) since the current period (by default the quarter) began.
   */
  NO_FACE_TO_FACE_THIS_PERIOD,
  /** The next follow-up date agreed at the latest visit has passed. */
  NEXT_VISIT_DATE_PASSED
}
