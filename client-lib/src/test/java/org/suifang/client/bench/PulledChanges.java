package org.suifang.client.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.suifang.client.Condition;
import org.suifang.client.PatientRegistration;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.state.PatientData;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;

/**
 * Generated villages as the server's change feed delivers them (docs/sync-protocol.md, "Change
 * types"): {@code PATIENT} rows with a version per field, then each patient's {@code FOLLOW_UP}
 * rows in the shape of {@code GET /api/v1/follow-ups/{id}} (every form field, nulls included, the
 * server's assessment with coded labels, the record's state), cut into sync answers of {@code
 * pageSize} changes with an {@code {epoch, seq, scope, sig}} cursor.
 */
public final class PulledChanges {
  public static final String EPOCH = "epoch-bench";
  public static final String SCOPE = "a1b2c3d4e5f6";
  public static final UUID DOCTOR = UUID.fromString("0190f5c4-0000-7000-8000-000000000001");
  private static final String DEVICE = "0190f5c4-0000-7000-8000-0000000000d1";
  private static final Instant SERVER_TIME = Instant.parse("2026-11-20T02:00:01Z");
  private static final long HLC0 = 113_045_465_464_684_544L;
  private static final Gson WIRE =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final List<JsonObject> changes = new ArrayList<>();
  private final Random ids;
  private int patients;
  private int visits;

  private PulledChanges(long seed) {
    this.ids = new Random(seed);
  }

  /** {@code villages} generated villages of 500 patients (seed {@code seed + i}), in feed order. */
  public static PulledChanges villages(long seed, int villages) {
    PulledChanges out = new PulledChanges(seed);
    for (int v = 0; v < villages; v++) {
      String code = String.format(Locale.ROOT, "1301231002%02d", v + 1);
      out.add(VillageData.generate(seed + v, code));
    }
    return out;
  }

  /** The village's change rows: each patient, then the patient's follow-ups. */
  private void add(VillageData data) {
    for (VillageData.PatientPlan plan : data.patients()) {
      UUID patientId = id();
      changes.add(row("PATIENT", patientId, patient(patientId, plan.registration)));
      patients++;
      for (VisitForm form : plan.visits) {
        UUID visitId = id();
        changes.add(row("FOLLOW_UP", visitId, followUp(visitId, patientId, plan, form)));
        visits++;
      }
    }
  }

  /**
   * A UUIDv7 as a server or tablet makes them: 48 bits of milliseconds, then random bits (seeded,
   * so every run has the same ids). Real ids matter: structured ones collide in hash maps.
   */
  private UUID id() {
    long millis = 1_640_995_200_000L + (ids.nextLong() >>> 28); // 2022 onwards
    long msb = (millis << 16) | 0x7000L | (ids.nextInt() & 0xfffL);
    long lsb = 0x8000000000000000L | (ids.nextLong() >>> 2);
    return new UUID(msb, lsb);
  }

  public int patientCount() {
    return patients;
  }

  public int visitCount() {
    return visits;
  }

  /** Every change, in feed order (seq 1, 2, …); the objects are shared, do not change them. */
  public int size() {
    return changes.size();
  }

  /** The sync answer carrying changes {@code [from, from + count)} of the feed. */
  public JsonObject page(int from, int count) {
    int to = Math.min(changes.size(), from + count);
    JsonArray rows = new JsonArray();
    for (int i = from; i < to; i++) {
      JsonObject c = new JsonObject();
      c.addProperty("seq", i + 1);
      JsonObject r = changes.get(i);
      c.add("type", r.get("type"));
      c.add("id", r.get("id"));
      c.add("data", r.get("data"));
      rows.add(c);
    }
    JsonObject answer = new JsonObject();
    answer.add("results", new JsonArray());
    answer.add("ackedThroughSeq", JsonNull.INSTANCE);
    answer.add("expectedSeq", JsonNull.INSTANCE);
    answer.addProperty("ackChangeSeq", 0);
    answer.addProperty("resetRequired", false);
    answer.add("changes", rows);
    JsonObject cursor = new JsonObject();
    cursor.addProperty("epoch", EPOCH);
    cursor.addProperty("seq", to);
    cursor.addProperty("scope", SCOPE);
    cursor.addProperty("sig", String.format(Locale.ROOT, "%064x", (long) to * 2654435761L));
    answer.add("nextCursor", cursor);
    answer.addProperty("hasMore", to < changes.size());
    answer.addProperty("serverHlc", HLC0 + to);
    answer.addProperty("serverTime", SERVER_TIME.toString());
    return answer;
  }

  /** The feed cut into pages of {@code pageSize}, as JSON bytes (UTF-8). */
  public List<byte[]> pages(int pageSize) {
    List<byte[]> pages = new ArrayList<>();
    for (int from = 0; from < changes.size(); from += pageSize) {
      pages.add(json(page(from, pageSize)));
    }
    return pages;
  }

  public static byte[] json(JsonElement e) {
    return WIRE.toJson(e).getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static JsonObject row(String type, UUID id, JsonObject data) {
    JsonObject r = new JsonObject();
    r.addProperty("type", type);
    r.addProperty("id", id.toString());
    r.add("data", data);
    return r;
  }

  private static JsonObject patient(UUID id, PatientRegistration r) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id.toString());
    o.addProperty("name", r.name());
    o.addProperty("sex", r.sex().name());
    o.addProperty("birthDate", r.birthDate().toString());
    o.addProperty("residentId", r.residentId());
    o.addProperty("phone", r.phone());
    o.addProperty("villageCode", r.villageCode());
    o.addProperty("countyCode", r.villageCode().substring(0, 6));
    o.addProperty("address", r.address());
    o.add("healthRecordNumber", JsonNull.INSTANCE);
    o.addProperty("heightCm", r.heightCm());
    o.add("hypertensionDiagnosedOn", JsonNull.INSTANCE);
    o.add("diabetesDiagnosedOn", JsonNull.INSTANCE);
    for (Condition c : r.conditions()) {
      o.addProperty(
          c.disease() == Disease.HYPERTENSION ? "hypertensionDiagnosedOn" : "diabetesDiagnosedOn",
          c.diagnosedOn().toString());
    }
    JsonObject status = new JsonObject();
    status.addProperty("status", "ACTIVE");
    status.add("reason", JsonNull.INSTANCE);
    status.addProperty("date", "2021-11-20");
    status.add("note", JsonNull.INSTANCE);
    o.add("status", status);
    o.addProperty("createdBy", DOCTOR.toString());
    o.addProperty("createdAt", "2021-11-20T01:30:00Z");
    o.addProperty("updatedAt", "2021-11-20T01:30:00Z");
    JsonObject versions = new JsonObject();
    for (String f : PatientData.FIELDS) {
      JsonObject v = new JsonObject();
      v.addProperty("hlc", HLC0 - 1_000_000L);
      v.addProperty("deviceId", DEVICE);
      versions.add(f, v);
    }
    o.add("versions", versions);
    o.addProperty("inScope", true);
    o.add("mergedInto", JsonNull.INSTANCE);
    return o;
  }

  private static JsonObject followUp(
      UUID id, UUID patientId, VillageData.PatientPlan plan, VisitForm form) {
    VisitForm withId = form.toBuilder().id(id).build();
    // The form's fields as stored, every one written (nulls and empty lists included).
    JsonObject o = Json.GSON.toJsonTree(withId).getAsJsonObject();
    for (java.lang.reflect.Field f : VisitForm.class.getDeclaredFields()) {
      SerializedName name = f.getAnnotation(SerializedName.class);
      if (name != null && !o.has(name.value())) {
        o.add(name.value(), JsonNull.INSTANCE);
      }
    }
    LocalDate date = form.visitDate();
    boolean faceToFace = form.systolic() != null;
    boolean controlled =
        form.disease() == Disease.HYPERTENSION
            ? form.systolic() == null || form.systolic() < 140 && form.diastolic() < 90
            : form.fastingGlucose() == null || form.fastingGlucose().doubleValue() < 7.0;
    Classification cls = controlled ? Classification.CONTROLLED : Classification.UNCONTROLLED;
    NextStep step = controlled ? NextStep.ROUTINE : NextStep.FIRST_UNCONTROLLED_RECHECK;
    if (form.weightKg() != null) {
      BigDecimal h = plan.registration.heightCm().movePointLeft(2);
      o.addProperty("bmi", form.weightKg().divide(h.multiply(h), 1, RoundingMode.HALF_UP));
    } else {
      o.add("bmi", JsonNull.INSTANCE);
    }
    o.addProperty("faceToFace", faceToFace);
    o.addProperty("patientId", patientId.toString());
    o.addProperty("doctorId", DOCTOR.toString());
    o.addProperty("doctorName", "张医生");
    o.addProperty("recordedAt", date + "T01:30:00Z");
    o.addProperty("receivedAt", date + "T09:12:44Z");
    JsonObject a = new JsonObject();
    a.addProperty("ruleSetId", "bphs-2017");
    a.addProperty("ageAtVisit", Period.between(plan.registration.birthDate(), date).getYears());
    a.add("dangerSigns", new JsonArray());
    a.addProperty("urgentReferral", false);
    a.add("classification", label(cls.name(), cls.code(), cls.labelZh(), cls.labelEn()));
    a.add("nextStep", label(step.name(), step.code(), step.labelZh(), step.labelEn()));
    a.addProperty("recommendedActionZh", controlled ? "预约下一次随访，3个月内随访" : "调整用药，2周内随访");
    a.addProperty(
        "recommendedActionEn",
        controlled
            ? "Book the next follow-up within 3 months"
            : "Adjust the medication; follow up within 2 weeks");
    a.addProperty("nextDueDate", date.plusDays(controlled ? 90 : 14).toString());
    a.addProperty("bphsControlled", controlled);
    a.addProperty("clinicalTargetMet", controlled);
    o.add("assessment", a);
    o.add("effectiveClassification", label(cls.name(), cls.code(), cls.labelZh(), cls.labelEn()));
    o.add("warnings", new JsonArray());
    o.addProperty("state", "CURRENT");
    o.add("amends", JsonNull.INSTANCE);
    o.add("amendReason", JsonNull.INSTANCE);
    o.add("supersededBy", JsonNull.INSTANCE);
    o.add("voidedAt", JsonNull.INSTANCE);
    o.add("voidedBy", JsonNull.INSTANCE);
    o.add("voidReason", JsonNull.INSTANCE);
    o.add("assessmentMismatch", JsonNull.INSTANCE);
    o.addProperty("clockSuspect", false);
    o.addProperty("version", 0);
    return o;
  }

  private static JsonObject label(String code, int formCode, String zh, String en) {
    JsonObject l = new JsonObject();
    l.addProperty("code", code);
    l.addProperty("formCode", formCode);
    l.addProperty("labelZh", zh);
    l.addProperty("labelEn", en);
    return l;
  }
}
