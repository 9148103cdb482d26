package org.suifang.server.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/**
 * Login, refresh and logout. Open to anonymous callers; runs on the blocking executor because
 * bcrypt and the failed-login delay take time.
 */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

  private final AuthService auth;
  private final HttpClientAddressResolver addresses;
  private final boolean trustAddressHeader;

  AuthController(AuthService auth, HttpClientAddressResolver addresses, HttpServerConfiguration server) {
    this.auth = auth;
    this.addresses = addresses;
    this.trustAddressHeader = server.getClientAddressHeader() != null;
  }

  /** Logs in with username and password; answers an access token, a refresh token and the user. */
  @Post("/login")
  HttpResponse<TokenView> login(@Body @Valid LoginCommand command, HttpRequest<?> request) {
    return noStore(auth.login(command, clientAddress(request)));
  }

  /** Exchanges a refresh token for a new access token and a new refresh token (rotation). */
  @Post("/refresh")
  HttpResponse<TokenView> refresh(@Body @Valid RefreshTokenCommand command) {
    return noStore(auth.refresh(command.refreshToken()));
  }

  /** Logs out: revokes the session (token family) of the refresh token. */
  @Post("/logout")
  @Status(HttpStatus.NO_CONTENT)
  void logout(@Body @Valid RefreshTokenCommand command) {
    auth.logout(command.refreshToken());
  }

  /**
   * Returns the client's address for the per-address login limit. Forwarding headers can be forged,
   * so they count only when the operator names one in {@code micronaut.server.client-address-header}
   * (behind a reverse proxy that sets it); otherwise the TCP peer address is used.
   */
  private String clientAddress(HttpRequest<?> request) {
    String address = trustAddressHeader ? addresses.resolve(request) : request.getRemoteAddress().getHostString();
    return address == null || address.isBlank() ? "unknown" : address;
  }

  private static HttpResponse<TokenView> noStore(TokenView view) {
    // Tokens must not end up in a proxy's or the client's HTTP cache.
    return HttpResponse.ok(view).header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
