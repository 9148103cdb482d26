package org.suifang.server.web;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** The dashboard's two languages and the {@code lang} cookie that switches between them. */
final class WebLocales {

  /** The default language: simplified Chinese. */
  static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

  /** The cookie holding the chosen language, {@code zh} or {@code en}. */
  static final String COOKIE = "lang";

  private WebLocales() {}

  /** Returns {@code en} for an English locale, else {@code zh}. */
  static String code(@Nullable Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
  }

  /** Returns the {@code <html lang>} value of a language code. */
  static String htmlLang(String code) {
    return "en".equals(code) ? "en" : "zh-CN";
  }
}
