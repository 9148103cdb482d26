package org.suifang.server.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.suifang.server.auth.BrowserLogin;

/**
 * Adds what every dashboard template may use to its model: {@code user} (the {@link
 * org.suifang.server.auth.CurrentUser}, null on the login page), {@code userName} and {@code
 * areaName} (for the header), {@code lang} ({@code zh} or {@code en}), {@code htmlLang}, {@code
 * csrfToken} and {@code csrfField}, and {@code currentPath} (for the language switch). A value the
 * controller already set is kept.
 */
@Singleton
final class DashboardModelProcessor implements ViewModelProcessor<Map<String, Object>> {

  /** Session-token claim with the user's display name. */
  static final String CLAIM_NAME = "name";

  /** Session-token claim with the name of the user's township or county. */
  static final String CLAIM_AREA_NAME = "areaName";

  private final HttpLocaleResolver locales;
  private final CsrfTokens csrf;

  DashboardModelProcessor(HttpLocaleResolver locales, CsrfTokens csrf) {
    this.locales = locales;
    this.csrf = csrf;
  }

  @Override
  public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
    // Controllers often pass Map.of(...): copy into a mutable map.
    Map<String, Object> model = new LinkedHashMap<>();
    modelAndView.getModel().ifPresent(model::putAll);
    String lang = WebLocales.code(locales.resolveOrDefault(request));
    model.putIfAbsent("lang", lang);
    model.putIfAbsent("htmlLang", WebLocales.htmlLang(lang));
    model.putIfAbsent("user", BrowserLogin.userOf(request).orElse(null));
    Map<String, Object> claims =
        request
            .getUserPrincipal(Authentication.class)
            .map(Authentication::getAttributes)
            .orElse(Map.of());
    model.putIfAbsent("userName", claims.getOrDefault(CLAIM_NAME, claims.get("sub")));
    model.putIfAbsent("areaName", claims.get(CLAIM_AREA_NAME));
    model.putIfAbsent("csrfToken", csrf.expected(request).orElse(""));
    model.putIfAbsent("csrfField", CsrfTokens.FIELD);
    model.putIfAbsent("currentPath", LocalPaths.of(request));
    modelAndView.setModel(model);
  }
}
