package org.suifang.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.state.AssessmentData;
import org.suifang.client.internal.state.VisitData;

/**
 * The two Gson instances of the SDK. Dates and instants are ISO strings, {@code BigDecimal}s are
 * JSON numbers, unknown fields are ignored (Gson's default).
 *
 * <p>Gson reads a JSON {@code null} into a {@code JsonObject} field as an error (its JsonElement
 * adapters cannot be replaced), so optional JSON values are typed {@code JsonElement}.
 *
 * <p>{@link #GSON} writes nulls: request envelopes and the local journal must keep explicit nulls
 * (a {@code PATIENT_UPDATE} that clears a phone number). {@link #COMPACT} leaves nulls out; it
 * turns forms into payload trees, so that a form's many empty fields cost no bytes on the wire.
 */
public final class Json {

  /** Writes nulls; for envelopes, the journal and snapshots. */
  public static final Gson GSON = builder().serializeNulls().create();

  /** Leaves nulls out; for payload trees. */
  public static final Gson COMPACT = builder().create();

  private Json() {}

  private static GsonBuilder builder() {
    return new GsonBuilder()
        .disableHtmlEscaping()
        .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
        .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
        .registerTypeAdapter(BigDecimal.class, new BigDecimalAdapter().nullSafe())
        .registerTypeAdapterFactory(
            new WithoutNullMembers(VisitForm.class, VisitData.class, AssessmentData.class));
  }

  /**
   * Writes the members of these types without their null fields, even where the writer writes
   * nulls: for classes every field of which reads as null when absent (no field initializers), so
   * that leaving a null out changes nothing on reading. A visit form has 56 fields, many of them
   * empty: written with nulls they were a third of the snapshot and of the time to open a store
   * (docs/performance.md). The record and its assessment around the form are the same kind (fields
   * without initializers, primitives always written).
   */
  private static final class WithoutNullMembers implements TypeAdapterFactory {
    private final List<Class<?>> types;

    WithoutNullMembers(Class<?>... types) {
      this.types = Arrays.asList(types);
    }

    @Override
    @Nullable
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
      if (!types.contains(token.getRawType())) {
        return null;
      }
      final TypeAdapter<T> delegate = gson.getDelegateAdapter(this, token);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, @Nullable T value) throws IOException {
          if (value == null) {
            out.nullValue();
            return;
          }
          boolean nulls = out.getSerializeNulls();
          out.setSerializeNulls(false);
          try {
            delegate.write(out, value);
          } finally {
            out.setSerializeNulls(nulls);
          }
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return delegate.read(in);
        }
      };
    }
  }

  /**
   * Reads an instant as the SDK's adapter does (an ISO-8601 instant or offset date-time, or epoch
   * milliseconds), from a tree; null for a missing or JSON null value.
   *
   * @throws JsonParseException if it is not an instant
   */
  @Nullable
  public static Instant instant(@Nullable JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new JsonParseException("not an ISO instant: " + e);
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isNumber() ? Instant.ofEpochMilli(p.getAsLong()) : parseInstant(p.getAsString());
  }

  /**
   * Reads a UUID from a tree as Gson does; null for a missing or JSON null value.
   *
   * @throws JsonParseException if it is not a UUID
   */
  @Nullable
  public static UUID uuid(@Nullable JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new JsonParseException("not a UUID: " + e);
    }
    String text = e.getAsString();
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException ex) {
      throw new JsonParseException("not a UUID: " + text, ex);
    }
  }

  private static Instant parseInstant(String text) {
    Instant usual = usualInstant(text);
    if (usual != null) {
      return usual;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new JsonParseException("not an ISO instant: " + text, e2);
      }
    }
  }

  /**
   * Returns {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, the form servers write, read directly; null for
   * anything else (an offset, lower case, a leap second, an invalid field), which {@code
   * Instant.parse} reads or refuses as before. The JDK's formatter was a tenth of reading a pulled
   * page (docs/performance.md).
   */
  @Nullable
  static Instant usualInstant(String text) {
    int n = text.length();
    if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(10) != 'T') {
      return null;
    }
    if (text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    LocalDate date = usualDate(text.substring(0, 10));
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    if (second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int digits = n - 21;
      if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
        return null;
      }
      int fraction = digits(text, 20, n - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    long seconds = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * Returns {@code yyyy-MM-dd} read directly; null for anything else or an invalid date, which
   * {@code LocalDate.parse} reads or refuses as before.
   */
  @Nullable
  static LocalDate usualDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
      return null;
    }
    if (day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  /** The decimal digits of {@code text} from {@code start} to {@code end}; -1 unless all digits. */
  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Returns {@code value} as a JSON object tree without null members. */
  public static JsonObject compactTree(Object value) {
    JsonElement tree = COMPACT.toJsonTree(value);
    if (!tree.isJsonObject()) {
      throw new IllegalArgumentException("not an object: " + value.getClass());
    }
    return tree.getAsJsonObject();
  }

  private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
    @Override
    public void write(JsonWriter out, LocalDate value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public LocalDate read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        String date = text.length() > 10 ? text.substring(0, 10) : text;
        LocalDate usual = usualDate(date);
        return usual != null ? usual : LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("not an ISO date: " + text, e);
      }
    }
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NUMBER) {
        // Epoch milliseconds, should a server ever write instants as numbers.
        return Instant.ofEpochMilli(in.nextLong());
      }
      return parseInstant(in.nextString());
    }
  }

  private static final class BigDecimalAdapter extends TypeAdapter<BigDecimal> {
    @Override
    public void write(JsonWriter out, BigDecimal value) throws IOException {
      // A negative scale would print as 1E+2; JSON readers take it, but people read these too.
      out.value(value.scale() < 0 ? value.setScale(0) : value);
    }

    @Override
    public BigDecimal read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonParseException("not a number: " + text, e);
      }
    }
  }
}
