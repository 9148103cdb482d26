package org.suifang.client;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.GzipSource;
import okio.Okio;

/**
 * A working substitute for the Suifang server's auth, device and sync endpoints, following
 * docs/sync-protocol.md: exactly-once push by (deviceId, deviceSeq) and mutationId, gaps answered
 * with expectedSeq, identity conflicts, per-field LWW with base versions and conflict rows, a
 * commit-ordered change feed of latest states with an {epoch, seq, scope} cursor, and restores.
 * Faults are scripted ahead of the normal answers: a scripted step may process the request (the
 * server commits) and then still lose the answer.
 */
final class FakeSyncServer extends Dispatcher {
  /** The {@code serverTime} of every sync answer; a test moves it on. */
  volatile java.time.Instant serverTime = java.time.Instant.parse("2026-11-20T02:00:01Z");

  static final String PASSWORD = "secret";
  static final String SCOPE = "scope-1";
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  /** A scripted step: an answer instead of the normal one, or a fault after processing. */
  static final class Step {
    @Nullable final MockResponse response;
    @Nullable final SocketPolicy afterProcessing;

    private Step(@Nullable MockResponse response, @Nullable SocketPolicy afterProcessing) {
      this.response = response;
      this.afterProcessing = afterProcessing;
    }

    /** Answers this instead of processing the request. */
    static Step answer(MockResponse response) {
      return new Step(response, null);
    }

    /** Processes the request normally (the server commits), then applies the socket policy. */
    static Step processThen(SocketPolicy policy) {
      return new Step(null, policy);
    }
  }

  /** The server's database; copied by {@link #backup()} and put back by {@link #restore}. */
  static final class Db {
    String epoch = "epoch-1";
    long changeSeq;
    long hlc;
    Map<String, JsonObject> devices = new HashMap<>();
    Map<String, JsonObject> results = new HashMap<>();
    Map<String, JsonObject> patients = new LinkedHashMap<>();
    Map<String, JsonObject> visits = new LinkedHashMap<>();
    Map<String, JsonObject> conflicts = new LinkedHashMap<>();
    // merged duplicate -> survivor
    Map<String, String> redirects = new HashMap<>();
    // id -> {type, seq}
    Map<String, JsonObject> feed = new HashMap<>();
  }

  final Deque<Step> script = new ArrayDeque<>();
  final List<JsonObject> syncBodies = new ArrayList<>();
  final List<RecordedRequest> syncRequests = new ArrayList<>();
  final List<JsonObject> deviceBodies = new ArrayList<>();
  final List<String> refreshTokensPresented = new ArrayList<>();
  Db db = new Db();
  int pageSize = 500;
  Predicate<JsonObject> reject = m -> false;

  /** Changes the assessment the server stores for a recorded form; identity by default. */
  Function<JsonObject, JsonObject> assess = a -> a;

  private final Set<String> validAccess = new HashSet<>();
  private final Map<String, Boolean> refreshTokens = new HashMap<>();
  private int tokenCounter;

  FakeSyncServer() {
    validAccess.add("access-0");
    refreshTokens.put("refresh-0", false);
  }

  // --- control ---------------------------------------------------------------------------

  /** Makes every access token issued so far expire. */
  void expireAccessTokens() {
    validAccess.clear();
  }

  /** Returns a copy of the database, as a backup. */
  Db backup() {
    return copy(db);
  }

  /** Restores a backup: the state it holds, under a new epoch. */
  void restore(Db backup) {
    db = copy(backup);
    db.epoch = "epoch-" + UUID.randomUUID();
  }

  /** Writes a patient field as the REST API would (server HLC, the zero device id). */
  void restWrite(String patientId, String field, JsonElement value) {
    JsonObject p = db.patients.get(patientId);
    p.add(field, value);
    p.getAsJsonObject("versions").add(field, version(++db.hlc + (1L << 50), zeroDevice()));
    touch("PATIENT", patientId);
  }

  /**
   * Merges a duplicate into a survivor as a supervisor would: one change group with the duplicate
   * ({@code mergedInto}), the survivor and the duplicate's visits, now the survivor's. Returns the
   * group's seq.
   */
  long mergeInto(String duplicateId, String survivorId) {
    long seq = ++db.changeSeq;
    db.patients.get(duplicateId).addProperty("mergedInto", survivorId);
    db.redirects.put(duplicateId, survivorId);
    feed("PATIENT", duplicateId, seq);
    feed("PATIENT", survivorId, seq);
    for (Map.Entry<String, JsonObject> v : db.visits.entrySet()) {
      if (v.getValue().get("patientId").getAsString().equals(duplicateId)) {
        v.getValue().addProperty("patientId", survivorId);
        feed("FOLLOW_UP", v.getKey(), seq);
      }
    }
    return seq;
  }

  private void feed(String type, String id, long seq) {
    JsonObject entry = new JsonObject();
    entry.addProperty("type", type);
    entry.addProperty("seq", seq);
    db.feed.put(id, entry);
  }

  /** Moves a patient out of the user's area. */
  void moveOut(String patientId) {
    db.patients.get(patientId).addProperty("inScope", false);
    touch("PATIENT", patientId);
  }

  JsonObject lastSyncBody() {
    return syncBodies.get(syncBodies.size() - 1);
  }

  /** Returns the mutations of a recorded sync body. */
  static List<JsonObject> mutations(JsonObject body) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : body.getAsJsonArray("mutations")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  // --- dispatch --------------------------------------------------------------------------

  @Override
  public MockResponse peek() {
    Step next = script.peek();
    if (next != null && next.response != null) {
      return next.response;
    }
    return new MockResponse().setSocketPolicy(SocketPolicy.KEEP_OPEN);
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    if (request.getRequestLine().isEmpty()) {
      // MockWebServer's bookkeeping call for DISCONNECT_AT_START: consume the scripted step.
      Step s = script.poll();
      return s != null && s.response != null ? s.response : new MockResponse();
    }
    Step step = script.poll();
    if (step != null && step.response != null) {
      if (request.getPath() != null && request.getPath().endsWith("/sync")) {
        syncRequests.add(request);
        syncBodies.add(body(request));
      }
      return step.response;
    }
    MockResponse answer = handle(request);
    if (step != null && step.afterProcessing != null) {
      answer.setSocketPolicy(step.afterProcessing);
    }
    return answer;
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    JsonObject body = body(request);
    switch (path) {
      case "/api/v1/auth/login":
        if (!PASSWORD.equals(body.get("password").getAsString())) {
          return error(401, "LOGIN_FAILED");
        }
        return json(200, tokens());
      case "/api/v1/auth/refresh":
        String token = body.get("refreshToken").getAsString();
        refreshTokensPresented.add(token);
        Boolean used = refreshTokens.get(token);
        if (used == null) {
          return error(401, "REFRESH_TOKEN_INVALID");
        }
        if (used) {
          return error(401, "REFRESH_TOKEN_REUSED");
        }
        refreshTokens.put(token, true);
        return json(200, tokens());
      case "/api/v1/auth/logout":
        return new MockResponse().setResponseCode(204);
      case "/api/v1/devices":
        if (!authorised(request)) {
          return error(401, "UNAUTHENTICATED");
        }
        deviceBodies.add(body);
        return json(200, register(body));
      case "/api/v1/sync":
        syncRequests.add(request);
        syncBodies.add(body);
        if (!authorised(request)) {
          return error(401, "UNAUTHENTICATED");
        }
        return sync(body);
      default:
        return error(404, "NOT_FOUND");
    }
  }

  private boolean authorised(RecordedRequest request) {
    String auth = request.getHeader("Authorization");
    return auth != null && validAccess.contains(auth.substring("Bearer ".length()));
  }

  private JsonObject tokens() {
    tokenCounter++;
    String access = "access-" + tokenCounter;
    String refresh = "refresh-" + tokenCounter;
    validAccess.add(access);
    refreshTokens.put(refresh, false);
    JsonObject t = new JsonObject();
    t.addProperty("accessToken", access);
    t.addProperty("tokenType", "Bearer");
    t.addProperty("expiresIn", 900);
    t.addProperty("refreshToken", refresh);
    t.addProperty("refreshExpiresIn", 2592000);
    t.add("user", TestClients.doctorJson());
    return t;
  }

  private JsonObject register(JsonObject body) {
    String deviceId = body.get("deviceId").getAsString();
    JsonObject d = db.devices.get(deviceId);
    if (d == null) {
      d = new JsonObject();
      d.addProperty("lastSeq", 0);
      d.add("seqs", new JsonObject());
      db.devices.put(deviceId, d);
    }
    JsonObject answer = new JsonObject();
    answer.addProperty("deviceId", deviceId);
    answer.addProperty("userId", TestClients.DOCTOR_ID.toString());
    answer.addProperty("lastSeq", d.get("lastSeq").getAsLong());
    answer.addProperty("epoch", db.epoch);
    answer.addProperty("ruleSetId", "bphs-2017");
    answer.addProperty("registeredAt", "2026-11-20T02:00:00Z");
    return answer;
  }

  // --- sync ------------------------------------------------------------------------------

  private MockResponse sync(JsonObject req) {
    String deviceId = req.get("deviceId").getAsString();
    JsonObject device = db.devices.get(deviceId);
    if (device == null) {
      return error(404, "DEVICE_NOT_REGISTERED");
    }
    JsonObject seqs = device.getAsJsonObject("seqs");
    JsonArray results = new JsonArray();
    Long expectedSeq = null;
    long ackChangeSeq = 0;
    for (JsonObject m : mutations(req)) {
      long seq = m.get("deviceSeq").getAsLong();
      String mid = m.get("mutationId").getAsString();
      long lastSeq = device.get("lastSeq").getAsLong();
      JsonElement stored = seqs.get(Long.toString(seq));
      if (stored != null) {
        if (stored.getAsString().equals(mid)) {
          results.add(duplicate(db.results.get(mid)));
          continue;
        }
        return error(409, "DEVICE_IDENTITY_CONFLICT");
      }
      if (seq > lastSeq + 1) {
        expectedSeq = lastSeq + 1;
        break;
      }
      if (seq <= lastSeq) {
        return error(409, "DEVICE_IDENTITY_CONFLICT");
      }
      JsonObject result;
      if (db.results.containsKey(mid)) {
        result = duplicate(db.results.get(mid));
      } else {
        result = apply(m, deviceId);
        db.results.put(mid, result);
      }
      seqs.addProperty(Long.toString(seq), mid);
      device.addProperty("lastSeq", seq);
      results.add(result);
      if (!result.get("changeSeq").isJsonNull()) {
        ackChangeSeq = Math.max(ackChangeSeq, result.get("changeSeq").getAsLong());
      }
    }

    long from = 0;
    boolean reset = false;
    JsonElement cursor = req.get("cursor");
    if (cursor != null && cursor.isJsonObject()) {
      JsonObject c = cursor.getAsJsonObject();
      long seq = c.get("seq").getAsLong();
      if (!db.epoch.equals(c.get("epoch").getAsString()) || seq > db.changeSeq) {
        reset = true;
      } else {
        from = seq;
      }
    }
    int limit = Math.min(req.get("pullLimit").getAsInt(), pageSize);
    long head = db.changeSeq;
    TreeMap<String, JsonObject> ordered = new TreeMap<>();
    for (Map.Entry<String, JsonObject> e : db.feed.entrySet()) {
      long seq = e.getValue().get("seq").getAsLong();
      if (seq > from) {
        String type = e.getValue().get("type").getAsString();
        ordered.put(String.format(Locale.ROOT, "%019d|%s|%s", seq, type, e.getKey()), e.getValue());
      }
    }
    JsonArray changes = new JsonArray();
    long lastSeq = from;
    boolean hasMore = false;
    for (Map.Entry<String, JsonObject> e : ordered.entrySet()) {
      long seq = e.getValue().get("seq").getAsLong();
      if (changes.size() >= limit && seq != lastSeq) {
        hasMore = true;
        break;
      }
      String id = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
      String type = e.getValue().get("type").getAsString();
      JsonObject change = new JsonObject();
      change.addProperty("seq", seq);
      change.addProperty("type", type);
      change.addProperty("id", id);
      change.add("data", data(type, id).deepCopy());
      changes.add(change);
      lastSeq = seq;
    }
    JsonObject next = new JsonObject();
    next.addProperty("epoch", db.epoch);
    next.addProperty("seq", hasMore ? lastSeq : head);
    next.addProperty("scope", SCOPE);

    JsonObject answer = new JsonObject();
    answer.add("results", results);
    answer.addProperty("ackedThroughSeq", device.get("lastSeq").getAsLong());
    answer.add(
        "expectedSeq", expectedSeq == null ? JsonNull.INSTANCE : GSON.toJsonTree(expectedSeq));
    answer.addProperty("ackChangeSeq", ackChangeSeq);
    answer.addProperty("resetRequired", reset);
    answer.add("changes", changes);
    answer.add("nextCursor", next);
    answer.addProperty("hasMore", hasMore);
    answer.addProperty("serverHlc", ++db.hlc);
    answer.addProperty("serverTime", serverTime.toString());
    return gzipJson(answer);
  }

  private JsonObject data(String type, String id) {
    switch (type) {
      case "PATIENT":
        return db.patients.get(id);
      case "FOLLOW_UP":
        return db.visits.get(id);
      default:
        return db.conflicts.get(id);
    }
  }

  private JsonObject apply(JsonObject m, String deviceId) {
    long hlc = m.get("hlc").getAsLong();
    db.hlc = Math.max(db.hlc, hlc);
    if (reject.test(m)) {
      return rejected(m, "VALIDATION_FAILED", "name");
    }
    JsonObject p = m.getAsJsonObject("payload");
    String type = m.get("type").getAsString();
    String author = m.get("authorId").getAsString();
    switch (type) {
      case "PATIENT_CREATE":
        return createPatient(m, p, hlc, deviceId, author);
      case "PATIENT_UPDATE":
        return updatePatient(m, p, hlc, deviceId, author);
      case "FOLLOW_UP_RECORD":
        return recordVisit(m, p.getAsJsonObject("followUp"), p, null, null, author);
      case "FOLLOW_UP_AMEND":
        JsonObject original = db.visits.get(p.get("originalId").getAsString());
        if (original == null) {
          return rejected(m, "FOLLOW_UP_NOT_FOUND", null);
        }
        if (!original.get("voidedAt").isJsonNull()) {
          return rejected(m, "FOLLOW_UP_VOIDED", null);
        }
        for (JsonObject v : db.visits.values()) {
          if (v.get("amends").isJsonPrimitive()
              && v.get("amends").getAsString().equals(p.get("originalId").getAsString())) {
            return rejected(m, "FOLLOW_UP_SUPERSEDED", null);
          }
        }
        return recordVisit(
            m,
            p.getAsJsonObject("followUp"),
            p,
            p.get("originalId").getAsString(),
            p.get("reason").getAsString(),
            author);
      case "FOLLOW_UP_VOID":
        JsonObject v = db.visits.get(p.get("followUpId").getAsString());
        if (v == null) {
          return rejected(m, "FOLLOW_UP_NOT_FOUND", null);
        }
        if (!v.get("voidedAt").isJsonNull()) {
          return applied(m, 0, hlc, 0);
        }
        v.addProperty("voidedAt", "2026-11-20T02:00:00Z");
        v.addProperty("voidedBy", author);
        v.add("voidReason", p.get("reason"));
        return applied(m, touch("FOLLOW_UP", p.get("followUpId").getAsString()), hlc, 0);
      default:
        return rejected(m, "UNKNOWN_MUTATION_TYPE", null);
    }
  }

  private JsonObject createPatient(
      JsonObject m, JsonObject p, long hlc, String deviceId, String author) {
    String id = p.get("id").getAsString();
    if (db.patients.containsKey(id)) {
      return applied(m, db.feed.get(id).get("seq").getAsLong(), hlc, 0);
    }
    JsonObject row = new JsonObject();
    for (String f :
        new String[] {
          "name",
          "sex",
          "birthDate",
          "residentId",
          "phone",
          "villageCode",
          "address",
          "healthRecordNumber",
          "heightCm"
        }) {
      row.add(f, p.has(f) ? p.get(f) : JsonNull.INSTANCE);
    }
    row.addProperty("id", id);
    row.addProperty("countyCode", p.get("villageCode").getAsString().substring(0, 6) + "000000");
    row.add("hypertensionDiagnosedOn", JsonNull.INSTANCE);
    row.add("diabetesDiagnosedOn", JsonNull.INSTANCE);
    for (JsonElement c : p.getAsJsonArray("conditions")) {
      String disease = c.getAsJsonObject().get("disease").getAsString();
      row.add(
          disease.equals("HYPERTENSION") ? "hypertensionDiagnosedOn" : "diabetesDiagnosedOn",
          c.getAsJsonObject().get("diagnosedOn"));
    }
    JsonObject status = new JsonObject();
    status.addProperty("status", "ACTIVE");
    status.add("reason", JsonNull.INSTANCE);
    status.addProperty("date", "2026-11-20");
    status.add("note", JsonNull.INSTANCE);
    row.add("status", status);
    row.addProperty("createdBy", author);
    row.add("createdAt", m.get("createdAt"));
    row.addProperty("updatedAt", "2026-11-20T02:00:01Z");
    JsonObject versions = new JsonObject();
    for (String f : PATIENT_FIELDS) {
      versions.add(f, version(hlc, deviceId));
    }
    row.add("versions", versions);
    row.addProperty("inScope", true);
    db.patients.put(id, row);
    return applied(m, touch("PATIENT", id), hlc, 0);
  }

  static final String[] PATIENT_FIELDS = {
    "name",
    "sex",
    "birthDate",
    "residentId",
    "phone",
    "villageCode",
    "address",
    "healthRecordNumber",
    "heightCm",
    "hypertensionDiagnosedOn",
    "diabetesDiagnosedOn",
    "status"
  };

  private JsonObject updatePatient(
      JsonObject m, JsonObject p, long hlc, String deviceId, String author) {
    String id = p.get("patientId").getAsString();
    JsonObject row = db.patients.get(id);
    if (row == null) {
      return rejected(m, "PATIENT_NOT_FOUND", null);
    }
    JsonObject versions = row.getAsJsonObject("versions");
    JsonObject fields = p.getAsJsonObject("fields");
    JsonObject base = p.getAsJsonObject("base");
    JsonObject mine = version(hlc, deviceId);
    int conflicts = 0;
    for (Map.Entry<String, JsonElement> f : fields.entrySet()) {
      String field = f.getKey();
      JsonObject cur = versions.getAsJsonObject(field);
      JsonElement b = base.get(field);
      if (b != null && b.isJsonObject() && compare(b.getAsJsonObject(), cur) == 0) {
        row.add(field, f.getValue());
        versions.add(field, mine);
      } else if (f.getValue().equals(row.get(field))) {
        versions.add(field, compare(mine, cur) >= 0 ? mine : cur);
      } else {
        boolean mineWins = compare(mine, cur) > 0;
        JsonObject conflict = new JsonObject();
        String conflictId = UUID.randomUUID().toString();
        conflict.addProperty("id", conflictId);
        conflict.addProperty("patientId", id);
        conflict.addProperty("field", field);
        JsonObject winner = side(mineWins ? f.getValue() : row.get(field), mineWins ? mine : cur);
        JsonObject loser = side(mineWins ? row.get(field) : f.getValue(), mineWins ? cur : mine);
        winner.addProperty("authorId", author);
        conflict.add("winner", winner);
        conflict.add("loser", loser);
        conflict.addProperty("detectedAt", "2026-11-20T02:00:01Z");
        conflict.addProperty("status", "OPEN");
        db.conflicts.put(conflictId, conflict);
        touch("CONFLICT", conflictId);
        conflicts++;
        if (mineWins) {
          row.add(field, f.getValue());
          versions.add(field, mine);
        }
      }
    }
    return applied(m, touch("PATIENT", id), hlc, conflicts);
  }

  private JsonObject recordVisit(
      JsonObject m,
      JsonObject form,
      JsonObject payload,
      @Nullable String amends,
      @Nullable String amendReason,
      String author) {
    String id = form.get("id").getAsString();
    if (db.visits.containsKey(id)) {
      return applied(m, db.feed.get(id).get("seq").getAsLong(), m.get("hlc").getAsLong(), 0);
    }
    JsonObject row = form.deepCopy();
    String named =
        amends == null
            ? payload.get("patientId").getAsString()
            : db.visits.get(amends).get("patientId").getAsString();
    // A visit for a merged duplicate is filed under its survivor, as the real server does.
    row.addProperty("patientId", db.redirects.getOrDefault(named, named));
    row.addProperty("doctorId", author);
    row.addProperty("receivedAt", "2026-11-20T02:00:01Z");
    JsonObject assessment = assess.apply(payload.getAsJsonObject("clientAssessment").deepCopy());
    assessment.addProperty("ageAtVisit", 68);
    assessment.addProperty("recommendedActionZh", "服务器建议");
    assessment.addProperty("recommendedActionEn", "server advice");
    row.add("assessment", assessment);
    row.add("warnings", new JsonArray());
    row.add("amends", amends == null ? JsonNull.INSTANCE : GSON.toJsonTree(amends));
    row.add("amendReason", amendReason == null ? JsonNull.INSTANCE : GSON.toJsonTree(amendReason));
    row.add("voidedAt", JsonNull.INSTANCE);
    row.add("voidedBy", JsonNull.INSTANCE);
    row.add("voidReason", JsonNull.INSTANCE);
    row.add("assessmentMismatch", JsonNull.INSTANCE);
    db.visits.put(id, row);
    return applied(m, touch("FOLLOW_UP", id), m.get("hlc").getAsLong(), 0);
  }

  private long touch(String type, String id) {
    long seq = ++db.changeSeq;
    JsonObject entry = new JsonObject();
    entry.addProperty("type", type);
    entry.addProperty("seq", seq);
    db.feed.put(id, entry);
    return seq;
  }

  private static JsonObject applied(JsonObject m, long changeSeq, long hlc, int conflicts) {
    JsonObject r = result(m);
    r.addProperty("status", "APPLIED");
    r.addProperty("changeSeq", changeSeq);
    r.addProperty("hlc", hlc);
    r.addProperty("conflicts", conflicts);
    return r;
  }

  private static JsonObject rejected(JsonObject m, String code, @Nullable String field) {
    JsonObject r = result(m);
    r.addProperty("status", "REJECTED");
    r.add("changeSeq", JsonNull.INSTANCE);
    r.addProperty("hlc", m.get("hlc").getAsLong());
    r.addProperty("conflicts", 0);
    r.addProperty("code", code);
    r.addProperty("messageZh", "拒绝：" + code);
    r.addProperty("messageEn", "Rejected: " + code);
    JsonArray fieldErrors = new JsonArray();
    if (field != null) {
      JsonObject fe = new JsonObject();
      fe.addProperty("field", field);
      fe.addProperty("code", "REQUIRED");
      fe.addProperty("messageZh", "此项必填。");
      fe.addProperty("messageEn", "must not be blank");
      fieldErrors.add(fe);
    }
    r.add("fieldErrors", fieldErrors);
    return r;
  }

  private static JsonObject result(JsonObject m) {
    JsonObject r = new JsonObject();
    r.add("mutationId", m.get("mutationId"));
    r.add("deviceSeq", m.get("deviceSeq"));
    r.addProperty("duplicate", false);
    r.addProperty("clockSuspect", false);
    r.add("code", JsonNull.INSTANCE);
    r.add("messageZh", JsonNull.INSTANCE);
    r.add("messageEn", JsonNull.INSTANCE);
    r.add("fieldErrors", new JsonArray());
    return r;
  }

  private static JsonObject duplicate(JsonObject stored) {
    JsonObject r = stored.deepCopy();
    r.addProperty("duplicate", true);
    return r;
  }

  private static JsonObject version(long hlc, String deviceId) {
    JsonObject v = new JsonObject();
    v.addProperty("hlc", hlc);
    v.addProperty("deviceId", deviceId);
    return v;
  }

  private static JsonObject side(JsonElement value, JsonObject version) {
    JsonObject s = new JsonObject();
    s.add("value", value);
    s.add("hlc", version.get("hlc"));
    s.add("deviceId", version.get("deviceId"));
    s.add("authorId", JsonNull.INSTANCE);
    return s;
  }

  // By value, not JsonObject.equals: Gson compares large numbers as doubles, which confuses
  // HLCs of the same millisecond.
  private static int compare(JsonObject a, JsonObject b) {
    int byHlc = Long.compare(a.get("hlc").getAsLong(), b.get("hlc").getAsLong());
    return byHlc != 0
        ? byHlc
        : a.get("deviceId")
            .getAsString()
            .toLowerCase(Locale.ROOT)
            .compareTo(b.get("deviceId").getAsString().toLowerCase(Locale.ROOT));
  }

  private static String zeroDevice() {
    return new UUID(0, 0).toString();
  }

  // --- HTTP helpers ----------------------------------------------------------------------

  /** The request body as JSON, inflated if it was sent gzip-compressed. */
  static JsonObject body(RecordedRequest request) {
    Buffer raw = request.getBody().clone();
    try {
      String text =
          "gzip".equals(request.getHeader("Content-Encoding"))
              ? Okio.buffer(new GzipSource(raw)).readUtf8()
              : raw.readUtf8();
      return text.isEmpty() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError("request body is not gzip", e);
    }
  }

  static MockResponse json(int status, JsonElement body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(GSON.toJson(body));
  }

  /** A JSON answer compressed with gzip, as the server compresses responses. */
  static MockResponse gzipJson(JsonElement body) {
    Buffer gz = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new okio.GzipSink(gz))) {
      sink.writeUtf8(GSON.toJson(body));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip")
        .setBody(gz);
  }

  static MockResponse error(int status, String code) {
    JsonObject e = new JsonObject();
    e.addProperty("status", status);
    e.addProperty("code", code);
    e.addProperty("messageZh", "错误：" + code);
    e.addProperty("messageEn", "Error: " + code);
    e.add("fieldErrors", new JsonArray());
    e.addProperty("help", "docs/errors.md#" + code.toLowerCase(Locale.ROOT));
    return json(status, e);
  }

  private static Db copy(Db db) {
    return GSON.fromJson(GSON.toJson(db), Db.class);
  }

  static Instant instant(JsonElement e) {
    return Instant.parse(e.getAsString());
  }
}
