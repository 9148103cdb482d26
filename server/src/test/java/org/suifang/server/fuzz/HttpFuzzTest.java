package org.suifang.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.sync.Hlc;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * Fuzzes the REST endpoints and the bytes of every request body (docs/reliability.md
 * #hostile-and-bad-input): malformed JSON, invalid UTF-8, deep nesting, wrong content types and
 * encodings, broken gzip and a gzip bomb, bodies over the 2 MB limit; every field of each write's
 * body; hostile path and query parameters of every read; and other villages' records.
 *
 * <p>Every answer must be a 2xx (the request was valid after all) or a 4xx in the standard error
 * shape, never a 5xx; a refused request changes no row count (documented bookkeeping aside: the
 * audit log records supervisors' reads and exports). Replay with {@code -Dsuifang.fuzz.seed=N}.
 */
@MicronautTest(transactional = false)
// Failed logins of the fuzzer must not lock out the address every test logs in from.
@Property(name = "suifang.auth.max-failures-per-ip", value = "1000000")
class HttpFuzzTest {

  static final long SEED = Long.getLong("suifang.fuzz.seed", 20261122L);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int MAX_REQUEST_SIZE = 2 * 1024 * 1024;

  /** 64 MB of spaces and {@code {}}, gzipped to about 64 kB: made once, it takes a while. */
  private static final byte[] BOMB = bomb(64);

  /** The writes that also get bodies just under the size limit (the slow cases). */
  private static final Set<String> HEAVY =
      Set.of("POST /sync", "POST /patients", "POST /patients/{id}/follow-ups", "POST /auth/login");

  /** An endpoint with a valid body: the body is made afresh for every case. */
  record Write(String name, String method, String path, String token, Supplier<Object> body) {}

  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject FuzzHarness fuzz;

  private TestArea area;
  private String doc1;
  private String doc2;
  private String sup1;
  private String admin1;
  private String patient1;
  private String statusPatient;
  private String followUp1;
  private String amendOriginal;
  private UUID fuzzUser;
  private Random random;
  private Mutators mutators;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    doc1 = auth.login("doc1");
    doc2 = auth.login("doc2");
    sup1 = auth.login("sup1");
    admin1 = auth.login("admin1");
    random = new Random(SEED);
    mutators = new Mutators(random);
    patient1 = (String) api.post("doc1", "/api/v1/patients", patient()).at("id");
    statusPatient = (String) api.post("doc1", "/api/v1/patients", patient()).at("id");
    followUp1 = visit(patient1);
    amendOriginal = visit(patient1);
    // One context serves the class's tests; the fuzzer's own login user is made once.
    if (fuzz.queryLong("SELECT COUNT(*) FROM app_user WHERE username = 'fuzzer'") == 0) {
      auth.createUser(UserCommand.doctor("fuzzer", "模糊测试", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    }
    fuzzUser =
        UUID.fromString(fuzz.queryString("SELECT id FROM app_user WHERE username = 'fuzzer'"));
  }

  private List<Write> writes() {
    return List.of(
        new Write("POST /sync", "POST", "/api/v1/sync", doc1, this::syncBody),
        new Write("POST /devices", "POST", "/api/v1/devices", doc1, HttpFuzzTest::deviceBody),
        new Write("POST /auth/login", "POST", "/api/v1/auth/login", null, HttpFuzzTest::loginBody),
        new Write(
            "POST /auth/refresh",
            "POST",
            "/api/v1/auth/refresh",
            null,
            () -> Map.of("refreshToken", "r" + UUID.randomUUID())),
        new Write(
            "POST /auth/logout",
            "POST",
            "/api/v1/auth/logout",
            null,
            () -> Map.of("refreshToken", "r" + UUID.randomUUID())),
        new Write("POST /patients", "POST", "/api/v1/patients", doc1, HttpFuzzTest::patient),
        new Write(
            "PUT /patients/{id}", "PUT", "/api/v1/patients/" + patient1, doc1, this::patientUpdate),
        new Write(
            "POST /patients/{id}/status",
            "POST",
            "/api/v1/patients/" + statusPatient + "/status",
            doc1,
            this::statusBody),
        new Write(
            "POST /patients/{id}/follow-ups",
            "POST",
            "/api/v1/patients/" + patient1 + "/follow-ups",
            doc1,
            HttpFuzzTest::visitForm),
        new Write(
            "POST /follow-ups/{id}/amend",
            "POST",
            "/api/v1/follow-ups/" + amendOriginal + "/amend",
            doc1,
            () -> FollowUpSamples.amendment(visitForm(), "血压录错")),
        new Write(
            "POST /follow-ups/{id}/void",
            "POST",
            "/api/v1/follow-ups/" + followUp1 + "/void",
            doc1,
            () -> Map.of("reason", "录错病人")),
        new Write("POST /users", "POST", "/api/v1/users", admin1, HttpFuzzTest::userBody),
        new Write(
            "PUT /users/{id}/password",
            "PUT",
            "/api/v1/users/" + fuzzUser + "/password",
            admin1,
            () -> Map.of("password", "N3wPassw0rd!")),
        new Write(
            "PUT /admin/population-estimates",
            "PUT",
            "/api/v1/admin/population-estimates/" + TestArea.TOWNSHIP_1 + "/2026",
            admin1,
            () -> Map.of("hypertension", 1200, "diabetes", 400)),
        new Write(
            "POST /review/conflicts/{id}/resolve",
            "POST",
            "/api/v1/review/conflicts/" + UUID.randomUUID() + "/resolve",
            sup1,
            () -> Map.of("choice", "WINNER", "note", "核实")),
        new Write(
            "POST /review/merge-candidates/{id}/merge",
            "POST",
            "/api/v1/review/merge-candidates/" + UUID.randomUUID() + "/merge",
            sup1,
            () -> Map.of("survivorId", patient1, "note", "同一人")),
        new Write(
            "POST /review/merge-candidates/{id}/dismiss",
            "POST",
            "/api/v1/review/merge-candidates/" + UUID.randomUUID() + "/dismiss",
            sup1,
            () -> Map.of("note", "不同人")));
  }

  // ------------------------------------------------------------------ bodies

  @Test
  void bodies_malformedBytesEncodingsAndSizes_refusedCleanly() {
    long started = System.currentTimeMillis();
    try {
      for (Write w : writes()) {
        byte[] valid = utf8(JsonText.write(w.body().get()));
        String text = new String(valid, StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) {
          int cut = 1 + random.nextInt(valid.length - 1);
          body(w, "malformed-json", "truncated at " + cut, Arrays.copyOf(valid, cut));
        }
        for (int i = 0; i < 3; i++) {
          body(w, "malformed-json", "extra comma", utf8(insertAt(text, ",")));
          body(w, "malformed-json", "char deleted", utf8(deleteAt(text)));
          body(
              w,
              "malformed-json",
              "random char",
              utf8(insertAt(text, "" + (char) (33 + random.nextInt(90)))));
        }
        body(
            w,
            "malformed-json",
            "wrong brackets",
            utf8("[" + text.substring(1, text.length() - 1) + "]"));
        body(w, "malformed-json", "unclosed", utf8(text.substring(0, text.length() - 1)));
        body(w, "malformed-json", "trailing garbage", utf8(text + "}]x"));
        body(w, "malformed-json", "two documents", utf8(text + text));
        body(w, "malformed-json", "single quotes", utf8(text.replace('"', '\'')));
        body(w, "malformed-json", "comment", utf8("/* x */" + text));
        body(w, "malformed-json", "NaN value", utf8(text.replaceFirst(":\"[^\"]*\"", ":NaN")));
        body(w, "malformed-json", "duplicate key", utf8(duplicateFirstKey(text)));
        for (String literal :
            List.of("", "null", "[]", "{}", "123", "\"x\"", "true", "{\"\":null}")) {
          body(w, "wrong-type", "body " + Mutators.label(literal), utf8(literal));
        }
        body(
            w, "invalid-utf8", "0xFF in a string", insertInString(valid, new byte[] {(byte) 0xFF}));
        body(w, "invalid-utf8", "C3 28", insertInString(valid, new byte[] {(byte) 0xC3, 0x28}));
        body(
            w,
            "invalid-utf8",
            "overlong slash",
            insertInString(valid, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        body(
            w,
            "invalid-utf8",
            "surrogate bytes",
            insertInString(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        body(w, "invalid-utf8", "UTF-16 body", text.getBytes(StandardCharsets.UTF_16));
        body(
            w,
            "invalid-utf8",
            "BOM",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid));
        body(w, "deep-nesting", "10k arrays", utf8("[".repeat(10_000) + "]".repeat(10_000)));
        body(
            w,
            "deep-nesting",
            "10k objects",
            utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        body(
            w,
            "deep-nesting",
            "10k arrays in the first field",
            utf8(
                text.replaceFirst(
                    ":", ":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"zz\":")));
        for (String type :
            List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1",
                "application/octet-stream",
                "*/*",
                "garbage")) {
          body(w, "content-type", type, valid, "Content-Type", type);
        }
        body(w, "gzip", "garbage", utf8("not gzip at all"), "Content-Encoding", "gzip");
        byte[] zipped = gzip(valid);
        body(
            w,
            "gzip",
            "truncated",
            Arrays.copyOf(zipped, zipped.length / 2),
            "Content-Encoding",
            "gzip");
        byte[] flipped = zipped.clone();
        flipped[flipped.length / 2] ^= 0x55;
        body(w, "gzip", "corrupt byte", flipped, "Content-Encoding", "gzip");
        body(w, "gzip", "plain body labelled gzip", valid, "Content-Encoding", "gzip");
        body(w, "gzip", "unknown encoding", valid, "Content-Encoding", "br");
        body(w, "gzip", "deflate garbage", utf8("xx"), "Content-Encoding", "deflate");
        body(w, "huge-body", "gzip bomb 64 MB", BOMB, "Content-Encoding", "gzip");
        body(w, "huge-body", "2 MB + 1 of spaces", concat(spaces(MAX_REQUEST_SIZE + 1), valid));
        if (HEAVY.contains(w.name())) {
          heavy(w, text);
        }
        assertThat(fuzz.healthy()).as("/health after " + w.name()).isTrue();
      }
      assertThat(api.post("doc1", "/api/v1/patients", patient()).status()).isEqualTo(201);
    } finally {
      fuzz.print("HTTP fuzz, cumulative", SEED, System.currentTimeMillis() - started);
    }
    assertThat(fuzz.findings).isEmpty();
  }

  /** Bodies just under the size limit: slow, so only for the writes in {@link #HEAVY}. */
  private void heavy(Write w, String text) {
    {
      body(
          w,
          "huge-body",
          "1.9 MB string field",
          utf8(text.replaceFirst(":\"", ":\"" + "x".repeat(1_900_000))));
      body(
          w,
          "huge-body",
          "100k-element array",
          utf8(text.replaceFirst(":", ":[" + "1,".repeat(100_000) + "1],\"zz\":")));
    }
  }

  private void body(Write w, String category, String what, byte[] bytes, String... headers) {
    if (!fuzz.sampled()) {
      return;
    }
    fuzz.count(w.name(), category);
    long started = System.currentTimeMillis();
    Map<String, Long> before = fuzz.snapshot();
    FuzzHarness.Answer a = fuzz.send(w.method(), path(w), w.token(), bytes, headers);
    Map<String, Long> after = fuzz.snapshot();
    judge(w.name(), category, what, a, before, after);
    fuzz.time(w.name(), started);
  }

  /** The checks of every case: no 5xx, the error shape, nothing stored by a refused request. */
  private void judge(
      String target,
      String category,
      String what,
      FuzzHarness.Answer a,
      Map<String, Long> before,
      Map<String, Long> after) {
    String problem = fuzz.problem(a);
    if (problem != null) {
      fuzz.finding(SEED, target, category, what, problem);
      return;
    }
    if (a.status() >= 400) {
      Map<String, String> diff = FuzzHarness.diff(before, after);
      // Documented bookkeeping: the audit log records supervisors' reads and exports.
      diff.keySet().removeAll(Set.of("audit_log"));
      if (!diff.isEmpty()) {
        fuzz.finding(
            SEED, target, category, what, a.status() + " but the database changed: " + diff);
      }
    }
  }

  // ------------------------------------------------------------------ fields

  @Test
  void restWrites_everyFieldMutated_refusedCleanlyOrApplied() {
    long started = System.currentTimeMillis();
    try {
      for (Write w : writes()) {
        Object template = w.body().get();
        for (Mutators.Case c : mutators.forEveryField(template)) {
          if (!fuzz.sampled()) {
            continue;
          }
          // A fresh valid body with the same field mutated: ids and versions stay current.
          Object fresh = w.body().get();
          Object tree = refresh(c, fresh, template);
          Map<String, Long> before = fuzz.snapshot();
          long t = System.currentTimeMillis();
          fuzz.count(w.name() + " fields", c.category());
          FuzzHarness.Answer a = fuzz.sendJson(w.method(), path(w), w.token(), tree);
          judge(
              w.name() + " fields",
              c.category(),
              c.path() + " = " + c.label(),
              a,
              before,
              fuzz.snapshot());
          fuzz.time(w.name() + " fields", t);
          if (w.name().startsWith("POST /follow-ups/{id}/amend") && a.status() < 300) {
            // The original is superseded now: amend the correction next.
            amendOriginal = (String) fuzz.object(a).get("id");
          }
        }
        assertThat(fuzz.healthy()).as("/health after " + w.name()).isTrue();
      }
    } finally {
      fuzz.print("HTTP fuzz, cumulative", SEED, System.currentTimeMillis() - started);
    }
    assertThat(fuzz.findings).isEmpty();
  }

  /** The write's path; an amendment goes to the record that currently stands. */
  private String path(Write w) {
    return w.name().startsWith("POST /follow-ups/{id}/amend")
        ? "/api/v1/follow-ups/" + amendOriginal + "/amend"
        : w.path();
  }

  /** The case's tree, unless the template's fields that must stay fresh (ids, versions) changed. */
  private static Object refresh(Mutators.Case c, Object fresh, Object template) {
    if (!(fresh instanceof Map<?, ?> f) || !(template instanceof Map<?, ?> t)) {
      return c.tree();
    }
    Object tree = c.tree();
    for (String key : List.of("id", "version", "deviceId", "username", "residentId")) {
      if (!c.path().equals(key)
          && !c.path().startsWith(key + ".")
          && tree instanceof Map<?, ?> m
          && m.containsKey(key)
          && f.get(key) != null
          && !f.get(key).equals(t.get(key))) {
        tree = Mutators.set(tree, List.of(key), f.get(key));
      }
    }
    return tree;
  }

  // ------------------------------------------------------------------ reads

  @Test
  void reads_hostilePathAndQueryParameters_refusedCleanly() {
    long started = System.currentTimeMillis();
    List<String> hostile = new ArrayList<>();
    for (Object s : Mutators.HOSTILE_STRINGS) {
      if (s instanceof String str) {
        hostile.add(str);
      }
    }
    hostile.addAll(
        List.of(
            "-1",
            "0",
            "99999999999999999999",
            "2026-02-30",
            "9999-12-31",
            "0000-01-01",
            "1e308",
            "NaN",
            "x".repeat(3000),
            UUID.randomUUID().toString(),
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f",
            "%00",
            "%ZZ",
            "%"));
    Map<String, List<String>> routes = new LinkedHashMap<>();
    routes.put(
        "GET /patients", List.of(doc1, "/api/v1/patients", "name,idNumber,village,page,size"));
    routes.put("GET /patients/{id}", List.of(doc1, "/api/v1/patients/{}", ""));
    routes.put(
        "GET /patients/{id}/follow-ups", List.of(sup1, "/api/v1/patients/{}/follow-ups", ""));
    routes.put("GET /follow-ups/{id}", List.of(doc1, "/api/v1/follow-ups/{}", ""));
    routes.put("GET /users/{id}", List.of(admin1, "/api/v1/users/{}", ""));
    routes.put("GET /regions/{code}", List.of(sup1, "/api/v1/regions/{}", ""));
    routes.put("GET /regions", List.of(sup1, "/api/v1/regions", "level,parent"));
    routes.put("GET /facilities", List.of(sup1, "/api/v1/facilities", "region"));
    routes.put("GET /me", List.of(doc1, "/api/v1/me", ""));
    routes.put(
        "GET /review/conflicts", List.of(sup1, "/api/v1/review/conflicts", "status,page,size"));
    routes.put(
        "GET /review/merge-candidates",
        List.of(sup1, "/api/v1/review/merge-candidates", "status,page,size"));
    routes.put("GET /review/rejections", List.of(sup1, "/api/v1/review/rejections", "page,size"));
    routes.put(
        "GET /review/assessment-mismatches",
        List.of(sup1, "/api/v1/review/assessment-mismatches", "page,size"));
    routes.put("GET /review/overrides", List.of(sup1, "/api/v1/review/overrides", "page,size"));
    routes.put("GET /review/counts", List.of(sup1, "/api/v1/review/counts", ""));
    routes.put(
        "GET /audit-log",
        List.of(admin1, "/api/v1/audit-log", "user,action,targetType,targetId,from,to,page,size"));
    routes.put(
        "GET /reports/indicators",
        List.of(sup1, "/api/v1/reports/indicators", "period,area,groupBy"));
    routes.put(
        "GET /reports/indicators/trend",
        List.of(admin1, "/api/v1/reports/indicators/trend", "period,area"));
    routes.put(
        "GET /reports/indicators.csv",
        List.of(sup1, "/api/v1/reports/indicators.csv", "period,area,groupBy,lang"));
    routes.put(
        "GET /reports/sync-health", List.of(sup1, "/api/v1/reports/sync-health", "township"));
    routes.put(
        "GET /reports/sync-health.csv",
        List.of(admin1, "/api/v1/reports/sync-health.csv", "township"));
    for (String list :
        List.of("overdue", "referrals", "danger-signs", "at-risk", "overdue.csv", "at-risk.csv")) {
      routes.put(
          "GET /reports/worklists/" + list,
          List.of(
              sup1, "/api/v1/reports/worklists/" + list, "village,doctor,date,page,size,unmasked"));
    }
    for (String list : List.of("overdue", "rechecks", "referrals", "annual-checks")) {
      routes.put(
          "GET /villages/{code}/worklists/" + list,
          List.of(doc1, "/api/v1/villages/{}/worklists/" + list, "date,page,size"));
    }
    routes.put("GET /worklists/summary", List.of(doc1, "/api/v1/worklists/summary", "date"));
    routes.put(
        "GET /admin/population-estimates",
        List.of(sup1, "/api/v1/admin/population-estimates", "year"));
    try {
      routes.forEach(
          (name, r) -> {
            String token = r.get(0);
            String path = r.get(1);
            List<String> params = r.get(2).isEmpty() ? List.of() : List.of(r.get(2).split(","));
            for (String value : hostile) {
              String encoded =
                  value.startsWith("%") || value.contains("%2")
                      ? value
                      : URLEncoder.encode(value, StandardCharsets.UTF_8);
              if (path.contains("{}")) {
                read(name, "path-param", token, path.replace("{}", encoded), value);
              }
            }
            // Every parameter with a seeded sample of the hostile values (all of them for every
            // parameter would be 40 times the parameters of each route).
            for (String param : params) {
              for (Object value : mutators.pickN(new ArrayList<>(hostile), 10)) {
                String v = (String) value;
                String encoded =
                    v.startsWith("%") || v.contains("%2")
                        ? v
                        : URLEncoder.encode(v, StandardCharsets.UTF_8);
                String base =
                    path.replace("{}", path.contains("/villages/") ? TestArea.VILLAGE_1 : patient1);
                read(
                    name,
                    "query-param",
                    token,
                    base + "?" + param + "=" + encoded,
                    param + "=" + v);
              }
            }
            String base =
                path.replace("{}", path.contains("/villages/") ? TestArea.VILLAGE_1 : patient1);
            read(name, "long-query", token, base + "?q=" + "a".repeat(8_000), "8 kB query");
            read(name, "long-query", token, base + "?q=" + "a".repeat(70_000), "70 kB query");
            read(
                name,
                "query-param",
                token,
                base + "?page=1&page=2&size=1&size=x",
                "repeated parameters");
            read(name, "unauthenticated", null, base, "no token");
            read(name, "unauthenticated", "not.a.jwt", base, "garbage token");
          });
      assertThat(fuzz.healthy()).isTrue();
    } finally {
      fuzz.print("HTTP fuzz, cumulative", SEED, System.currentTimeMillis() - started);
    }
    assertThat(fuzz.findings).isEmpty();
  }

  private void read(String target, String category, String token, String path, String what) {
    if (!fuzz.sampled()) {
      return;
    }
    fuzz.count(target, category);
    long t = System.currentTimeMillis();
    Map<String, Long> before = fuzz.snapshot();
    FuzzHarness.Answer a;
    try {
      a = fuzz.send("GET", path, token, null);
    } catch (IllegalArgumentException e) {
      // The JDK client refuses to send a URI it cannot parse; nothing reached the server.
      fuzz.time(target, t);
      return;
    }
    judge(target, category, what, a, before, fuzz.snapshot());
    fuzz.time(target, t);
  }

  // ------------------------------------------------------------------ other villages

  @Test
  void otherVillages_readsAndWritesOfAnotherDoctorsPatient_refused() {
    long started = System.currentTimeMillis();
    try {
      String t = "other village";
      Map<String, Long> before = fuzz.snapshot();
      long version =
          fuzz.queryLong("SELECT version FROM patient WHERE id = ?", UUID.fromString(patient1));
      List<Object[]> cases =
          List.of(
              new Object[] {"GET", "/api/v1/patients/" + patient1, null},
              new Object[] {"GET", "/api/v1/patients/" + patient1 + "/follow-ups", null},
              new Object[] {"GET", "/api/v1/follow-ups/" + followUp1, null},
              new Object[] {"PUT", "/api/v1/patients/" + patient1, patientUpdate()},
              new Object[] {
                "POST",
                "/api/v1/patients/" + patient1 + "/status",
                Map.of("status", "LOST_TO_FOLLOW_UP", "version", version)
              },
              new Object[] {"POST", "/api/v1/patients/" + patient1 + "/follow-ups", visitForm()},
              new Object[] {
                "POST",
                "/api/v1/follow-ups/" + followUp1 + "/amend",
                FollowUpSamples.amendment(visitForm(), "改")
              },
              new Object[] {
                "POST", "/api/v1/follow-ups/" + followUp1 + "/void", Map.of("reason", "删")
              },
              new Object[] {
                "GET", "/api/v1/villages/" + TestArea.VILLAGE_1 + "/worklists/overdue", null
              },
              new Object[] {"GET", "/api/v1/patients?village=" + TestArea.VILLAGE_1, null});
      for (Object[] c : cases) {
        String what = c[0] + " " + c[1] + " as doc2";
        fuzz.count(t, "other-village");
        FuzzHarness.Answer a =
            c[2] == null
                ? fuzz.send((String) c[0], (String) c[1], doc2, null)
                : fuzz.sendJson((String) c[0], (String) c[1], doc2, c[2]);
        String problem = fuzz.problem(a);
        if (problem != null) {
          fuzz.finding(SEED, t, "other-village", what, problem);
        } else if (a.status() < 400
            && !(c[1].toString().contains("?village") && !a.text().contains(patient1))) {
          fuzz.finding(SEED, t, "other-village", what, "allowed: " + a.status() + " " + a.text());
        }
      }
      assertThat(FuzzHarness.diff(before, fuzz.snapshot())).isEmpty();
    } finally {
      fuzz.print("HTTP fuzz, cumulative", SEED, System.currentTimeMillis() - started);
    }
    assertThat(fuzz.findings).isEmpty();
  }

  // ------------------------------------------------------------------ valid bodies

  private Object syncBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", UUID.randomUUID().toString());
    body.put("cursor", null);
    body.put("schemaVersion", 1);
    body.put("clientHlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    body.put("mutations", List.of());
    body.put("pullLimit", 10);
    return body;
  }

  private static Object deviceBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", UUID.randomUUID().toString());
    body.put("appVersion", "0.3.0");
    body.put("platform", "Android 8.1");
    body.put("model", "Lenovo TB-X104F");
    return body;
  }

  private static Object loginBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", "fuzzer");
    body.put("password", TestAuth.PASSWORD);
    body.put("deviceName", "平板1");
    return body;
  }

  private static Map<String, Object> patient() {
    Map<String, Object> p = PatientSamples.hypertensive(TestArea.VILLAGE_1);
    p.put("name", "李建" + (char) ('甲' + new Random().nextInt(2000)));
    return p;
  }

  private Object patientUpdate() {
    TestApi.Response view = api.get("doc1", "/api/v1/patients/" + patient1);
    return PatientSamples.updateOf(view.json());
  }

  private Object statusBody() {
    long version =
        fuzz.queryLong("SELECT version FROM patient WHERE id = ?", UUID.fromString(statusPatient));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ACTIVE");
    body.put("reason", null);
    body.put("date", LocalDate.now(CHINA).minusDays(1).toString());
    body.put("note", "恢复管理");
    body.put("version", version);
    return body;
  }

  private static Map<String, Object> visitForm() {
    Map<String, Object> form =
        FollowUpSamples.hypertensionVisit(LocalDate.now(CHINA).minusDays(1), 134, 86);
    form.put("symptoms", List.of("HEADACHE_DIZZINESS"));
    form.put("reportedDangerSigns", List.of("SEVERE_HEADACHE_OR_DIZZINESS"));
    return form;
  }

  private static Object userBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", "u" + UUID.randomUUID().toString().substring(0, 8));
    body.put("displayName", "新医生");
    body.put("password", "Passw0rd!x");
    body.put("role", "VILLAGE_DOCTOR");
    body.put("villageCodes", List.of(TestArea.VILLAGE_1));
    return body;
  }

  private String visit(String patientId) {
    TestApi.Response r =
        api.post(
            "doc1",
            "/api/v1/patients/" + patientId + "/follow-ups",
            FollowUpSamples.hypertensionVisit(LocalDate.now(CHINA).minusDays(8), 138, 86));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  // ------------------------------------------------------------------ bytes

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String insertAt(String text, String insert) {
    int at = random.nextInt(text.length());
    return text.substring(0, at) + insert + text.substring(at);
  }

  private String deleteAt(String text) {
    int at = random.nextInt(text.length());
    return text.substring(0, at) + text.substring(at + 1);
  }

  private static String duplicateFirstKey(String text) {
    int colon = text.indexOf(':');
    int comma = text.indexOf(',');
    if (colon < 0 || comma < colon) {
      return text + text;
    }
    return "{" + text.substring(1, comma + 1) + text.substring(1);
  }

  /** The bytes inserted just after the first string value's opening quote. */
  private static byte[] insertInString(byte[] json, byte[] bad) {
    String text = new String(json, StandardCharsets.UTF_8);
    int at = text.indexOf(":\"");
    if (at < 0) {
      return concat(bad, json);
    }
    int bytePos = text.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length;
    return concat(
        concat(Arrays.copyOf(json, bytePos), bad), Arrays.copyOfRange(json, bytePos, json.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] spaces(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) ' ');
    return b;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A gzip stream of {@code megabytes} MB of spaces: about 1 kB per MB compressed. */
  private static byte[] bomb(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = spaces(1024 * 1024);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      for (int i = 0; i < megabytes; i++) {
        zip.write(chunk);
      }
      zip.write(utf8("{}"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
