package org.suifang.server.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.suifang.server.common.ApiException;
import org.suifang.server.users.UserService;
import org.suifang.server.users.UserView;

/**
 * Password sign-in for the browser dashboard (org.suifang.server.web): the same accounts,
 * throttling, slowdown and lockout as {@code POST /api/v1/auth/login}, but no refresh token. The
 * session is a JWT with the claims of an access token, carried in a cookie; see docs/auth.md.
 *
 * <p>Blocking: bcrypt and the failed-login delay run on the calling thread.
 */
@Singleton
public class BrowserLogin {

  private final AuthService auth;
  private final UserService users;
  private final TokenService tokens;

  BrowserLogin(AuthService auth, UserService users, TokenService tokens) {
    this.auth = auth;
    this.users = users;
    this.tokens = tokens;
  }

  /**
   * A user whose password was checked.
   *
   * @param user the request-scope view, as a token would carry it
   * @param profile the profile (display name, area codes)
   */
  public record Authenticated(CurrentUser user, UserView profile) {}

  /**
   * Checks the password and returns the user, whatever their role; throws an {@link ApiException}
   * ({@code LOGIN_FAILED}, {@code ACCOUNT_LOCKED}, {@code TOO_MANY_LOGIN_ATTEMPTS}, {@code
   * ACCOUNT_DISABLED}) otherwise, with its zh/en messages.
   */
  public Authenticated authenticate(String username, String password, String clientAddress) {
    Objects.requireNonNull(clientAddress, "clientAddress == null");
    UserView profile =
        users.view(
            auth.authenticate(
                new LoginCommand(nullToEmpty(username), nullToEmpty(password), null),
                clientAddress));
    return new Authenticated(AuthService.current(profile), profile);
  }

  /**
   * Returns a signed session token for the user, valid for {@code ttl}, with the claims of an
   * access token plus {@code extraClaims} (which cannot replace those).
   */
  public String sessionToken(Authenticated who, Duration ttl, Map<String, Object> extraClaims) {
    return tokens.signedToken(who.user(), who.profile().villageCodes(), ttl, extraClaims);
  }

  /**
   * Returns the user a request is authenticated as (bearer token or dashboard session), the same
   * way a {@link CurrentUser} controller argument is bound; empty for an anonymous request.
   */
  public static Optional<CurrentUser> userOf(HttpRequest<?> request) {
    return request.getUserPrincipal(Authentication.class).flatMap(CurrentUserBinder::from);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
