package org.suifang.server.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The wire benchmark's physical baseline (issue 6): the same records in a compact column-oriented
 * encoding, gzipped. Every record is flattened to paths ({@code assessment.classification}, {@code
 * medications.0.name}); the page is one JSON object with one array per path, a value per record
 * ({@code null} where a record has none). Field names appear once per page, and each column holds
 * values of one kind next to each other, which is what gzip compresses best.
 */
final class Columnar {
  private Columnar() {}

  /** The column-oriented encoding of {@code records}, as JSON text. */
  static String encode(List<JsonObject> records) {
    Map<String, JsonArray> columns = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, JsonElement> flat = new LinkedHashMap<>();
      flatten("", records.get(i), flat);
      for (Map.Entry<String, JsonElement> e : flat.entrySet()) {
        JsonArray column = columns.get(e.getKey());
        if (column == null) {
          column = new JsonArray();
          for (int j = 0; j < i; j++) {
            column.add(JsonNull.INSTANCE);
          }
          columns.put(e.getKey(), column);
        }
        column.add(e.getValue());
      }
      for (JsonArray column : columns.values()) {
        while (column.size() <= i) {
          column.add(JsonNull.INSTANCE);
        }
      }
    }
    JsonObject page = new JsonObject();
    columns.forEach(page::add);
    return page.toString();
  }

  /** The gzipped size of {@code records} encoded by column, gzip level 6 (as the server). */
  static long gzippedBytes(List<JsonObject> records) {
    return gzip(encode(records).getBytes(StandardCharsets.UTF_8));
  }

  static long gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  private static void flatten(String prefix, JsonElement value, Map<String, JsonElement> out) {
    if (value.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (value.isJsonArray()) {
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        flatten(prefix + "." + i, array.get(i), out);
      }
    } else if (!value.isJsonNull()) {
      out.put(prefix, value);
    }
  }
}
