package org.suifang.server.web;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A signed-out dashboard session (table {@code dashboard_session_revocation}, V34). */
@MappedEntity("dashboard_session_revocation")
record SessionRevocation(@Id String tokenHash, Instant expiresAt) {}
