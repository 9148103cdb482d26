package org.suifang.server.reports;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the {@code i18n/reports} bundle that the reports put into JSON and CSV (the formula
 * of each figure), in Chinese ({@code reports.properties}) and English ({@code
 * reports_en.properties}), so the page, the JSON and the CSV say the same.
 */
@Singleton
class ReportMessages {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle zh =
      ResourceBundle.getBundle("i18n.reports", Locale.ROOT, NO_FALLBACK);
  private final ResourceBundle en =
      ResourceBundle.getBundle("i18n.reports", Locale.ENGLISH, NO_FALLBACK);

  /** Returns the text of a key in {@code zh} or {@code en}. */
  String text(String key, String lang) {
    return ("en".equals(lang) ? en : zh).getString(key);
  }

  /** Returns a formula with its numerator {0} and denominator {1}, in both languages. */
  IndicatorReport.Formula formula(String key, long numerator, long denominator) {
    return new IndicatorReport.Formula(
        fill(zh.getString(key), numerator, denominator),
        fill(en.getString(key), numerator, denominator));
  }

  private static String fill(String pattern, long numerator, long denominator) {
    return pattern
        .replace("{0}", Long.toString(numerator))
        .replace("{1}", Long.toString(denominator));
  }
}
