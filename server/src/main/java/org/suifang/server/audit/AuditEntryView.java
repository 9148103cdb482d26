package org.suifang.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit-log entry as the administrator reads it. Fields as in {@link AuditEntry}.
 *
 * @param id the entry's number, increasing in the order entries were written
 * @param at when it happened (server time)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record AuditEntryView(
    long id,
    Instant at,
    UUID userId,
    String username,
    String role,
    String action,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String detail,
    @Nullable String remoteAddress,
    @Nullable String userAgent) {}
