package org.suifang.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
        .registerTypeAdapter(BigDecimal.class, new BigDecimalAdapter().nullSafe());
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
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
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
      String text = in.nextString();
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
