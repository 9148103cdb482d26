package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar quarter ({@code 2026Q3}) or a calendar year ({@code 2026}), in
 * China Standard Time dates.
 *
 * @param label the canonical text, e.g. {@code 2026Q3} or {@code 2026}
 * @param year the calendar year
 * @param quarter 1–4, or null for a whole year
 * @param start the first day
 * @param end the last day
 */
record Period(String label, int year, @Nullable Integer quarter, LocalDate start, LocalDate end) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:[Qq]([1-4]))?");

  /** Returns the period a text names, or null when it is not {@code YYYY} or {@code YYYYQn}. */
  static @Nullable Period parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2999) {
      return null;
    }
    return m.group(2) == null ? year(year) : quarter(year, Integer.parseInt(m.group(2)));
  }

  static Period year(int year) {
    return new Period(
        Integer.toString(year), year, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  static Period quarter(int year, int quarter) {
    LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    return new Period(year + "Q" + quarter, year, quarter, start, start.plusMonths(3).minusDays(1));
  }

  /** Returns the quarter containing the date. */
  static Period quarterOf(LocalDate date) {
    return quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  boolean isQuarter() {
    return quarter != null;
  }

  /** Returns the quarters of this period, in order: itself, or the four of the year. */
  List<Period> quarters() {
    if (isQuarter()) {
      return List.of(this);
    }
    List<Period> out = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      out.add(quarter(year, q));
    }
    return List.copyOf(out);
  }

  /** Returns the quarter before this one (for a quarter). */
  Period previousQuarter() {
    return quarterOf(start.minusDays(1));
  }

  /**
   * Returns the four quarters ending with the given one, oldest first.
   *
   * @param last the last quarter of the trend
   */
  static List<Period> fourQuartersEndingWith(Period last) {
    List<Period> out = new ArrayList<>();
    Period q = last;
    for (int i = 0; i < 4; i++) {
      out.add(0, q);
      q = q.previousQuarter();
    }
    return List.copyOf(out);
  }

  boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }
}
