package org.suifang.server.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A refresh token, presented to refresh or to log out.
 *
 * @param refreshToken the token from the last login or refresh
 */
@Serdeable
record RefreshTokenCommand(@NotBlank @Size(max = 256) String refreshToken) {

  @Override
  public String toString() {
    return "RefreshTokenCommand[…]";
  }
}
