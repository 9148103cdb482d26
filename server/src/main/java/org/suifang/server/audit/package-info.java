/**
 * The append-only audit log (PIPL): every supervisor view of a patient record, every export and
 * every review resolution is written by {@link org.suifang.server.audit.AuditLog}, with who, when,
 * what and from where. County administrators read it, filtered and paged, through {@link
 * org.suifang.server.audit.AuditReader} on the dashboard and the API (docs/dashboard.md#audit-log).
 */
package org.suifang.server.audit;
