package org.suifang.client;

/** The kinds of local change the outbox carries (docs/sync-protocol.md, "Mutation"). */
public enum MutationType {
  /** A patient registered on the tablet. */
  PATIENT_CREATE,
  /** Some fields of a patient changed, each with the version the doctor saw. */
  PATIENT_UPDATE,
  /** A follow-up form recorded. */
  FOLLOW_UP_RECORD,
  /** A follow-up corrected by a new record. */
  FOLLOW_UP_AMEND,
  /** A follow-up voided. */
  FOLLOW_UP_VOID
}
