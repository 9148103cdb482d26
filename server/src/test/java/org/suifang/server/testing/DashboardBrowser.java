package org.suifang.server.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Drives Debian's Chromium (/usr/bin/chromium) through Playwright for the dashboard's browser tests
 * ({@code @Tag("browser")}, run on H2 only):
 *
 * <pre>{@code
 * @Inject EmbeddedServer server;
 *
 * @Test
 * void overview_asSupervisor_showsTheTownship() {
 *   Page page = DashboardBrowser.shared().login(server.getURL(), "sup1", TestAuth.PASSWORD);
 *   assertThat(page.textContent("h1")).contains("概览");
 *   DashboardBrowser.screenshot(page, "overview-sup1");
 *   page.context().close();
 * }
 * }</pre>
 *
 * <p>The browser is launched once per JVM, headless, and closed when the JVM exits; each {@link
 * #login} opens a fresh context (its own cookies) that accepts downloads. Close the context when
 * done. Playwright objects are not thread-safe: use them from the test thread only.
 */
public final class DashboardBrowser {

  /** Where {@link #screenshot} writes, relative to the server module. */
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  private static DashboardBrowser shared;

  private final Playwright playwright;
  private final Browser browser;

  private DashboardBrowser() {
    this.playwright = Playwright.create();
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
  }

  /** Returns the browser of this JVM, launching Chromium on the first call. */
  public static synchronized DashboardBrowser shared() {
    if (shared == null) {
      DashboardBrowser created = new DashboardBrowser();
      Runtime.getRuntime().addShutdownHook(new Thread(created::close, "close-chromium"));
      shared = created;
    }
    return shared;
  }

  /** Returns the Playwright browser itself. */
  public Browser browser() {
    return browser;
  }

  /** Opens a fresh context (no cookies) that accepts downloads, with a desktop-sized viewport. */
  public BrowserContext newContext() {
    return browser.newContext(
        new Browser.NewContextOptions().setAcceptDownloads(true).setViewportSize(1366, 900));
  }

  /**
   * Opens a fresh context, signs in through the real login form and returns the page on {@code
   * /dashboard}; throws an {@link AssertionError} with the form's message if the sign-in fails.
   */
  public Page login(URL base, String username, String password) {
    return login(base, username, password, "/dashboard");
  }

  /**
   * Like {@link #login(URL, String, String)}, but lands on the local page {@code next}, e.g. {@code
   * /dashboard/sync-health}.
   */
  public Page login(URL base, String username, String password, String next) {
    Page page = newContext().newPage();
    page.navigate(url(base, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    page.fill("#username", username);
    page.fill("#password", password);
    // The form posts, then follows the redirect (or shows the form again with a message).
    page.waitForNavigation(() -> page.click("#login-submit"));
    String path = java.net.URI.create(page.url()).getPath();
    if (path.equals("/login")) {
      String error =
          page.locator("#login-error").count() > 0 ? page.textContent("#login-error") : "";
      screenshot(page, "login-failed-" + username);
      page.context().close();
      throw new AssertionError("Sign-in of " + username + " failed: " + error);
    }
    return page;
  }

  /** Returns {@code base} (the embedded server's URL) joined with a local path. */
  public static String url(URL base, String path) {
    String root = base.toString();
    return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
  }

  /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
  public static Path screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  private void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
