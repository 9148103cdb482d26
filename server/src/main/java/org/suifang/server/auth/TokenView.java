package org.suifang.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.suifang.server.users.UserView;

/**
 * The answer to a login or refresh.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer …}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the token for the next {@code POST /api/v1/auth/refresh}; single use
 * @param refreshExpiresIn seconds until the refresh token expires
 * @param user who logged in, with their area
 */
// Empty lists and nulls are written out, so clients always see every field.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
record TokenView(
    String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn, UserView user) {

  @Override
  public String toString() {
    return "TokenView[user=" + user.username() + "]";
  }
}
