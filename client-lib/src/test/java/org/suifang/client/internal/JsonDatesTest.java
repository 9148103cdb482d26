package org.suifang.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SDK's dates and instants read directly in their usual form ({@code Json.usualDate}, {@code
 * Json.usualInstant}) give what {@code LocalDate.parse} and {@code Instant.parse} give, and every
 * other text (invalid, unusual, malformed) is read or refused by those as before.
 */
class JsonDatesTest {

  /** What the SDK read before: the JDK's parsers, a failure as the same JsonParseException. */
  private static String dateBefore(String text) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }

  private static String dateNow(String text) {
    try {
      return Json.GSON.fromJson(new JsonPrimitive(text), LocalDate.class).toString();
    } catch (JsonParseException e) {
      return "refused";
    }
  }

  private static String instantBefore(String text) {
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant().toString();
      } catch (DateTimeParseException e2) {
        return "refused";
      }
    }
  }

  private static String instantNow(String text) {
    String tree;
    String stream;
    try {
      tree = String.valueOf(Json.instant(new JsonPrimitive(text)));
    } catch (JsonParseException e) {
      tree = "refused";
    }
    try {
      stream = String.valueOf(Json.GSON.fromJson(new JsonPrimitive(text), Instant.class));
    } catch (JsonParseException e) {
      stream = "refused";
    }
    assertThat(stream).isEqualTo(tree);
    return tree;
  }

  @Test
  void dates_usualAndNot_readAsBefore() {
    List<String> texts = new ArrayList<>();
    String[] fixed = {
      "2026-11-20",
      "2024-02-29",
      "2026-02-29",
      "2026-02-30",
      "2026-04-31",
      "2026-12-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "0000-01-01",
      "0000-02-29",
      "9999-12-31",
      "2026-1-01",
      "2026-11-2x",
      "+2026-11-20",
      "2026/11/20",
      "20261120",
      "",
      "2026-11-20T08:00",
      "2026-11-20xyz",
      " 2026-11-20",
      "2100-02-29",
      "2000-02-29"
    };
    for (String t : fixed) {
      texts.add(t);
    }
    Random random = new Random(5);
    for (int i = 0; i < 5000; i++) {
      texts.add(
          String.format(
              "%04d-%02d-%02d", random.nextInt(10000), random.nextInt(14), random.nextInt(33)));
    }
    for (String t : texts) {
      assertThat(dateNow(t)).as(t).isEqualTo(dateBefore(t));
    }
    assertThat(Json.usualDate("2026-11-20")).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void instants_usualAndNot_readAsBefore() {
    List<String> texts = new ArrayList<>();
    String[] fixed = {
      "2026-11-20T02:00:01Z",
      "2026-11-20T02:00:01.1Z",
      "2026-11-20T02:00:01.123456789Z",
      "2026-11-20T02:00:01.1234567891Z",
      "2026-11-20T02:00:01.Z",
      "2026-11-20T02:00Z",
      "2026-11-20T23:59:60Z",
      "2026-11-20T24:00:00Z",
      "2026-11-20t02:00:01z",
      "2026-11-20T02:00:01+08:00",
      "2026-11-20T02:00:01.5+08:00",
      "2026-02-30T02:00:01Z",
      "2026-11-20T2:00:01Z",
      "2026-11-20T02:60:01Z",
      "2026-11-20 02:00:01Z",
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999999Z",
      "2026-11-20T02:00:01.12a4Z",
      "2026-11-20T02:00:01,5Z",
      ""
    };
    for (String t : fixed) {
      texts.add(t);
    }
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d",
                  random.nextInt(10000),
                  1 + random.nextInt(12),
                  1 + random.nextInt(31),
                  random.nextInt(25),
                  random.nextInt(61),
                  random.nextInt(61)));
      int digits = random.nextInt(11);
      if (digits > 0) {
        b.append('.');
        for (int d = 1; d < digits; d++) {
          b.append((char) ('0' + random.nextInt(10)));
        }
      }
      b.append('Z');
      texts.add(b.toString());
    }
    for (String t : texts) {
      assertThat(instantNow(t)).as(t).isEqualTo(instantBefore(t));
    }
    assertThat(Json.usualInstant("2026-11-20T02:00:01.5Z"))
        .isEqualTo(Instant.parse("2026-11-20T02:00:01.5Z"));
  }
}
