package org.suifang.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.suifang.server.auth.CurrentUser;

/**
 * Writes the audit log. Call it inside the transaction of the change it records (a resolution, a
 * merge), so the entry and the change commit together; a view or export is recorded before the data
 * is sent.
 */
@Singleton
public final class AuditLog {

  private static final int MAX_DETAIL = 2000;
  private static final int MAX_AGENT = 300;

  private final AuditRepository repository;
  private final Clock clock;

  AuditLog(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Records that {@code user} did {@code action} to the target, from the request's client address
   * and browser.
   *
   * @param request the HTTP request it happened in, or null when there is none (a background job)
   * @param targetType what kind of thing was touched, e.g. {@code PATIENT}; null for none
   * @param targetId its id or name; null for none
   * @param detail free text, e.g. the export's parameters; cut to 2,000 characters
   */
  public void record(
      CurrentUser user,
      @Nullable HttpRequest<?> request,
      AuditAction action,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String detail) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(action, "action == null");
    String address = null;
    String agent = null;
    if (request != null) {
      address = cut(request.getRemoteAddress().getHostString(), 100);
      agent = cut(request.getHeaders().get(HttpHeaders.USER_AGENT), MAX_AGENT);
    }
    repository.save(
        new AuditEntry(
            null,
            clock.instant(),
            user.id(),
            user.username(),
            user.role().name(),
            action,
            targetType,
            targetId,
            cut(detail, MAX_DETAIL),
            address,
            agent));
  }

  private static String cut(@Nullable String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
