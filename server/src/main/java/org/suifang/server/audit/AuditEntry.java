package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code audit_log} (V30). Only ever inserted. */
@MappedEntity("audit_log")
public record AuditEntry(
    @Id @GeneratedValue @Nullable Long id,
    Instant at,
    UUID userId,
    String username,
    String role,
    AuditAction action,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String detail,
    @Nullable String remoteAddress,
    @Nullable String userAgent) {}
