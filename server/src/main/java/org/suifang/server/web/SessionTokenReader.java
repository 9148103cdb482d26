package org.suifang.server.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets micronaut-security validate the dashboard session cookie like a bearer token, on the routes
 * {@link DashboardSessions#acceptsCookie} allows only. A signed-out session is ignored.
 */
@Singleton
final class SessionTokenReader implements TokenReader<HttpRequest<?>> {

  private final DashboardSessions sessions;

  SessionTokenReader(DashboardSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    if (!DashboardSessions.acceptsCookie(request)) {
      return Optional.empty();
    }
    return DashboardSessions.sessionValue(request).filter(token -> !sessions.isRevoked(token));
  }

  @Override
  public int getOrder() {
    // After the Authorization header reader: an explicit bearer token wins.
    return 100;
  }
}
