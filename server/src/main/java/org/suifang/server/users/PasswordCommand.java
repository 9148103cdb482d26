package org.suifang.server.users;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password set by an administrator.
 *
 * @param password 8 characters to 72 bytes
 */
@Serdeable
record PasswordCommand(@NotNull @Size(min = 8, max = 72) String password) {

  @Override
  public String toString() {
    return "PasswordCommand[…]";
  }
}
