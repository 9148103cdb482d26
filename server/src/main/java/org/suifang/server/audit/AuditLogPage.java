package org.suifang.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of the audit log, newest entries first ({@code GET /api/v1/audit-log}).
 *
 * @param entries the entries of this page
 * @param page the 0-based page number
 * @param size the page size asked for
 * @param total how many entries match the filters
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record AuditLogPage(List<AuditEntryView> entries, int page, int size, long total) {}
