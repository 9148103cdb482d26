package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * The dashboard's login form shares the API's throttling (docs/auth.md "Failed logins"): the
 * per-account lock and the per-address block hold whichever of the two a guesser uses. AuthTest
 * covers the API alone. Each test uses its own client address (header {@code X-Test-Client}).
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.client-address-header", value = "X-Test-Client")
@Property(name = "suifang.auth.max-failures-per-ip", value = "6")
class DashboardLoginThrottleTest {

  private static final String WRONG = "wrong-password";

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;

  RawHttp http;

  @BeforeEach
  void setUp() {
    auth.seedArea();
    http = new RawHttp(server.getURL());
  }

  @Test
  void form_fifthFailure_locksTheAccount_forTheFormAndTheApi() {
    auth.createUser(
        UserCommand.supervisor("formlock", "锁定", TestAuth.PASSWORD, TestArea.TOWNSHIP_1));
    String ip = "203.0.113.21";
    for (int i = 1; i <= 4; i++) {
      assertThat(formLogin("formlock", WRONG, ip).statusCode()).as("failure %d", i).isEqualTo(401);
    }

    HttpResponse<String> fifth = formLogin("formlock", WRONG, ip);
    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

    // Locked: the right password is refused on the form, from another address, and on the API.
    HttpResponse<String> right = formLogin("formlock", TestAuth.PASSWORD, "203.0.113.22");
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(PageSession.setCookies(right)).noneMatch(c -> c.startsWith("SUIFANG_SESSION="));
    assertThat(apiLogin("formlock", TestAuth.PASSWORD, "203.0.113.23").statusCode()).isEqualTo(429);
  }

  @Test
  void apiFailures_lockTheAccountForTheForm() {
    auth.createUser(
        UserCommand.supervisor("apilock", "锁定", TestAuth.PASSWORD, TestArea.TOWNSHIP_1));
    for (int i = 0; i < 5; i++) {
      apiLogin("apilock", WRONG, "203.0.113.31");
    }

    assertThat(formLogin("apilock", TestAuth.PASSWORD, "203.0.113.32").statusCode()).isEqualTo(429);
  }

  @Test
  void form_tooManyFailuresFromOneAddress_blocksThatAddressOnly() {
    String ip = "203.0.113.41";
    // Mixed: three guesses on the API, three on the form, each a different username.
    for (int i = 0; i < 3; i++) {
      apiLogin("guess-api-" + i, WRONG, ip);
      formLogin("guess-form-" + i, WRONG, ip);
    }

    HttpResponse<String> blocked = formLogin("sup1", TestAuth.PASSWORD, ip);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(PageSession.setCookies(blocked)).noneMatch(c -> c.startsWith("SUIFANG_SESSION="));
    assertThat(apiLogin("sup1", TestAuth.PASSWORD, ip).statusCode()).isEqualTo(429);

    HttpResponse<String> elsewhere = formLogin("sup1", TestAuth.PASSWORD, "203.0.113.42");
    assertThat(elsewhere.statusCode()).isEqualTo(303);
  }

  /** Opens the login form and posts it from the given client address, like a browser. */
  private HttpResponse<String> formLogin(String username, String password, String ip) {
    PageSession browser = new PageSession(server.getURL());
    String token = PageSession.csrfToken(browser.get("/login", Map.of("X-Test-Client", ip)));
    return browser.postForm(
        "/login",
        Map.of(
            "username", username, "password", password, "next", "/dashboard", "csrfToken", token),
        Map.of("X-Test-Client", ip));
  }

  private HttpResponse<String> apiLogin(String username, String password, String ip) {
    return http.send(
        "POST",
        "/api/v1/auth/login",
        Map.of("Content-Type", "application/json", "X-Test-Client", ip),
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }
}
