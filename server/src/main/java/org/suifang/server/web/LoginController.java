package org.suifang.server.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.BrowserLogin;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;

/**
 * Sign-in and sign-out of the dashboard, the language switch and the root redirect. Runs on the
 * blocking executor: bcrypt and the failed-login delay take time.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

  private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
  private static final String HOME = "/dashboard";

  private final BrowserLogin login;
  private final DashboardSessions sessions;
  private final CsrfTokens csrf;
  private final AuditLog audit;
  private final RegionService regions;
  private final DashboardConfiguration config;
  private final HttpClientAddressResolver addresses;
  private final HttpLocaleResolver locales;
  private final boolean trustAddressHeader;

  LoginController(
      BrowserLogin login,
      DashboardSessions sessions,
      CsrfTokens csrf,
      AuditLog audit,
      RegionService regions,
      DashboardConfiguration config,
      HttpClientAddressResolver addresses,
      HttpLocaleResolver locales,
      HttpServerConfiguration server) {
    this.login = login;
    this.sessions = sessions;
    this.csrf = csrf;
    this.audit = audit;
    this.regions = regions;
    this.config = config;
    this.addresses = addresses;
    this.locales = locales;
    this.trustAddressHeader = server.getClientAddressHeader() != null;
  }

  /**
   * The login form's fields.
   *
   * @param username the login name
   * @param password the password
   * @param next the local page to open after signing in
   * @param csrfToken the form's CSRF token (checked by {@link CsrfFilter})
   */
  @Serdeable
  record LoginForm(
      @Nullable String username,
      @Nullable String password,
      @Nullable String next,
      @Nullable String csrfToken) {}

  /** Redirects to the dashboard. */
  @Get
  HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create(HOME));
  }

  /** Shows the login form; {@code next} is the local page to open afterwards. */
  @Get(value = "/login", produces = MediaType.TEXT_HTML)
  HttpResponse<?> form(@Nullable @QueryValue String next, HttpRequest<?> request) {
    return page(request, HttpStatus.OK, null, LocalPaths.orElse(next, HOME), null);
  }

  /**
   * Signs in: checks the password (with the API's throttling and lockout), refuses village doctors,
   * sets the session cookie and redirects to {@code next}. Failures show the form again.
   */
  @Post(
      value = "/login",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> signIn(@Body LoginForm form, HttpRequest<?> request) {
    String next = LocalPaths.orElse(form.next(), HOME);
    String username = form.username() == null ? "" : form.username().strip();
    if (username.isEmpty() || form.password() == null || form.password().isEmpty()) {
      return page(request, HttpStatus.BAD_REQUEST, "web.login.missing", next, username);
    }
    BrowserLogin.Authenticated who;
    try {
      who = login.authenticate(username, form.password(), clientAddress(request));
    } catch (ApiException e) {
      boolean english = isEnglish(request);
      return page(
          request,
          e.code().status(),
          null,
          next,
          username,
          english ? e.toApiError().messageEn() : e.toApiError().messageZh());
    }
    CurrentUser user = who.user();
    if (user.role() == Role.VILLAGE_DOCTOR) {
      audit.record(
          user, request, AuditAction.LOGIN_REFUSED, "USER", user.id().toString(), "dashboard");
      LOG.info("Village doctor {} refused on the dashboard", user.id());
      return page(request, HttpStatus.FORBIDDEN, "web.login.doctorRefused", next, username);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(DashboardModelProcessor.CLAIM_NAME, who.profile().displayName());
    areaName(user).ifPresent(name -> claims.put(DashboardModelProcessor.CLAIM_AREA_NAME, name));
    String token = login.sessionToken(who, config.sessionTtl(), claims);
    audit.record(user, request, AuditAction.LOGIN, "USER", user.id().toString(), "dashboard");
    LOG.info("User {} signed in to the dashboard from {}", user.id(), clientAddress(request));
    return HttpResponse.seeOther(URI.create(next))
        .cookie(sessions.sessionCookie(token))
        .cookie(sessions.clearedPreSessionCookie());
  }

  /** Signs out: forgets the session, clears the cookie and shows the login form. */
  @Post(
      value = "/logout",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA},
      produces = MediaType.TEXT_HTML)
  HttpResponse<?> signOut(@Nullable CurrentUser user, HttpRequest<?> request) {
    if (user != null) {
      audit.record(user, request, AuditAction.LOGOUT, "USER", user.id().toString(), "dashboard");
    }
    DashboardSessions.sessionValue(request).ifPresent(sessions::revoke);
    return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.clearedSessionCookie());
  }

  /**
   * Switches the language ({@code to} = {@code zh} or {@code en}) for a year and goes back to the
   * local page {@code back}.
   */
  @Get("/lang")
  HttpResponse<?> language(@Nullable @QueryValue String to, @Nullable @QueryValue String back) {
    String lang = "en".equals(to) ? "en" : "zh";
    Cookie cookie =
        Cookie.of(WebLocales.COOKIE, lang)
            .path("/")
            .httpOnly(true)
            .sameSite(SameSite.Lax)
            .secure(config.secureCookie())
            .maxAge(Duration.ofDays(365));
    return HttpResponse.seeOther(URI.create(LocalPaths.orElse(back, HOME))).cookie(cookie);
  }

  private MutableHttpResponse<?> page(
      HttpRequest<?> request,
      HttpStatus status,
      @Nullable String errorKey,
      String next,
      @Nullable String username) {
    return page(request, status, errorKey, next, username, null);
  }

  private MutableHttpResponse<?> page(
      HttpRequest<?> request,
      HttpStatus status,
      @Nullable String errorKey,
      String next,
      @Nullable String username,
      @Nullable String errorText) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("next", next);
    model.put("username", username == null ? "" : username);
    model.put("errorKey", errorKey);
    model.put("errorText", errorText);
    MutableHttpResponse<?> response = HttpResponse.status(status);
    if (DashboardSessions.sessionValue(request).isEmpty()) {
      // The form's token is bound to a random pre-session cookie, kept until sign-in.
      String pre = DashboardSessions.preSessionValue(request).orElseGet(csrf::newPreSessionValue);
      model.put("csrfToken", csrf.forPreSession(pre));
      response.cookie(sessions.preSessionCookie(pre));
    }
    return response.body(new ModelAndView<>("web/login", model));
  }

  private Optional<String> areaName(CurrentUser user) {
    String code = user.townshipCode() != null ? user.townshipCode() : user.countyCode();
    return regions.find(code).map(RegionView::name);
  }

  private boolean isEnglish(HttpRequest<?> request) {
    return "en".equals(WebLocales.code(locales.resolveOrDefault(request)));
  }

  private String clientAddress(HttpRequest<?> request) {
    String address =
        trustAddressHeader
            ? addresses.resolve(request)
            : request.getRemoteAddress().getHostString();
    return address == null || address.isBlank() ? "unknown" : address;
  }
}
