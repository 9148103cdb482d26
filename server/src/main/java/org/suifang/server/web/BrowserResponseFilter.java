package org.suifang.server.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.suifang.server.common.ApiError;

/**
 * Makes browser routes ({@link DashboardSessions#isBrowserPath}) behave like a web site rather than
 * an API, whatever produced the response (a page, the security filter, an exception handler):
 *
 * <ul>
 *   <li>401 (no or expired session) redirects to {@code /login?next=<the page>};
 *   <li>any other error that is not already a page (403 outside one's area, 404, a CSRF refusal,
 *       validation errors) is shown as the error page {@code views/web/error.html} with the error's
 *       message in the page's language and the same status;
 *   <li>security headers: a Content-Security-Policy without inline script or style, {@code
 *       X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 *       no-referrer} and {@code Cache-Control: no-store} (pages show patient data).
 * </ul>
 *
 * Static assets get {@code nosniff} only. JSON API answers ({@code /api/**}, patient data among
 * them) get the headers a REST API needs (OWASP REST Security Cheat Sheet): {@code Cache-Control:
 * no-store}, {@code nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer}
 * and {@value #API_CONTENT_SECURITY_POLICY} as Content-Security-Policy.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BrowserResponseFilter implements Ordered {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;
  private final HttpLocaleResolver locales;

  BrowserResponseFilter(
      ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer,
      HttpLocaleResolver locales) {
    this.renderer = renderer;
    this.locales = locales;
  }

  @ResponseFilter
  MutableHttpResponse<?> filter(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    if (path.startsWith("/assets/") || path.startsWith("/webjars/")) {
      response.header("X-Content-Type-Options", "nosniff");
      return response;
    }
    if (path.startsWith("/api/")) {
      return secureApi(response);
    }
    if (!DashboardSessions.isBrowserPath(path)) {
      return response;
    }
    MutableHttpResponse<?> out = response;
    if (response.code() >= 400 && !isHtml(response)) {
      out =
          response.code() == 401
              ? HttpResponse.seeOther(URI.create(loginUrl(request)))
              : errorPage(request, response);
    }
    return secure(out);
  }

  @Override
  public int getOrder() {
    // Outermost: sees the final response of every other filter, the security filter included.
    return ServerFilterPhase.FIRST.before();
  }

  private static boolean isHtml(HttpResponse<?> response) {
    return response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
  }

  private static String loginUrl(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return "/login";
    }
    String next = LocalPaths.of(request);
    return "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  private MutableHttpResponse<?> errorPage(
      HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getMethod() == HttpMethod.HEAD) {
      return response;
    }
    Optional<ApiError> error = response.getBody(ApiError.class);
    boolean english = "en".equals(WebLocales.code(locales.resolveOrDefault(request)));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("status", response.code());
    model.put("code", error.map(ApiError::code).orElse(null));
    model.put("message", error.map(e -> english ? e.messageEn() : e.messageZh()).orElse(null));
    Optional<Writable> page =
        renderer.render(new ModelAndView<>("web/error", model), request, MediaType.TEXT_HTML);
    if (page.isEmpty()) {
      return response;
    }
    return HttpResponse.status(response.status())
        .body(page.get())
        .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
  }

  private static MutableHttpResponse<?> secureApi(MutableHttpResponse<?> response) {
    // set, not add: some controllers already send Cache-Control: no-store.
    response.getHeaders().set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    response.getHeaders().set("X-Content-Type-Options", "nosniff");
    response.getHeaders().set("X-Frame-Options", "DENY");
    response.getHeaders().set("Referrer-Policy", "no-referrer");
    response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    return response;
  }

  private static MutableHttpResponse<?> secure(MutableHttpResponse<?> response) {
    MutableHttpResponse<?> r = response;
    r.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    r.header("X-Content-Type-Options", "nosniff");
    r.header("X-Frame-Options", "DENY");
    r.header("Referrer-Policy", "no-referrer");
    r.header(HttpHeaders.CACHE_CONTROL, "no-store");
    return r;
  }
}
