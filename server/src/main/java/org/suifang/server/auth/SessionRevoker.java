package org.suifang.server.auth;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.suifang.server.users.PasswordChangedEvent;

/** Ends a user's sessions when their password changes, so a stolen refresh token stops working. */
@Singleton
class SessionRevoker {

  private final TokenService tokens;

  SessionRevoker(TokenService tokens) {
    this.tokens = tokens;
  }

  @EventListener
  void onPasswordChanged(PasswordChangedEvent event) {
    tokens.revokeAll(event.userId());
  }
}
