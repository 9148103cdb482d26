package org.suifang.server.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A login.
 *
 * @param username the login name (case-insensitive)
 * @param password the password
 * @param deviceName what the client calls itself (e.g. a tablet's label), kept with the session
 */
@Serdeable
record LoginCommand(
    @NotBlank @Size(max = 64) String username,
    @NotBlank @Size(max = 256) String password,
    @Nullable @Size(max = 100) String deviceName) {

  @Override
  public String toString() {
    return "LoginCommand[username=" + username + "]";
  }
}
