package org.suifang.server.worklists;

/** Why a disease is on the "at risk of missing the yearly visit count" list. */
enum AtRiskReason {
  /**
   * The face-to-face visits done this year plus one per period left (the current one included if it
   * has no visit yet) cannot reach the required number.
   */
  CANNOT_REACH_REQUIRED,
  /** The current period (quarter) has no face-to-face visit yet and it is its last month. */
  NO_VISIT_LAST_MONTH_OF_PERIOD
}
