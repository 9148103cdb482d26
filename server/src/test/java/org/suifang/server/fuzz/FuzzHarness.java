package org.suifang.server.fuzz;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every fuzz test shares: raw HTTP to the embedded server (the JDK client, which sends the
 * bytes it is given and neither compresses nor re-encodes), a snapshot of the database to compare
 * before and after a case, the checks every answer must pass, the case counts and the findings. One
 * instance per application context.
 */
@Singleton
final class FuzzHarness {

  /** An answer: the status, the headers we look at, the body bytes (empty when none). */
  record Answer(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Text that must never appear in an answer: stack traces, exception classes, SQL, drivers. */
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\tat |\\bat (java|org|io|jdk)\\.|Caused by|org\\.h2|org\\.postgresql|"
              + "PSQLException|JdbcSQL|SQLState|SELECT .* FROM|INSERT INTO|UPDATE [a-z_]+ SET|"
              + "NullPointer|ClassCast|ArithmeticException|stacktrace",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  private final EmbeddedServer server;
  private final TransactionOperations<Connection> transactions;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Set<String> documentedCodes;
  private List<String> tables;

  /**
   * The share of the generated cases that run: {@code -Dsuifang.fuzz.share=1} runs every case; by
   * default half of them on H2 and a quarter on PostgreSQL, to keep the suite fast. The forged and
   * cross-village cases always run.
   */
  static final double SHARE =
      Double.parseDouble(
          System.getProperty(
              "suifang.fuzz.share",
              org.suifang.server.testing.TestDatabaseConfigurer.onPostgres() ? "0.25" : "0.5"));

  private final java.util.Random sampler =
      new java.util.Random(Long.getLong("suifang.fuzz.seed", 20261122L) ^ 0x5EEDL);

  /** Cases run, by "target / category". */
  final Map<String, Integer> tally = new TreeMap<>();

  /** Milliseconds spent, by target. */
  final Map<String, Long> millis = new TreeMap<>();

  /** What went wrong, one line per case, with the seed to replay it. */
  final List<String> findings = new ArrayList<>();

  FuzzHarness(
      EmbeddedServer server, TransactionOperations<Connection> transactions, JsonMapper json)
      throws IOException {
    this.server = server;
    this.transactions = transactions;
    this.json = json;
    this.documentedCodes = documentedCodes();
  }

  private static Set<String> documentedCodes() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "errors.md"));
    Set<String> codes = new HashSet<>();
    Matcher m = Pattern.compile("<a id=\"([a-z0-9_]+)\"></a>").matcher(doc);
    while (m.find()) {
      codes.add(m.group(1).toUpperCase(Locale.ROOT));
    }
    return codes;
  }

  // ---------------------------------------------------------------- HTTP

  /** Sends a request with the given bytes and headers; an I/O failure is answered as status -1. */
  Answer send(String method, String path, String token, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !contentType) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      return new Answer(-1, "", e.toString().getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer sendJson(String method, String path, String token, Object tree) {
    return send(method, path, token, JsonText.write(tree).getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a JSON answer into maps and lists; null when it is not JSON. */
  Object parse(Answer a) {
    try {
      return a.body().length == 0 ? null : json.readValue(a.body(), Object.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(Answer a) {
    Object parsed = parse(a);
    return parsed instanceof Map<?, ?> ? (Map<String, Object>) parsed : null;
  }

  /** True when {@code /health} answers 200 with status UP. */
  boolean healthy() {
    Answer a = send("GET", "/health", null, null);
    Map<String, Object> body = object(a);
    return a.status() == 200 && body != null && "UP".equals(body.get("status"));
  }

  // ---------------------------------------------------------------- checks

  /**
   * Checks what every answer must satisfy and returns a problem, or null: never a 5xx or a broken
   * connection, nothing that leaks internals, and every 4xx in the standard error shape with a
   * documented code and both messages.
   */
  String problem(Answer a) {
    if (a.status() < 0) {
      return "connection failed: " + a.text();
    }
    if (a.status() >= 500) {
      return "5xx: " + a.status() + " " + excerpt(a.text());
    }
    String text = a.text();
    Matcher leak = LEAK.matcher(text);
    if (leak.find()) {
      int from = Math.max(0, leak.start() - 200);
      return "answer leaks internals ("
          + leak.group()
          + "): …"
          + text.substring(from, Math.min(text.length(), leak.end() + 100));
    }
    if (a.status() >= 400) {
      return errorShapeProblem(a, object(a));
    }
    return null;
  }

  /** Returns what is wrong with an error body, or null when it has the standard shape. */
  String errorShapeProblem(Answer a, Map<String, Object> body) {
    if (body == null || !a.contentType().startsWith("application/json")) {
      return "error " + a.status() + " not a JSON object: " + excerpt(a.text());
    }
    if (!(body.get("status") instanceof Number n) || n.intValue() != a.status()) {
      return "error body status " + body.get("status") + " != " + a.status();
    }
    String shape =
        resultShapeProblem(body.get("code"), body.get("messageZh"), body.get("messageEn"));
    if (shape != null) {
      return shape;
    }
    if (!(body.get("fieldErrors") instanceof List<?> fields)) {
      return "error without a fieldErrors list: " + excerpt(a.text());
    }
    for (Object f : fields) {
      if (!(f instanceof Map<?, ?> fe) || fe.get("code") == null || fe.get("messageZh") == null) {
        return "malformed field error " + f;
      }
    }
    return null;
  }

  /** The code is documented and both messages are there (Chinese text in the Chinese one). */
  String resultShapeProblem(Object code, Object messageZh, Object messageEn) {
    if (!(code instanceof String c) || !documentedCodes.contains(c)) {
      return "undocumented error code " + code;
    }
    if (!(messageZh instanceof String zh) || !CJK.matcher(zh).find()) {
      return "no Chinese message for " + code + ": " + messageZh;
    }
    if (!(messageEn instanceof String en) || en.isBlank()) {
      return "no English message for " + code;
    }
    return null;
  }

  static String excerpt(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 600 ? one.substring(0, 600) + "…" : one;
  }

  // ---------------------------------------------------------------- database

  /**
   * The row count of every table, and the counters that an update in place moves: the change
   * sequence and HLC of {@code sync_clock}, and the summed versions of patients and follow-ups.
   */
  Map<String, Long> snapshot() {
    if (tables == null) {
      tables = tables();
    }
    StringBuilder sql = new StringBuilder();
    for (String t : tables) {
      sql.append("SELECT '").append(t).append("', COUNT(*) FROM ").append(t).append(" UNION ALL ");
    }
    sql.append("SELECT 'sync_clock.seq', MAX(seq) FROM sync_clock UNION ALL ")
        .append("SELECT 'sync_clock.hlc', MAX(hlc) FROM sync_clock UNION ALL ")
        .append("SELECT 'patient.version', COALESCE(SUM(version), 0) FROM patient UNION ALL ")
        .append("SELECT 'follow_up.version', COALESCE(SUM(version), 0) FROM follow_up UNION ALL ")
        .append("SELECT 'device.last_seq', COALESCE(SUM(last_seq), 0) FROM device");
    return transactions.executeRead(
        status -> {
          Map<String, Long> counts = new TreeMap<>();
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql.toString());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  private List<String> tables() {
    return transactions.executeRead(
        status -> {
          List<String> names = new ArrayList<>();
          try (PreparedStatement ps =
                  status
                      .getConnection()
                      .prepareStatement(
                          "SELECT table_name FROM information_schema.tables"
                              + " WHERE table_schema = current_schema()"
                              + " AND table_type IN ('BASE TABLE', 'TABLE')"
                              + " ORDER BY table_name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String name = rs.getString(1).toLowerCase(Locale.ROOT);
              if (!name.startsWith("flyway")) {
                names.add(name);
              }
            }
          }
          if (names.size() < 15) {
            throw new IllegalStateException("expected the schema's tables, found " + names);
          }
          return names;
        });
  }

  /** The entries that differ between two snapshots, as "name: before -> after". */
  static Map<String, String> diff(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> d = new LinkedHashMap<>();
    for (String k : after.keySet()) {
      if (!after.get(k).equals(before.get(k))) {
        d.put(k, before.get(k) + " -> " + after.get(k));
      }
    }
    return d;
  }

  /** Runs one statement in a transaction of its own and returns its single long. */
  long queryLong(String sql, Object... args) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
          }
        });
  }

  /** Runs one query in a transaction of its own and returns its single value as text. */
  String queryString(String sql, Object... args) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
          }
        });
  }

  // ---------------------------------------------------------------- bookkeeping

  /** Whether the next generated case runs (a seeded draw, see {@link #SHARE}). */
  boolean sampled() {
    return sampler.nextDouble() < SHARE;
  }

  void count(String target, String category) {
    tally.merge(target + " / " + category, 1, Integer::sum);
  }

  void time(String target, long startedMillis) {
    millis.merge(target, System.currentTimeMillis() - startedMillis, Long::sum);
  }

  void finding(long seed, String target, String category, String what, String detail) {
    findings.add(
        "seed "
            + seed
            + " | "
            + target
            + " | "
            + category
            + " | "
            + what
            + " | "
            + excerpt(detail));
  }

  int total() {
    return tally.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Prints the counts by target and category, and the total. */
  void print(String title, long seed, long elapsed) {
    StringBuilder s = new StringBuilder();
    s.append("\n== ")
        .append(title)
        .append(" (seed ")
        .append(seed)
        .append(", share ")
        .append(SHARE)
        .append(") ==\n");
    Map<String, Integer> byTarget = new TreeMap<>();
    tally.forEach(
        (k, v) -> {
          s.append(String.format("  %-70s %6d%n", k, v));
          byTarget.merge(k.substring(0, k.indexOf(" / ")), v, Integer::sum);
        });
    byTarget.forEach(
        (k, v) ->
            s.append(
                String.format("  TOTAL %-64s %6d  %6d ms%n", k, v, millis.getOrDefault(k, 0L))));
    s.append(
        String.format(
            "  TOTAL cases %d in %d ms, findings %d%n", total(), elapsed, findings.size()));
    findings.forEach(f -> s.append("  FINDING ").append(f).append('\n'));
    System.out.println(s);
  }
}
