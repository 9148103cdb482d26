package org.suifang.server.testing;

import java.util.List;
import java.util.Map;

/** Reads parsed JSON (maps and lists) by dotted path, with list indexes: {@code items.0.id}. */
public final class Json {

  private Json() {}

  /** Returns the value at the path, or null if any step is missing. */
  public static Object at(Object json, String path) {
    Object current = json;
    for (String step : path.split("\\.")) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list) {
        int index = Integer.parseInt(step);
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }
}
