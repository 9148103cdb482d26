package org.suifang.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.sync.Hlc;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.Json;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Fuzzes {@code POST /api/v1/sync} (docs/reliability.md#hostile-and-bad-input): every field of a
 * valid mutation of each type, one at a time, and every field of the envelope, mutated to a
 * missing, null, wrongly typed, huge, out-of-range, absurdly dated or metacharacter-laden value;
 * then forged authors, devices, sequence numbers and cursors, and other villages' records.
 *
 * <p>Every answer must be a 200 whose one result is APPLIED or REJECTED with a documented code and
 * both messages, a gap (200 with {@code expectedSeq}), or a 4xx in the standard error shape. The
 * database is compared with a snapshot after each case: a 4xx or a gap changes nothing, a REJECTED
 * mutation adds only its {@code mutation_result} and {@code device_mutation} rows and advances the
 * device's {@code lastSeq}. Replay with {@code -Dsuifang.fuzz.seed=N}.
 */
@MicronautTest(transactional = false)
class SyncFuzzTest {

  static final long SEED = Long.getLong("suifang.fuzz.seed", 20261122L);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Whether a case must be refused (4xx or REJECTED), or may also be applied. */
  enum Expect {
    REFUSED,
    ANY
  }

  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject FuzzHarness fuzz;

  private TestArea area;
  private String doc1;
  private String doc2;
  private UUID doc1Id;
  private UUID doc2Id;
  private UUID deviceId;
  private long nextSeq;
  private UUID doc2Device;
  private String patient1;
  private String patient2;
  private String amendOriginal;
  private String voidTarget;
  private String followUp2;
  private Random random;
  private Mutators mutators;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    doc1 = auth.login("doc1");
    doc2 = auth.login("doc2");
    doc1Id = area.userId("doc1");
    doc2Id = area.userId("doc2");
    random = new Random(SEED);
    mutators = new Mutators(random);
    newDevice();
    doc2Device = UUID.randomUUID();
    assertThat(register(doc2, doc2Device).status()).isEqualTo(200);
    patient1 = (String) api.post("doc1", "/api/v1/patients", patient(TestArea.VILLAGE_1)).at("id");
    patient2 = (String) api.post("doc2", "/api/v1/patients", patient(TestArea.VILLAGE_2)).at("id");
    amendOriginal = visit("doc1", patient1);
    voidTarget = visit("doc1", patient1);
    followUp2 = visit("doc2", patient2);
  }

  @Test
  void sync_hostileInput_isRefusedCleanlyAndStoresNothingPartially() {
    long started = System.currentTimeMillis();
    try {
      fuzzEveryField("PATIENT_CREATE", this::patientCreate);
      fuzzEveryField("PATIENT_UPDATE", this::patientUpdate);
      fuzzEveryField("FOLLOW_UP_RECORD", this::followUpRecord);
      fuzzEveryField("FOLLOW_UP_AMEND", this::followUpAmend);
      fuzzEveryField("FOLLOW_UP_VOID", this::followUpVoid);
      fuzzEnvelope();
      forgedAndForeign();
      assertThat(fuzz.healthy()).as("/health after the sync fuzz").isTrue();
      // A valid push still succeeds at the end.
      Map<String, Object> ok = push(request(List.of(patientCreate())));
      assertThat(Json.at(ok, "results.0.status")).isEqualTo("APPLIED");
    } finally {
      fuzz.print("sync fuzz", SEED, System.currentTimeMillis() - started);
    }
    assertThat(fuzz.findings).isEmpty();
  }

  // ------------------------------------------------------------------ generators

  private void fuzzEveryField(String type, java.util.function.Supplier<Map<String, Object>> valid) {
    Map<String, Object> mutation = valid.get();
    for (Mutators.Case c : mutators.forEveryField(mutation.get("payload"))) {
      if (!fuzz.sampled()) {
        continue;
      }
      Map<String, Object> m = valid.get();
      m.put("payload", c.tree());
      run(
          "sync " + type,
          c.category(),
          "payload." + c.path() + " = " + c.label(),
          request(List.of(m)),
          Expect.ANY);
    }
    // Whole-payload cases: not an object, empty, an unknown type of the same payload.
    for (Object payload : List.of(List.of(), "payload", 1, Map.of())) {
      Map<String, Object> m = valid.get();
      m.put("payload", payload);
      run(
          "sync " + type,
          "wrong-type",
          "payload = " + Mutators.label(payload),
          request(List.of(m)),
          Expect.REFUSED);
    }
  }

  /** Every field of the envelope and of a mutation's frame (not its payload). */
  @SuppressWarnings("unchecked")
  private void fuzzEnvelope() {
    Map<String, Object> body = request(List.of(followUpVoid()));
    body.put(
        "cursor", Map.of("epoch", UUID.randomUUID().toString(), "seq", 0, "scope", "abcdef012345"));
    body.put("pullLimit", 10);
    body.put("pullMaxBytes", 65536);
    for (List<Object> path : Mutators.paths(body)) {
      if (path.size() > 2 && "payload".equals(path.get(2))) {
        continue;
      }
      String field = Mutators.pathText(path);
      for (Mutators.Case c : mutators.forField(body, path)) {
        if (!fuzz.sampled()) {
          continue;
        }
        Map<String, Object> send = (Map<String, Object>) c.tree();
        // The mutation follows the device's seq and gets a fresh id, unless the case is about them.
        if (send.get("mutations") instanceof List<?> list
            && !list.isEmpty()
            && list.get(0) instanceof Map<?, ?> first) {
          Map<String, Object> m = (Map<String, Object>) first;
          if (!field.equals("mutations.0.deviceSeq") && m.containsKey("deviceSeq")) {
            m.put("deviceSeq", nextSeq);
          }
          if (!field.equals("mutations.0.mutationId") && m.containsKey("mutationId")) {
            m.put("mutationId", UUID.randomUUID().toString());
          }
        }
        run("sync envelope", c.category(), c.path() + " = " + c.label(), send, Expect.ANY);
      }
    }
  }

  private void forgedAndForeign() {
    String t = "sync forged";
    // Authors: another user who never registered this device, a user who does not exist.
    Map<String, Object> m = followUpRecord();
    m.put("authorId", doc2Id.toString());
    expectCode(
        run(t, "forged-author", "authorId = doc2", request(List.of(m)), Expect.REFUSED),
        "AUTHOR_NOT_ALLOWED");
    m = followUpRecord();
    m.put("authorId", UUID.randomUUID().toString());
    expectCode(
        run(t, "forged-author", "authorId = random", request(List.of(m)), Expect.REFUSED),
        "AUTHOR_NOT_ALLOWED");

    // Other villages' records.
    long p2Version = version(patient2);
    m = patientUpdate();
    payload(m).put("patientId", patient2);
    run(
        t,
        "other-village",
        "PATIENT_UPDATE of doc2's patient",
        request(List.of(m)),
        Expect.REFUSED);
    m = followUpRecord();
    payload(m).put("patientId", patient2);
    run(
        t,
        "other-village",
        "FOLLOW_UP_RECORD on doc2's patient",
        request(List.of(m)),
        Expect.REFUSED);
    m = followUpAmend();
    payload(m).put("originalId", followUp2);
    run(t, "other-village", "FOLLOW_UP_AMEND of doc2's visit", request(List.of(m)), Expect.REFUSED);
    m = followUpVoid();
    payload(m).put("followUpId", followUp2);
    run(t, "other-village", "FOLLOW_UP_VOID of doc2's visit", request(List.of(m)), Expect.REFUSED);
    for (String village :
        List.of(TestArea.VILLAGE_2, TestArea.VILLAGE_3, "999999999999", TestArea.COUNTY)) {
      m = patientCreate();
      payload(m).put("villageCode", village);
      run(t, "other-village", "PATIENT_CREATE in " + village, request(List.of(m)), Expect.REFUSED);
    }
    m = patientUpdate();
    payload(m).put("fields", Map.of("villageCode", TestArea.VILLAGE_3));
    run(
        t,
        "other-village",
        "PATIENT_UPDATE moving a patient out of the area",
        request(List.of(m)),
        Expect.REFUSED);
    assertThat(version(patient2)).as("doc2's patient untouched").isEqualTo(p2Version);
    assertThat(
            fuzz.queryLong(
                "SELECT COUNT(*) FROM follow_up WHERE patient_id = ?", UUID.fromString(patient2)))
        .isEqualTo(1);
    assertThat(
            fuzz.queryLong(
                "SELECT COUNT(*) FROM follow_up WHERE voided_at IS NOT NULL AND id = ?",
                UUID.fromString(followUp2)))
        .isZero();

    // Devices: doc2's device, an unknown one.
    Map<String, Object> body = request(List.of(followUpVoid()));
    body.put("deviceId", doc2Device.toString());
    expectCode(
        run(t, "forged-device", "doc2's device", body, Expect.REFUSED), "DEVICE_NOT_REGISTERED");
    body = request(List.of(followUpVoid()));
    body.put("deviceId", UUID.randomUUID().toString());
    expectCode(
        run(t, "forged-device", "random device", body, Expect.REFUSED), "DEVICE_NOT_REGISTERED");

    // Sequence numbers: taken, beyond the next one, far beyond, zero, negative, duplicated.
    m = followUpVoid();
    m.put("deviceSeq", nextSeq - 1);
    expectCode(
        run(t, "forged-seq", "seq already taken", request(List.of(m)), Expect.REFUSED),
        "DEVICE_IDENTITY_CONFLICT");
    for (long seq : new long[] {nextSeq + 5, Long.MAX_VALUE, 0, -1, Long.MIN_VALUE}) {
      m = followUpVoid();
      m.put("deviceSeq", seq);
      Map<String, Object> answer =
          run(t, "forged-seq", "seq " + seq, request(List.of(m)), Expect.REFUSED);
      if (answer != null && seq > nextSeq) {
        assertThat(Json.at(answer, "expectedSeq")).as("gap for seq " + seq).isNotNull();
      }
    }
    m = followUpVoid();
    run(
        t,
        "duplicate",
        "one mutation twice in a request",
        request(List.of(m, JsonText.copy(m))),
        Expect.ANY);
    Map<String, Object> second = followUpVoid();
    second.put("mutationId", m.get("mutationId"));
    run(
        t,
        "duplicate",
        "a known mutation id under a new seq",
        request(List.of(second)),
        Expect.ANY);

    // Batches: over the limit (400), at the limit with unknown types (200 rejections).
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      Map<String, Object> x = followUpVoid();
      x.put("deviceSeq", nextSeq + i);
      many.add(x);
    }
    run(t, "huge-array", "201 mutations", request(many), Expect.REFUSED);
    many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Map<String, Object> x = followUpVoid();
      x.put("deviceSeq", nextSeq + i);
      x.put("type", "NO_SUCH_TYPE");
      many.add(x);
    }
    Map<String, Object> batch =
        run(t, "huge-array", "200 mutations of an unknown type", request(many), Expect.REFUSED);
    if (batch != null) {
      assertThat((List<?>) batch.get("results")).hasSize(200);
    }
    for (String type :
        List.of("patient_create", "NO_SUCH_TYPE", "", "X".repeat(41), "PATIENT_CREATE ")) {
      m = patientCreate();
      m.put("type", type);
      run(t, "unknown-type", "type " + Mutators.label(type), request(List.of(m)), Expect.REFUSED);
    }

    // Cursors: another epoch, beyond the head, negative, too long, the wrong shape.
    String epoch = epoch();
    List<Object> cursors =
        List.of(
            Map.of("epoch", UUID.randomUUID().toString(), "seq", 0, "scope", "abcdef012345"),
            Map.of("epoch", epoch, "seq", -1, "scope", "abcdef012345"),
            Map.of("epoch", epoch, "seq", 0, "scope", "x".repeat(33)),
            Map.of("epoch", "e".repeat(37), "seq", 0, "scope", "abcdef012345"),
            Map.of("epoch", epoch, "seq", 0, "scope", "'; DROP TABLE patient;--"),
            Map.of("epoch", "'; DROP TABLE patient;--", "seq", 0, "scope", "abcdef012345"),
            Map.of("epoch", epoch, "seq", new JsonText.Raw("1e400"), "scope", "abcdef012345"),
            "cursor",
            List.of(epoch, 0));
    for (Object cursor : cursors) {
      body = request(List.of());
      body.put("cursor", cursor);
      body.put("pullLimit", 10);
      run(t, "forged-cursor", "cursor " + Mutators.label(cursor), body, Expect.ANY);
    }
    // Last: a cursor of this epoch beyond the head makes the server rotate its epoch (documented).
    body = request(List.of());
    body.put("cursor", Map.of("epoch", epoch, "seq", Long.MAX_VALUE, "scope", "abcdef012345"));
    body.put("pullLimit", 10);
    Map<String, Object> reset = run(t, "forged-cursor", "seq beyond the head", body, Expect.ANY);
    if (reset != null) {
      assertThat(reset.get("resetRequired")).isEqualTo(true);
    }
  }

  // ------------------------------------------------------------------ one case

  /**
   * Sends one request, checks the answer and the database, and returns the 200 answer's body (null
   * for any other status).
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> run(
      String target, String category, String what, Map<String, Object> body, Expect expect) {
    fuzz.count(target, category);
    long started = System.currentTimeMillis();
    try {
      return check(target, category, what, body, expect);
    } finally {
      fuzz.time(target, started);
      if (System.currentTimeMillis() - started > 2000) {
        System.out.println(
            "SLOW " + (System.currentTimeMillis() - started) + " ms " + target + " " + what);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> check(
      String target, String category, String what, Map<String, Object> body, Expect expect) {
    Map<String, Long> before = fuzz.snapshot();
    FuzzHarness.Answer a = fuzz.sendJson("POST", "/api/v1/sync", doc1, body);
    Map<String, Long> after = fuzz.snapshot();
    Map<String, String> diff = FuzzHarness.diff(before, after);
    String problem = fuzz.problem(a);
    if (problem != null) {
      fuzz.finding(SEED, target, category, what, problem);
      if (a.status() >= 500 || a.status() < 0) {
        newDevice(); // a stuck mutation blocks the queue; go on with a fresh device
      }
      return null;
    }
    if (a.status() != 200) {
      if (!diff.isEmpty()) {
        fuzz.finding(
            SEED, target, category, what, a.status() + " but the database changed: " + diff);
      }
      return null;
    }
    Map<String, Object> answer = fuzz.object(a);
    nextSeq = ((Number) answer.get("ackedThroughSeq")).longValue() + 1;
    List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
    if (results.isEmpty()) {
      if (!diff.isEmpty()) {
        fuzz.finding(SEED, target, category, what, "no result but the database changed: " + diff);
      }
      return answer;
    }
    int rejected = 0;
    int applied = 0;
    int duplicates = 0;
    for (Map<String, Object> r : results) {
      if (Boolean.TRUE.equals(r.get("duplicate"))) {
        duplicates++;
      } else if ("REJECTED".equals(r.get("status"))) {
        rejected++;
        String shape =
            fuzz.resultShapeProblem(r.get("code"), r.get("messageZh"), r.get("messageEn"));
        if (shape != null) {
          fuzz.finding(SEED, target, category, what, "REJECTED result: " + shape);
        }
      } else if ("APPLIED".equals(r.get("status"))) {
        applied++;
      } else {
        fuzz.finding(SEED, target, category, what, "result status " + r.get("status"));
      }
    }
    if (expect == Expect.REFUSED && applied > 0) {
      fuzz.finding(SEED, target, category, what, "APPLIED but must be refused: " + results);
    }
    if (applied == 0) {
      // Rejections and duplicates store their bookkeeping rows only.
      Set<String> allowed = Set.of("mutation_result", "device_mutation", "device.last_seq");
      for (String k : diff.keySet()) {
        if (!allowed.contains(k)) {
          fuzz.finding(SEED, target, category, what, "refused mutation changed " + k + ": " + diff);
        }
      }
      long results0 = before.get("mutation_result");
      if (after.get("mutation_result") - results0 != rejected) {
        fuzz.finding(SEED, target, category, what, "mutation_result rows: " + diff);
      }
      if (after.get("device_mutation") - before.get("device_mutation") != rejected + duplicates) {
        fuzz.finding(SEED, target, category, what, "device_mutation rows: " + diff);
      }
    } else if (after.get("sync_clock.seq") <= before.get("sync_clock.seq")) {
      fuzz.finding(SEED, target, category, what, "APPLIED without a change stamp: " + diff);
    }
    if (applied > 0 && target.equals("sync FOLLOW_UP_AMEND")) {
      followAmendChain();
    }
    return answer;
  }

  private void expectCode(Map<String, Object> answer, String code) {
    if (answer != null && !((List<?>) answer.get("results")).isEmpty()) {
      assertThat(Json.at(answer, "results.0.code")).isEqualTo(code);
    }
  }

  private Map<String, Object> push(Map<String, Object> body) {
    FuzzHarness.Answer a = fuzz.sendJson("POST", "/api/v1/sync", doc1, body);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    Map<String, Object> answer = fuzz.object(a);
    nextSeq = ((Number) answer.get("ackedThroughSeq")).longValue() + 1;
    return answer;
  }

  // ------------------------------------------------------------------ valid requests

  private Map<String, Object> request(List<Map<String, Object>> mutations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", deviceId.toString());
    body.put("cursor", null);
    body.put("schemaVersion", 1);
    body.put("appVersion", "0.3.0");
    body.put("clientHlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    body.put("clientTime", Instant.now().toString());
    body.put("pendingCount", mutations.size());
    body.put("oldestPendingAt", Instant.now().minusSeconds(60).toString());
    body.put("mutations", mutations);
    body.put("pullLimit", 0);
    return body;
  }

  private Map<String, Object> mutation(String type, Map<String, Object> payload) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mutationId", UUID.randomUUID().toString());
    m.put("deviceSeq", nextSeq);
    m.put("hlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    m.put("authorId", doc1Id.toString());
    m.put("type", type);
    m.put("schemaVersion", 1);
    m.put("createdAt", Instant.now().toString());
    m.put("payload", payload);
    return m;
  }

  private Map<String, Object> patientCreate() {
    return mutation("PATIENT_CREATE", patient(TestArea.VILLAGE_1));
  }

  private Map<String, Object> patientUpdate() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("phone", "13900139000");
    fields.put("address", "东关村5组" + random.nextInt(100) + "号");
    fields.put("heightCm", 170.5);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", "ACTIVE");
    status.put("reason", null);
    status.put("date", yesterday().toString());
    status.put("note", "复查");
    fields.put("status", status);
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("phone", Map.of("hlc", 0, "deviceId", "00000000-0000-0000-0000-000000000000"));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patient1);
    payload.put("fields", fields);
    payload.put("base", base);
    return mutation("PATIENT_UPDATE", payload);
  }

  private Map<String, Object> followUpRecord() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patient1);
    payload.put("followUp", visitForm(132, 84));
    payload.put("clientAssessment", clientAssessment());
    return mutation("FOLLOW_UP_RECORD", payload);
  }

  private Map<String, Object> followUpAmend() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("originalId", amendOriginal);
    payload.put("reason", "血压录错");
    payload.put("followUp", visitForm(128, 82));
    payload.put("clientAssessment", clientAssessment());
    return mutation("FOLLOW_UP_AMEND", payload);
  }

  private Map<String, Object> followUpVoid() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("followUpId", voidTarget);
    payload.put("reason", "录错病人");
    return mutation("FOLLOW_UP_VOID", payload);
  }

  /** A visit form whose lists hold a valid element each, so that the fuzzer repeats it. */
  private static Map<String, Object> visitForm(int systolic, int diastolic) {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(yesterday(), systolic, diastolic);
    form.put("symptoms", List.of("HEADACHE_DIZZINESS"));
    form.put("reportedDangerSigns", List.of("SEVERE_HEADACHE_OR_DIZZINESS"));
    form.put("medicationAdjustments", List.of(FollowUpSamples.medication("缬沙坦胶囊", 1, 80)));
    return form;
  }

  private static Map<String, Object> clientAssessment() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ruleSetId", "bphs-2017");
    a.put("dangerSigns", List.of("SEVERE_HEADACHE_OR_DIZZINESS"));
    a.put("urgentReferral", false);
    a.put("classification", "CONTROLLED");
    a.put("nextStep", "ROUTINE");
    a.put("nextDueDate", LocalDate.now(CHINA).plusMonths(3).toString());
    return a;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(Map<String, Object> mutation) {
    return (Map<String, Object>) mutation.get("payload");
  }

  private static Map<String, Object> patient(String village) {
    Map<String, Object> p = PatientSamples.hypertensive(village);
    // A name of its own, so that the patients made here are not each other's duplicates.
    p.put("name", "王建" + (char) ('甲' + NAMES.incrementAndGet() % 500));
    p.put("address", "东关村" + NAMES.get() + "号");
    return p;
  }

  private String visit(String user, String patientId) {
    TestApi.Response r =
        api.post(
            user,
            "/api/v1/patients/" + patientId + "/follow-ups",
            FollowUpSamples.hypertensionVisit(yesterday().minusDays(7), 138, 86));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  private static LocalDate yesterday() {
    return LocalDate.now(CHINA).minusDays(1);
  }

  private void newDevice() {
    deviceId = UUID.randomUUID();
    nextSeq = 1;
    assertThat(register(doc1, deviceId).status()).isEqualTo(200);
  }

  private FuzzHarness.Answer register(String token, UUID device) {
    return fuzz.sendJson(
        "POST",
        "/api/v1/devices",
        token,
        Map.of("deviceId", device.toString(), "appVersion", "0.3.0", "platform", "Android 8.1"));
  }

  private long version(String patientId) {
    return fuzz.queryLong("SELECT version FROM patient WHERE id = ?", UUID.fromString(patientId));
  }

  private String epoch() {
    Map<String, Object> body = request(List.of());
    body.put("pullLimit", 1);
    Map<String, Object> answer = push(body);
    Object cursor = answer.get("nextCursor");
    assertThat(cursor).as("a pull answers a cursor").isNotNull();
    return (String) Json.at(cursor, "epoch");
  }

  /** After an applied amendment the corrected record is the one to amend next. */
  private void followAmendChain() {
    for (int i = 0; i < 100; i++) {
      long next =
          fuzz.queryLong(
              "SELECT COUNT(*) FROM follow_up WHERE amends = ?", UUID.fromString(amendOriginal));
      if (next == 0) {
        return;
      }
      amendOriginal =
          fuzz.queryString(
              "SELECT id FROM follow_up WHERE amends = ?", UUID.fromString(amendOriginal));
    }
  }
}
