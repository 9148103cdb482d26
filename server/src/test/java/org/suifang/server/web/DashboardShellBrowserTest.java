package org.suifang.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.DashboardBrowser;
import org.suifang.server.testing.TestAuth;

/**
 * The dashboard shell in a real Chromium: sign in through the form, the header and navigation, the
 * language switch there and back, sign out, and a village doctor refused. Screenshots go to
 * target/screenshots/shell-*.png.
 */
@Tag("browser")
@MicronautTest(transactional = false)
class DashboardShellBrowserTest {

  @Inject EmbeddedServer server;
  @Inject TestAuth auth;

  @BeforeEach
  void seed() {
    auth.seedArea();
  }

  @Test
  void login_supervisor_landsOnTheRequestedPageWithHeaderAndNavigation() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    try {
      assertThat(path(page)).isEqualTo("/dashboard/sync-health");
      assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
      assertThat(page.textContent("#current-user")).contains("赵督导").contains("东关镇");
      assertThat(page.locator(".mainnav a").allTextContents())
          .containsExactly("概览", "同步状况", "审核队列", "工作清单");
      assertThat(page.textContent(".mainnav a.active")).isEqualTo("同步状况");
      DashboardBrowser.screenshot(page, "shell-sync-health-zh");
    } finally {
      page.context().close();
    }
  }

  @Test
  void login_admin_seesTheAuditLink() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "admin1", TestAuth.PASSWORD, "/dashboard/sync-health");
    try {
      assertThat(page.locator(".mainnav a").allTextContents()).contains("审计日志");
    } finally {
      page.context().close();
    }
  }

  @Test
  void login_default_landsOnDashboard() {
    Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
    try {
      // The overview belongs to the reports package; here it only matters that we got there.
      assertThat(path(page)).isEqualTo("/dashboard");
    } finally {
      page.context().close();
    }
  }

  @Test
  void login_villageDoctor_isRefusedWithTheMessage() {
    Page page = DashboardBrowser.shared().newContext().newPage();
    try {
      page.navigate(DashboardBrowser.url(server.getURL(), "/login"));
      page.fill("#username", "doc1");
      page.fill("#password", TestAuth.PASSWORD);
      page.waitForNavigation(() -> page.click("#login-submit"));
      assertThat(page.textContent("#login-error")).contains("村医请使用平板应用登录");
      assertThat(page.context().cookies())
          .noneMatch(c -> c.name.equals(DashboardSessions.SESSION_COOKIE));
      DashboardBrowser.screenshot(page, "shell-login-doctor-refused");
      assertThatThrownBy(
              () -> DashboardBrowser.shared().login(server.getURL(), "doc1", TestAuth.PASSWORD))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("村医请使用平板应用登录");
    } finally {
      page.context().close();
    }
  }

  @Test
  void languageSwitch_toEnglishAndBack() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    try {
      page.waitForNavigation(() -> page.click("#lang-switch"));
      assertThat(path(page)).isEqualTo("/dashboard/sync-health");
      assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
      assertThat(page.textContent("h1")).isEqualTo("Device sync health");
      assertThat(page.locator(".mainnav a").allTextContents())
          .containsExactly("Overview", "Sync health", "Review queue", "Worklists");
      assertThat(page.textContent("#logout")).isEqualTo("Sign out");
      DashboardBrowser.screenshot(page, "shell-sync-health-en");

      page.waitForNavigation(() -> page.click("#lang-switch"));
      assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
      assertThat(page.textContent("h1")).isEqualTo("设备同步状况");
    } finally {
      page.context().close();
    }
  }

  @Test
  void logout_endsTheSession() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    try {
      page.waitForNavigation(() -> page.click("#logout"));
      assertThat(path(page)).isEqualTo("/login");
      assertThat(page.context().cookies())
          .noneMatch(c -> c.name.equals(DashboardSessions.SESSION_COOKIE));
      DashboardBrowser.screenshot(page, "shell-logged-out");

      page.navigate(DashboardBrowser.url(server.getURL(), "/dashboard/sync-health"));
      assertThat(path(page)).isEqualTo("/login");
      assertThat(page.url()).contains("next=%2Fdashboard%2Fsync-health");
    } finally {
      page.context().close();
    }
  }

  @Test
  void pages_loadNoBlockedResources() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    List<String> problems = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) {
            problems.add(m.text());
          }
        });
    try {
      page.reload();
      // The stylesheet applied (not blocked by the Content-Security-Policy).
      assertThat(page.evalOnSelector(".topbar", "e => getComputedStyle(e).display"))
          .isEqualTo("flex");
      assertThat(problems).isEmpty();
    } finally {
      page.context().close();
    }
  }

  @Test
  void syncHealth_csvDownloadsWithTheSessionCookie() throws Exception {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "sup1", TestAuth.PASSWORD, "/dashboard/sync-health");
    try {
      assertThat(page.locator("#sync-health tbody tr").count()).isEqualTo(2); // doc1, doc2
      assertThat(page.locator("#sync-health .badge-warn").allTextContents()).contains("无设备");
      Download download = page.waitForDownload(() -> page.click("#sync-csv"));
      byte[] bytes = Files.readAllBytes(download.path());
      assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
      String csv = new String(bytes, StandardCharsets.UTF_8);
      assertThat(csv).contains("doc1").contains("doc2").doesNotContain("doc3");
      DashboardBrowser.screenshot(page, "shell-sync-health-table");
    } finally {
      page.context().close();
    }
  }

  @Test
  void audit_adminFiltersByAction() {
    Page page =
        DashboardBrowser.shared()
            .login(server.getURL(), "admin1", TestAuth.PASSWORD, "/dashboard/audit");
    try {
      assertThat(page.textContent("h1")).isEqualTo("审计日志");
      page.selectOption("select[name=action]", "LOGIN");
      page.waitForNavigation(() -> page.click("#audit-search"));
      assertThat(page.url()).contains("action=LOGIN");
      List<String> actions =
          page.locator("#audit-log tbody tr").evaluateAll("rows => rows.map(r => r.dataset.action)")
                  instanceof List<?> list
              ? list.stream().map(String::valueOf).toList()
              : List.of();
      assertThat(actions).isNotEmpty().containsOnly("LOGIN");
      DashboardBrowser.screenshot(page, "shell-audit-log");
    } finally {
      page.context().close();
    }
  }

  private static String path(Page page) {
    return URI.create(page.url()).getPath();
  }
}
