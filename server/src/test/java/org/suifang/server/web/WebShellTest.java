package org.suifang.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;
import org.suifang.server.users.UserService;

/**
 * The dashboard shell over real HTTP without a browser: sign-in and sign-out with the session
 * cookie, CSRF, redirects, the language switch, security headers, and that the JSON API is
 * unchanged and cannot be driven with the cookie.
 */
@MicronautTest(transactional = false)
class WebShellTest {

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;
  @Inject TransactionOperations<Connection> transactions;
  @Inject UserService users;

  PageSession browser;
  long auditBefore;

  @BeforeEach
  void setUp() {
    auth.seedArea();
    browser = new PageSession(server.getURL());
    auditBefore = lastAuditId();
  }

  @Test
  void loginPage_anonymous_isChineseWithTokenPreSessionCookieAndHeaders() {
    HttpResponse<String> page = browser.get("/login");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<html lang=\"zh-CN\"").contains("登录随访督导平台");
    assertThat(PageSession.csrfToken(page)).hasSizeGreaterThan(20);
    assertThat(browser.cookies).containsKey(DashboardSessions.PRE_SESSION_COOKIE);
    assertThat(page.headers().firstValue("content-security-policy"))
        .hasValue(BrowserResponseFilter.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
    assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
  }

  @Test
  void login_supervisor_setsStrictHttpOnlyCookieRedirectsToNextAndAudits() {
    HttpResponse<String> answer =
        browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location")).hasValue("/dashboard/sync-health");
    String cookie =
        PageSession.setCookies(answer).stream()
            .filter(c -> c.startsWith(DashboardSessions.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .doesNotContainIgnoringCase("Secure");
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.PRE_SESSION_COOKIE);
    HttpResponse<String> page = browser.get("/dashboard/sync-health");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("赵督导").contains("东关镇").contains("设备同步状况");
    assertThat(page.body()).doesNotContain("/dashboard/audit"); // audit only for administrators
    assertThat(auditActions("sup1")).containsExactly("LOGIN");
  }

  @Test
  void login_admin_seesAuditInNavigation() {
    browser.login("admin1", TestAuth.PASSWORD, "/dashboard/sync-health");

    HttpResponse<String> page = browser.get("/dashboard/sync-health");

    assertThat(page.body()).contains("孙管理员").contains("示范县").contains("href=\"/dashboard/audit\"");
  }

  @Test
  void login_villageDoctor_isRefusedWithMessageAndAudited() {
    HttpResponse<String> answer = browser.login("doc1", TestAuth.PASSWORD, "/dashboard");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("村医请使用平板应用登录");
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.SESSION_COOKIE);
    assertThat(auditActions("doc1")).containsExactly("LOGIN_REFUSED");
  }

  @Test
  void login_wrongPassword_showsTheFormAgainWithTheMessage() {
    HttpResponse<String> answer = browser.login("sup1", "wrong-password", "/dashboard");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("用户名或密码错误").contains("value=\"sup1\"");
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.SESSION_COOKIE);
  }

  @Test
  void login_withoutCsrfToken_isRefusedAndSignsNobodyIn() {
    browser.get("/login");

    HttpResponse<String> answer =
        browser.postForm(
            "/login", Map.of("username", "sup1", "password", TestAuth.PASSWORD, "next", "/x"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("CSRF_TOKEN_INVALID").contains("<html");
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.SESSION_COOKIE);
    assertThat(auditActions("sup1")).isEmpty();
  }

  @Test
  void login_tokenOfAnotherBrowser_isRefused() {
    PageSession other = new PageSession(server.getURL());
    String othersToken = PageSession.csrfToken(other.get("/login"));
    browser.get("/login");

    HttpResponse<String> answer =
        browser.postForm(
            "/login",
            Map.of("username", "sup1", "password", TestAuth.PASSWORD, "csrfToken", othersToken));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.SESSION_COOKIE);
  }

  @Test
  void login_foreignNext_goesToTheDashboardInstead() {
    for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
      PageSession fresh = new PageSession(server.getURL());
      HttpResponse<String> answer = fresh.login("sup1", TestAuth.PASSWORD, next);
      assertThat(answer.headers().firstValue("location")).as(next).hasValue("/dashboard");
    }
  }

  @Test
  void page_anonymous_redirectsToLoginWithNext() {
    HttpResponse<String> answer = browser.get("/dashboard/sync-health?x=1");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location"))
        .hasValue("/login?next=%2Fdashboard%2Fsync-health%3Fx%3D1");
  }

  @Test
  void page_doctorsBearerToken_isForbiddenPage() {
    String token = auth.login("doc1");

    HttpResponse<String> answer =
        browser.get("/dashboard/sync-health", Map.of("Authorization", "Bearer " + token));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<html").contains("您无权访问该数据");
  }

  @Test
  void page_unknown_isRefusedWithAnErrorPage() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    HttpResponse<String> answer = browser.get("/dashboard/no-such-page");

    // As on the API, micronaut-security refuses unknown routes (reject-not-found) rather than
    // revealing which exist; the browser gets the error page inside the layout.
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<html").contains("FORBIDDEN").contains("赵督导");
  }

  @Test
  void cookie_doesNotAuthenticateTheJsonApi() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/v1/regions").statusCode()).isEqualTo(401);
    HttpResponse<String> write =
        browser.postJson("/api/v1/patients", "{}", Map.of("X-CSRF-TOKEN", "anything"));
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.body()).contains("UNAUTHENTICATED");
  }

  @Test
  void api_bearerToken_worksAsBefore() {
    String token = auth.login("sup1");

    HttpResponse<String> me = browser.get("/api/v1/me", Map.of("Authorization", "Bearer " + token));
    HttpResponse<String> anonymous = browser.get("/api/v1/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"sup1\"");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  @Test
  void logout_withoutToken_isRefusedAndKeepsTheSession() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    HttpResponse<String> answer = browser.postForm("/logout", Map.of());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(200);
    assertThat(auditActions("sup1")).containsExactly("LOGIN");
  }

  @Test
  void logout_withToken_clearsAndRevokesTheSessionAndAudits() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    String sessionCookie = browser.cookies.get(DashboardSessions.SESSION_COOKIE);
    String token = PageSession.csrfToken(browser.get("/dashboard/sync-health"));

    HttpResponse<String> answer = browser.postForm("/logout", Map.of("csrfToken", token));

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location")).hasValue("/login");
    assertThat(browser.cookies).doesNotContainKey(DashboardSessions.SESSION_COOKIE);
    assertThat(auditActions("sup1")).containsExactly("LOGIN", "LOGOUT");
    // A copy of the old cookie no longer works either.
    browser.cookies.put(DashboardSessions.SESSION_COOKIE, sessionCookie);
    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(303);
  }

  @Test
  void logout_revocationIsInTheDatabase_forEveryInstance() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    String token = PageSession.csrfToken(browser.get("/dashboard/sync-health"));
    String hash = DashboardSessions.hash(browser.cookies.get(DashboardSessions.SESSION_COOKIE));

    browser.postForm("/logout", Map.of("csrfToken", token));

    assertThat(
            count("SELECT COUNT(*) FROM dashboard_session_revocation WHERE token_hash = ?", hash))
        .isEqualTo(1);
  }

  @Test
  void passwordChange_endsEarlierSessions_butNotLaterOnes() throws Exception {
    UUID id =
        auth.createUser(
            UserCommand.supervisor(
                "sup-pw-" + System.nanoTime() % 100_000,
                "钱督导",
                TestAuth.PASSWORD,
                TestArea.TOWNSHIP_1));
    String username = username(id);
    browser.login(username, TestAuth.PASSWORD, "/dashboard/sync-health");
    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(200);
    // JWT issue times have whole seconds: let the session's second pass.
    Thread.sleep(1100);

    users.setPassword(id, "An0ther-Passw0rd!");

    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(303);
    PageSession again = new PageSession(server.getURL());
    again.login(username, "An0ther-Passw0rd!", "/dashboard/sync-health");
    assertThat(again.get("/dashboard/sync-health").statusCode()).isEqualTo(200);
  }

  @Test
  void deactivation_endsTheSessionAtOnce() {
    UUID id =
        auth.createUser(
            UserCommand.supervisor(
                "sup-off-" + System.nanoTime() % 100_000,
                "孙督导",
                TestAuth.PASSWORD,
                TestArea.TOWNSHIP_1));
    browser.login(username(id), TestAuth.PASSWORD, "/dashboard/sync-health");
    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(200);

    users.setActive(id, false);

    assertThat(browser.get("/dashboard/sync-health").statusCode()).isEqualTo(303);
  }

  private String username(UUID id) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps =
              status
                  .getConnection()
                  .prepareStatement("SELECT username FROM app_user WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private long count(String sql, String arg) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void csrf_unreadableJsonBody_isRefusedNotAnError() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    HttpResponse<String> answer = browser.postJson("/dashboard/sync-health", "{not json", Map.of());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("CSRF_TOKEN_INVALID");
  }

  @Test
  void csrfHeader_isAcceptedInsteadOfTheField() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    String token = PageSession.csrfToken(browser.get("/dashboard/sync-health"));

    HttpResponse<String> answer =
        browser.postForm("/logout", Map.of(), Map.of(CsrfTokens.HEADER, token));

    assertThat(answer.statusCode()).isEqualTo(303);
  }

  @Test
  void lang_switchesToEnglishAndBack() {
    browser.login("sup1", TestAuth.PASSWORD, "/dashboard/sync-health");

    HttpResponse<String> toEnglish = browser.get("/lang?to=en&back=%2Fdashboard%2Fsync-health");
    assertThat(toEnglish.statusCode()).isEqualTo(303);
    assertThat(toEnglish.headers().firstValue("location")).hasValue("/dashboard/sync-health");
    HttpResponse<String> english = browser.get("/dashboard/sync-health");
    assertThat(english.body())
        .contains("<html lang=\"en\"")
        .contains("Device sync health")
        .contains("Sign out");

    browser.get("/lang?to=zh&back=%2Fdashboard%2Fsync-health");
    assertThat(browser.get("/dashboard/sync-health").body())
        .contains("<html lang=\"zh-CN\"")
        .contains("设备同步状况");
  }

  @Test
  void lang_foreignBack_goesToTheDashboard() {
    HttpResponse<String> answer = browser.get("/lang?to=en&back=https%3A%2F%2Fevil.example%2F");

    assertThat(answer.headers().firstValue("location")).hasValue("/dashboard");
  }

  @Test
  void root_redirectsToTheDashboard() {
    HttpResponse<String> answer = browser.get("/");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location")).hasValue("/dashboard");
  }

  @Test
  void assets_areServedAnonymously() {
    HttpResponse<String> css = browser.get("/assets/dashboard.css");
    HttpResponse<String> echarts = browser.get("/webjars/echarts/5.2.2/dist/echarts.min.js");

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".topbar");
    assertThat(css.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(echarts.statusCode()).isEqualTo(200);
  }

  private long lastAuditId() {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement s =
                  status.getConnection().prepareStatement("SELECT MAX(id) FROM audit_log");
              ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Returns the audit actions of the user written by this test, oldest first. */
  private List<String> auditActions(String username) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement s =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT action FROM audit_log WHERE username = ? AND id > ? ORDER BY id")) {
            s.setString(1, username);
            s.setLong(2, auditBefore);
            List<String> actions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                actions.add(rs.getString(1));
              }
            }
            return actions;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
