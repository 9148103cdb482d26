package org.suifang.server.web;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The dashboard's message bundles, one per feature: {@code i18n/<feature>.properties} (Chinese, the
 * default) and {@code i18n/<feature>_en.properties} (English), UTF-8. Keys start with the feature's
 * name. Templates use them as {@code #{key}}.
 *
 * <p>Unlike Micronaut's {@code ResourceBundleMessageSource}, a lookup never falls back to the JVM's
 * default locale: a Chinese page on a server whose default locale is English stays Chinese.
 */
@Singleton
final class DashboardMessages extends AbstractMessageSource {

  /** The bundles, by base name. */
  static final List<String> BUNDLES =
      List.of("i18n/web", "i18n/reports", "i18n/review", "i18n/worklists", "i18n/patients");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Override
  public Optional<String> getRawMessage(String code, MessageContext context) {
    Locale locale = context.getLocale(WebLocales.DEFAULT);
    for (String base : BUNDLES) {
      ResourceBundle bundle;
      try {
        bundle = ResourceBundle.getBundle(base, locale, getClass().getClassLoader(), NO_FALLBACK);
      } catch (MissingResourceException e) {
        // A feature without a bundle yet: its keys are simply absent.
        continue;
      }
      if (bundle.containsKey(code)) {
        return Optional.of(bundle.getString(code));
      }
    }
    return Optional.empty();
  }
}
