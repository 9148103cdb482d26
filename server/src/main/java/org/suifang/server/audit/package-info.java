/**
 * The append-only audit log (PIPL): every supervisor view of a patient record, every export and
 * every review resolution is written by {@link org.suifang.server.audit.AuditLog}, with who, when,
 * what and from where. County administrators read it through the dashboard and the API
 * (docs/dashboard.md#audit-log).
 */
package org.suifang.server.audit;
