package org.suifang.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.endpoints.LoginController;
import io.micronaut.security.endpoints.LogoutController;
import io.micronaut.security.endpoints.OauthController;
import io.micronaut.security.endpoints.introspection.IntrospectionController;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;
import org.suifang.server.users.UserService;

/**
 * Login, lockout, refresh-token rotation and bearer-token checks, over real HTTP. Every test that
 * fails logins uses its own client address (header {@code X-Test-Client}) and, where it locks an
 * account, its own user, because the test context (and database) is shared by the whole class.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@Property(name = "micronaut.server.client-address-header", value = "X-Test-Client")
@Property(name = "suifang.auth.failure-delay", value = "150ms")
@Property(name = "suifang.auth.max-failure-delay", value = "300ms")
@Property(name = "suifang.auth.max-failures-per-ip", value = "8")
class AuthTest {

  private static final String WRONG = "wrong-password";
  private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestAuth auth;

  @Inject
  FakeClock clock;

  @Inject
  UserService users;

  @Inject
  JsonMapper json;

  @Inject
  ApplicationContext context;

  @Inject
  RefreshTokenPurge purge;

  @Inject
  TransactionOperations<Connection> transactions;

  private TestArea area;

  @BeforeEach
  void seed() {
    clock.reset();
    area = auth.seedArea();
  }

  @Test
  void login_correctPassword_answersTokensAndProfile() {
    HttpResponse<Map<String, Object>> response = login("doc1", TestAuth.PASSWORD, "198.51.100.1");

    assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
    assertThat(response.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    Map<String, Object> body = response.body();
    assertThat(body).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900)
        .containsEntry("refreshExpiresIn", 30 * 24 * 3600);
    assertThat((String) body.get("refreshToken")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(body.get("user")).isEqualTo(Map.of(
        "id", area.userId("doc1").toString(), "username", "doc1", "displayName", "张医生",
        "role", "VILLAGE_DOCTOR", "countyCode", TestArea.COUNTY, "townshipCode", TestArea.TOWNSHIP_1,
        "villageCodes", List.of(TestArea.VILLAGE_1), "facilityId", area.facilityId(TestArea.VILLAGE_1).toString(),
        "active", true));
  }

  @Test
  void login_correctPassword_accessTokenCarriesClaimsAndOpensMe() {
    String token = (String) login("doc1", TestAuth.PASSWORD, "198.51.100.2").body().get("accessToken");

    Map<String, Object> claims = claims(token);
    assertThat(claims).containsEntry("sub", "doc1").containsEntry("roles", List.of("VILLAGE_DOCTOR"))
        .containsEntry("uid", area.userId("doc1").toString()).containsEntry("county", TestArea.COUNTY)
        .containsEntry("township", TestArea.TOWNSHIP_1).containsEntry("villages", List.of(TestArea.VILLAGE_1))
        .containsEntry("iss", "suifang").containsKey("jti");
    assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900);
    assertThat(get("/api/v1/me", token)).containsEntry("username", "doc1");
  }

  @Test
  void login_countyAdmin_tokenHasNoTownshipAndNoVillages() {
    Map<String, Object> claims = claims(auth.login("admin1"));

    assertThat(claims).containsEntry("roles", List.of("COUNTY_ADMIN")).containsEntry("county", TestArea.COUNTY)
        .doesNotContainKey("township").containsEntry("villages", List.of());
  }

  @Test
  void login_usernameInOtherCase_succeeds() {
    assertThat(login("DOC2", TestAuth.PASSWORD, "198.51.100.3").code()).isEqualTo(HttpStatus.OK.getCode());
  }

  @Test
  void login_wrongPasswordOrUnknownUser_answersIdentically() {
    HttpClientResponseException wrongPassword = loginFails("doc2", WRONG, "198.51.100.4");
    HttpClientResponseException unknownUser = loginFails("nobody", WRONG, "198.51.100.4");

    assertThat(wrongPassword.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()).isEqualTo(unknownUser.getStatus().getCode());
    assertThat(body(wrongPassword)).containsEntry("code", "LOGIN_FAILED").isEqualTo(body(unknownUser));
    assertThat(new TreeSet<>(wrongPassword.getResponse().getHeaders().names()))
        .isEqualTo(new TreeSet<>(unknownUser.getResponse().getHeaders().names()));
  }

  @Test
  void login_emptyFields_answersValidationFailed() {
    HttpClientResponseException e = loginFails("", "", "198.51.100.5");

    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(body(e)).containsEntry("code", "VALIDATION_FAILED");
  }

  @Test
  void login_fifthConsecutiveFailure_locksAccountUntilLockEnds() {
    newUser("lockme");
    String ip = "198.51.100.6";
    for (int i = 1; i <= 4; i++) {
      assertThat(body(loginFails("lockme", WRONG, ip))).containsEntry("code", "LOGIN_FAILED");
    }

    HttpClientResponseException fifth = loginFails("lockme", WRONG, ip);
    assertThat(fifth.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
    assertThat(body(fifth)).containsEntry("code", "ACCOUNT_LOCKED").containsEntry("help", "docs/errors.md#account_locked");
    assertThat(Long.parseLong(fifth.getResponse().header(HttpHeaders.RETRY_AFTER))).isBetween(899L, 901L);
    Instant until = clock.instant().plus(Duration.ofMinutes(15));
    assertThat((String) body(fifth).get("messageEn")).contains(until.toString());

    // Locked: even the right password is refused.
    assertThat(body(loginFails("lockme", TestAuth.PASSWORD, ip))).containsEntry("code", "ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(14));
    assertThat(body(loginFails("lockme", TestAuth.PASSWORD, ip))).containsEntry("code", "ACCOUNT_LOCKED");

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(login("lockme", TestAuth.PASSWORD, ip).code()).isEqualTo(HttpStatus.OK.getCode());
  }

  @Test
  void login_successAfterFailures_resetsTheCount() {
    newUser("resetme");
    String ip = "198.51.100.7";
    for (int i = 0; i < 4; i++) {
      loginFails("resetme", WRONG, ip);
    }
    login("resetme", TestAuth.PASSWORD, ip);

    for (int i = 0; i < 4; i++) {
      assertThat(body(loginFails("resetme", WRONG, "198.51.100.8"))).containsEntry("code", "LOGIN_FAILED");
    }
  }

  @Test
  void login_fromThirdFailure_answersMoreSlowly() {
    newUser("slowme");
    String ip = "198.51.100.9";
    loginFails("slowme", WRONG, ip);
    loginFails("slowme", WRONG, ip);

    long start = System.nanoTime();
    loginFails("slowme", WRONG, ip);
    long thirdMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(thirdMillis).isGreaterThanOrEqualTo(150);
  }

  @Test
  void login_unknownUsernameFailingFiveTimes_locksLikeARealAccount() {
    String ip = "198.51.100.10";
    for (int i = 1; i <= 4; i++) {
      assertThat(body(loginFails("ghost", WRONG, ip))).containsEntry("code", "LOGIN_FAILED");
    }
    HttpClientResponseException fifth = loginFails("ghost", WRONG, ip);

    assertThat(fifth.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
    assertThat(body(fifth)).containsEntry("code", "ACCOUNT_LOCKED");
  }

  @Test
  void login_tooManyFailuresFromOneAddress_blocksOnlyThatAddress() {
    String ip = "198.51.100.11";
    for (int i = 0; i < 8; i++) {
      loginFails("guess" + i, WRONG, ip);
    }

    HttpClientResponseException blocked = loginFails("doc3", TestAuth.PASSWORD, ip);
    assertThat(blocked.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
    assertThat(body(blocked)).containsEntry("code", "TOO_MANY_LOGIN_ATTEMPTS");
    assertThat(blocked.getResponse().header(HttpHeaders.RETRY_AFTER)).isNotNull();
    assertThat(login("doc3", TestAuth.PASSWORD, "198.51.100.12").code()).isEqualTo(HttpStatus.OK.getCode());
  }

  @Test
  void login_deactivatedUser_answersAccountDisabledAndRefreshFails() {
    UUID id = newUser("retired");
    String refresh = (String) login("retired", TestAuth.PASSWORD, "198.51.100.13").body().get("refreshToken");
    users.setActive(id, false);

    assertThat(body(loginFails("retired", TestAuth.PASSWORD, "198.51.100.13"))).containsEntry("code", "ACCOUNT_DISABLED");
    HttpClientResponseException e = refreshFails(refresh);
    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    assertThat(body(e)).containsEntry("code", "ACCOUNT_DISABLED");
  }

  @Test
  void refresh_validToken_issuesNewAccessAndRefreshTokens() {
    Map<String, Object> first = login("sup1", TestAuth.PASSWORD, "198.51.100.14").body();

    Map<String, Object> second = refresh((String) first.get("refreshToken")).body();

    assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
    assertThat(second.get("accessToken")).isNotEqualTo(first.get("accessToken"));
    assertThat(second).containsEntry("tokenType", "Bearer").containsKey("user");
    assertThat(get("/api/v1/me", (String) second.get("accessToken"))).containsEntry("username", "sup1");
    Map<String, Object> third = refresh((String) second.get("refreshToken")).body();
    assertThat(third.get("refreshToken")).isNotEqualTo(second.get("refreshToken"));
  }

  @Test
  void refresh_usedTokenAgain_revokesTheWholeFamily() {
    String r1 = (String) login("sup2", TestAuth.PASSWORD, "198.51.100.15").body().get("refreshToken");
    String otherSession = (String) login("sup2", TestAuth.PASSWORD, "198.51.100.15").body().get("refreshToken");
    String r2 = (String) refresh(r1).body().get("refreshToken");

    HttpClientResponseException reuse = refreshFails(r1);
    assertThat(reuse.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    assertThat(body(reuse)).containsEntry("code", "REFRESH_TOKEN_REUSED");

    // The newer token of the same family stops working too ...
    assertThat(body(refreshFails(r2))).containsEntry("code", "REFRESH_TOKEN_INVALID");
    // ... but another login (another device) keeps its session.
    assertThat(refresh(otherSession).code()).isEqualTo(HttpStatus.OK.getCode());
  }

  @Test
  void refresh_unknownToken_answersInvalid() {
    HttpClientResponseException e = refreshFails("not-a-token");

    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    assertThat(body(e)).containsEntry("code", "REFRESH_TOKEN_INVALID");
  }

  @Test
  void refresh_afterRefreshLifetime_answersInvalid() {
    String refresh = (String) login("doc3", TestAuth.PASSWORD, "198.51.100.16").body().get("refreshToken");
    Instant start = clock.instant();
    try {
      clock.advance(Duration.ofDays(30).plusSeconds(1));
      assertThat(body(refreshFails(refresh))).containsEntry("code", "REFRESH_TOKEN_INVALID");
    } finally {
      clock.set(start);
    }
  }

  @Test
  void logout_refreshTokenOfThatSession_stopsWorking() {
    String refresh = (String) login("doc2", TestAuth.PASSWORD, "198.51.100.17").body().get("refreshToken");

    HttpResponse<?> out = client.toBlocking().exchange(
        HttpRequest.POST("/api/v1/auth/logout", Map.of("refreshToken", refresh)));

    assertThat(out.code()).isEqualTo(HttpStatus.NO_CONTENT.getCode());
    assertThat(body(refreshFails(refresh))).containsEntry("code", "REFRESH_TOKEN_INVALID");
  }

  @Test
  void request_withoutToken_answers401WithErrorShape() {
    HttpClientResponseException e = getFails("/api/v1/me", null);

    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    assertThat(body(e)).containsEntry("status", 401).containsEntry("code", "UNAUTHENTICATED")
        .containsEntry("help", "docs/errors.md#unauthenticated").containsKeys("messageZh", "messageEn");
  }

  @Test
  void request_expiredAccessToken_answers401() {
    Instant start = clock.instant();
    String token;
    try {
      // Issued 16 minutes ago, so expired a minute ago.
      clock.advance(Duration.ofMinutes(-16));
      token = auth.login("doc1");
    } finally {
      clock.set(start);
    }

    HttpClientResponseException e = getFails("/api/v1/me", token);

    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    assertThat(body(e)).containsEntry("code", "UNAUTHENTICATED");
  }

  @Test
  void request_tamperedAccessToken_answers401() {
    String token = auth.login("doc1");
    String[] parts = token.split("\\.");
    Map<String, Object> claims = claims(token);
    claims.put("villages", List.of(TestArea.VILLAGE_1, TestArea.VILLAGE_3));
    String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(write(claims));
    String forged = parts[0] + "." + forgedPayload + "." + parts[2];
    String badSignature = parts[0] + "." + parts[1] + "." + flipFirstChar(parts[2]);

    assertThat(body(getFails("/api/v1/me", forged))).containsEntry("code", "UNAUTHENTICATED");
    assertThat(body(getFails("/api/v1/me", badSignature))).containsEntry("code", "UNAUTHENTICATED");
    assertThat(getFails("/api/v1/me", "not.a.jwt").getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
  }

  @Test
  void database_storesOnlyBcryptHashesAndTokenDigests() {
    String refresh = (String) client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login",
        Map.of("username", "doc1", "password", TestAuth.PASSWORD, "deviceName", "东关村平板-01")), MAP)
        .body().get("refreshToken");

    List<String> hashes = column("SELECT password_hash FROM app_user");
    assertThat(hashes).isNotEmpty().allSatisfy(h -> {
      assertThat(h).matches("\\$2a\\$04\\$[./A-Za-z0-9]{53}");
      assertThat(h).doesNotContain(TestAuth.PASSWORD);
    });
    List<String> tokenHashes = column("SELECT token_hash FROM refresh_token");
    assertThat(tokenHashes).doesNotContain(refresh).contains(TokenService.hash(refresh))
        .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    assertThat(column("SELECT device_name FROM refresh_token")).contains("东关村平板-01");
  }

  @Test
  void frameworkLoginEndpoints_areNotActive() {
    // Only /api/v1/auth/* logs users in; micronaut-security's own endpoints stay off.
    assertThat(context.findBeanDefinition(LoginController.class)).isEmpty();
    assertThat(context.findBeanDefinition(LogoutController.class)).isEmpty();
    assertThat(context.findBeanDefinition(OauthController.class)).isEmpty();
    assertThat(context.findBeanDefinition(IntrospectionController.class)).isEmpty();
  }

  @Test
  void purge_tokensExpiredOverADayAgo_areDeleted() {
    String refresh = (String) login("doc3", TestAuth.PASSWORD, "198.51.100.19").body().get("refreshToken");
    assertThat(column("SELECT token_hash FROM refresh_token")).contains(TokenService.hash(refresh));

    clock.advance(Duration.ofDays(32));
    purge.purge();

    assertThat(column("SELECT token_hash FROM refresh_token")).doesNotContain(TokenService.hash(refresh));
  }

  private UUID newUser(String username) {
    return auth.createUser(UserCommand.doctor(username, "测试医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
  }

  private HttpResponse<Map<String, Object>> login(String username, String password, String ip) {
    return client.toBlocking().exchange(loginRequest(username, password, ip), MAP);
  }

  private HttpClientResponseException loginFails(String username, String password, String ip) {
    try {
      client.toBlocking().exchange(loginRequest(username, password, ip), MAP);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("login of " + username + " succeeded");
  }

  private static MutableHttpRequest<?> loginRequest(String username, String password, String ip) {
    return HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password))
        .header("X-Test-Client", ip);
  }

  private HttpResponse<Map<String, Object>> refresh(String refreshToken) {
    return client.toBlocking().exchange(
        HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken)), MAP);
  }

  private HttpClientResponseException refreshFails(String refreshToken) {
    try {
      refresh(refreshToken);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("refresh succeeded");
  }

  private Map<String, Object> get(String path, String token) {
    return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), MAP);
  }

  private HttpClientResponseException getFails(String path, String token) {
    MutableHttpRequest<?> request = HttpRequest.GET(path);
    if (token != null) {
      request.bearerAuth(token);
    }
    try {
      client.toBlocking().exchange(request, MAP);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("GET " + path + " succeeded");
  }

  private static Map<String, Object> body(HttpClientResponseException e) {
    return e.getResponse().getBody(MAP).orElseThrow();
  }

  private Map<String, Object> claims(String jwt) {
    try {
      byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
      return new HashMap<>(json.readValue(payload, MAP));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private byte[] write(Map<String, Object> claims) {
    try {
      return json.writeValueAsBytes(claims);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String flipFirstChar(String s) {
    return (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1);
  }

  private List<String> column(String sql) {
    return transactions.executeRead(status -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = status.getConnection().prepareStatement(sql);
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return out;
    });
  }
}
