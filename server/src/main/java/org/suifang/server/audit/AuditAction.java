package org.suifang.server.audit;

/** What an audit-log entry records. Stored by name: never rename a constant. */
public enum AuditAction {
  /** A supervisor or administrator opened a patient's record (page or JSON). */
  PATIENT_VIEW,
  /** A line list or indicator table was exported with ID numbers masked. */
  EXPORT,
  /** A line list was exported with full ID numbers, on explicit request. */
  EXPORT_UNMASKED,
  /** A concurrent-edit conflict was resolved by choosing a value. */
  CONFLICT_RESOLVE,
  /** Two patient records were merged; the duplicate now redirects to the survivor. */
  PATIENT_MERGE,
  /** A duplicate-patient candidate was dismissed as two different people. */
  MERGE_DISMISS,
  /** Someone signed in to the dashboard. */
  LOGIN,
  /** A sign-in to the dashboard was refused (wrong role, e.g. a village doctor). */
  LOGIN_REFUSED,
  /** Someone signed out of the dashboard. */
  LOGOUT,
  /** A county administrator read the audit log. */
  AUDIT_LOG_VIEW
}
