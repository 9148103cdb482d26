package org.suifang.server.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.suifang.server.fuzz.JsonText.Raw;

/**
 * Field-by-field mutations of a valid JSON request tree: for every field (every path into the tree,
 * nested objects and list elements included) a few mutated copies of the tree, each changing that
 * one field. The values come from a seeded {@link Random}, so a seed reproduces the cases.
 */
final class Mutators {

  /** One mutated copy: what was changed, and the tree to send. */
  record Case(String category, String path, String label, Object tree) {}

  /** SQL and HTML metacharacters, control characters, emoji, bidi marks and friends. */
  static final List<Object> HOSTILE_STRINGS =
      List.of(
          "'; DROP TABLE patient;--",
          "\" OR 1=1 --",
          "' OR '1'='1",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "%",
          "_",
          "%_%",
          "\\",
          "\\\\'",
          "\u0000",
          "a\u0000b",
          "😀👨‍👩‍👧",
          "\u202Eevil\u202C",
          "\u200F\u200E",
          "${jndi:ldap://x/a}",
          "{{7*7}}",
          "../../../../etc/passwd",
          "%00",
          "\r\nX-Injected: 1",
          "ＮＵＬＬ",
          "null",
          "",
          " ",
          "\uFEFF",
          "\u0007\u001b[31m",
          new Raw("\"\\ud800\""),
          new Raw("\"\\udfff\\ud800\""));

  static final List<Object> HOSTILE_NUMBERS =
      List.of(
          -1,
          0,
          10000,
          1e308,
          -1e308,
          new Raw("NaN"),
          new Raw("Infinity"),
          new Raw("1e999"),
          new Raw("123456789012345678901234567890"),
          2147483648L,
          Long.MAX_VALUE,
          Long.MIN_VALUE,
          0.000001,
          3.14159265358979,
          -0.0,
          new Raw("1E-400"));

  static final List<Object> HOSTILE_DATES =
      List.of(
          "0000-01-01",
          "9999-12-31",
          "+999999999-12-31",
          "-999999999-01-01",
          "2026-02-30",
          "2026-13-01",
          "",
          "2026-1-1",
          "today",
          LocalDate.now().plusYears(1).toString(),
          LocalDate.now().plusDays(1).toString(),
          "1800-01-01",
          "2026-11-22T00:00:00Z",
          20261122);

  static final List<Object> HOSTILE_INSTANTS =
      List.of(
          "+1000000000-12-31T23:59:59Z",
          "-1000000000-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "9999-12-31T23:59:59Z",
          "0000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "2026-11-22T08:00:00",
          "2026-11-22T08:00:00+08:00",
          "",
          "now",
          0,
          Long.MAX_VALUE);

  static final List<Object> HOSTILE_IDS =
      List.of(
          "not-a-uuid",
          "",
          "00000000-0000-0000-0000-000000000000",
          "ffffffff-ffff-ffff-ffff-ffffffffffff",
          "../../etc/passwd",
          "0193-0000",
          "123e4567-e89b-12d3-a456-4266141740000",
          "'; DROP TABLE patient;--",
          12345);

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

  private final Random random;

  Mutators(Random random) {
    this.random = random;
  }

  /** Every path of the tree, containers included, depth first; the root is the empty path. */
  static List<List<Object>> paths(Object tree) {
    List<List<Object>> out = new ArrayList<>();
    collect(tree, new ArrayList<>(), out);
    return out;
  }

  private static void collect(Object node, List<Object> path, List<List<Object>> out) {
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        path.add(key);
        collect(map.get(key), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        path.add(i);
        collect(list.get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  static Object get(Object tree, List<Object> path) {
    Object node = tree;
    for (Object key : path) {
      node = key instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Object with(Object tree, List<Object> path, UnaryOperator<Object> change) {
    Object copy = JsonText.copy(tree);
    Object parent = get(copy, path.subList(0, path.size() - 1));
    Object key = path.get(path.size() - 1);
    if (key instanceof Integer i) {
      ((List<Object>) parent).set(i, change.apply(((List<Object>) parent).get(i)));
    } else {
      Map<String, Object> map = (Map<String, Object>) parent;
      map.put((String) key, change.apply(map.get(key)));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object without(Object tree, List<Object> path) {
    Object copy = JsonText.copy(tree);
    Object parent = get(copy, path.subList(0, path.size() - 1));
    Object key = path.get(path.size() - 1);
    if (key instanceof Integer i) {
      ((List<Object>) parent).remove((int) i);
    } else {
      ((Map<String, Object>) parent).remove(key);
    }
    return copy;
  }

  /** Returns the tree with one field set to a value. */
  static Object set(Object tree, List<Object> path, Object value) {
    return with(tree, path, old -> value);
  }

  static String pathText(List<Object> path) {
    StringBuilder s = new StringBuilder();
    for (Object key : path) {
      if (s.length() > 0) {
        s.append('.');
      }
      s.append(key);
    }
    return s.toString();
  }

  /** The mutated copies of the tree for one field. */
  List<Case> forField(Object tree, List<Object> path) {
    String p = pathText(path);
    Object value = get(tree, path);
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("missing", p, "removed", without(tree, path)));
    cases.add(new Case("null", p, "null", set(tree, path, null)));
    Object wrong = wrongType(value);
    cases.add(new Case("wrong-type", p, label(wrong), set(tree, path, wrong)));
    if (value instanceof Map<?, ?>) {
      cases.add(
          new Case(
              "unknown-field",
              p,
              "+zzUnknown",
              with(
                  tree,
                  path,
                  old -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) old;
                    m.put("zzUnknown", pick(HOSTILE_STRINGS));
                    return m;
                  })));
    } else if (value instanceof List<?> list) {
      cases.add(new Case("huge-array", p, "x5000", set(tree, path, repeat(list, 5000))));
      cases.add(new Case("wrong-type", p, "[null]", set(tree, path, listOfNull())));
      cases.add(new Case("wrong-type", p, "[[]]", set(tree, path, List.of(List.of()))));
    } else if (value instanceof String s && UUID_TEXT.matcher(s).matches()) {
      for (Object id : pickN(HOSTILE_IDS, 2)) {
        cases.add(new Case("bad-id", p, label(id), set(tree, path, id)));
      }
      cases.add(
          new Case("forged-id", p, "random uuid", set(tree, path, UUID.randomUUID().toString())));
    } else if (value instanceof String s && INSTANT_TEXT.matcher(s).matches()) {
      for (Object d : HOSTILE_INSTANTS) {
        cases.add(new Case("absurd-date", p, label(d), set(tree, path, d)));
      }
    } else if (value instanceof String s && DATE_TEXT.matcher(s).matches()) {
      for (Object d : HOSTILE_DATES) {
        cases.add(new Case("absurd-date", p, label(d), set(tree, path, d)));
      }
    } else if (value instanceof Number) {
      for (Object n : pickN(HOSTILE_NUMBERS, 3)) {
        cases.add(new Case("out-of-range", p, label(n), set(tree, path, n)));
      }
    }
    if (value instanceof String) {
      for (Object s : pickN(HOSTILE_STRINGS, 3)) {
        cases.add(new Case("metachar", p, label(s), set(tree, path, s)));
      }
      cases.add(new Case("huge-string", p, "100k chars", set(tree, path, "長".repeat(100_000))));
    }
    return cases;
  }

  /** The mutated copies of the tree for every field. */
  List<Case> forEveryField(Object tree) {
    List<Case> cases = new ArrayList<>();
    for (List<Object> path : paths(tree)) {
      cases.addAll(forField(tree, path));
    }
    return cases;
  }

  private Object wrongType(Object value) {
    List<Object> candidates =
        value instanceof String
            ? List.of(12345, true, List.of(), Map.of(), -1.5)
            : value instanceof Number
                ? List.of("12", "abc", true, List.of(), Map.of())
                : value instanceof Boolean
                    ? List.of("yes", 1, "true ", List.of())
                    : value instanceof Map<?, ?>
                        ? List.of("object", 1, List.of(), true)
                        : value instanceof List<?>
                            ? List.of("list", 1, Map.of(), true)
                            : List.of("x", 1, List.of(), Map.of());
    return pick(candidates);
  }

  private static List<Object> repeat(List<?> list, int n) {
    Object element = list.isEmpty() ? "x" : list.get(0);
    return new ArrayList<>(Collections.nCopies(n, element));
  }

  private static List<Object> listOfNull() {
    List<Object> l = new ArrayList<>();
    l.add(null);
    return l;
  }

  Object pick(List<Object> values) {
    return values.get(random.nextInt(values.size()));
  }

  List<Object> pickN(List<Object> values, int n) {
    List<Object> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  static String label(Object value) {
    String s =
        value == null ? "null" : value instanceof String str ? '"' + str + '"' : value.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
