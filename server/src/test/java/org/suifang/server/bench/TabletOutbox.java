package org.suifang.server.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.suifang.client.Condition;
import org.suifang.client.MutationType;
import org.suifang.client.PatientRegistration;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.VisitForm;
import org.suifang.client.bench.VillageData;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.UuidV7;
import org.suifang.client.internal.checks.FormChecks;
import org.suifang.client.internal.net.MutationWire;
import org.suifang.client.internal.net.SyncRequest;
import org.suifang.rules.Assessment;
import org.suifang.rules.Assessor;
import org.suifang.rules.Disease;
import org.suifang.rules.PreviousVisit;
import org.suifang.rules.RuleSet;
import org.suifang.rules.RuleSets;
import org.suifang.rules.VisitMode;

/**
 * The outbox of one benchmark tablet: a village from {@link VillageData}, turned into the {@code
 * POST /api/v1/sync} bodies the SDK would send for it (the SDK's own wire classes {@link
 * SyncRequest} and {@link MutationWire}, its Gson, gzipped as it sends them). The payloads are
 * built as {@code PatientOps.register} and {@code VisitOps.record} build them: the registration's
 * fields, and the completed form (with a UUIDv7 id and its recording time) with the tablet rules'
 * assessment. Bodies are built up front so that the load generator only sends bytes.
 */
final class TabletOutbox {

  final UUID deviceId = UUID.randomUUID();
  final UUID userId;
  final String villageCode;
  private final List<MutationWire> registrations = new ArrayList<>();
  private final List<MutationWire> visits = new ArrayList<>();
  private final UuidV7 ids;
  private long nextSeq = 1;
  private long hlc;
  private int registrationsTaken;
  private int visitsTaken;

  /**
   * The village of {@code patients} patients generated from {@code seed}, leaving out patients
   * whose resident ID is in {@code takenIds} (the ID is unique per county) and adding the others'.
   */
  TabletOutbox(
      long seed, String villageCode, int patients, UUID userId, Set<String> takenIds, Instant at) {
    this.userId = userId;
    this.villageCode = villageCode;
    this.ids = new UuidV7(new Random(seed));
    this.hlc = at.toEpochMilli() << 16; // the HLC of a tablet whose clock reads {@code at}
    RuleSet rules = RuleSets.defaultRuleSet();
    Assessor assessor = new Assessor(rules);
    VillageData village = VillageData.generate(seed, villageCode, patients);
    List<Object[]> dated = new ArrayList<>();
    for (VillageData.PatientPlan plan : village.patients()) {
      PatientRegistration r = plan.registration;
      if (!takenIds.add(r.residentId())) {
        continue;
      }
      UUID patientId = ids.next(at.toEpochMilli());
      registrations.add(mutation(MutationType.PATIENT_CREATE, patientId, create(patientId, r), at));
      Map<Disease, PreviousVisit> previous = new HashMap<>();
      for (VisitForm form : plan.visits) {
        dated.add(new Object[] {form.visitDate(), patientId, r, form, previous});
      }
    }
    // A tablet records the visits day by day, across its patients.
    dated.sort(Comparator.comparing(o -> (java.time.LocalDate) o[0]));
    for (Object[] d : dated) {
      UUID patientId = (UUID) d[1];
      PatientRegistration r = (PatientRegistration) d[2];
      VisitForm form = (VisitForm) d[3];
      @SuppressWarnings("unchecked")
      Map<Disease, PreviousVisit> previous = (Map<Disease, PreviousVisit>) d[4];
      VisitForm f = form.toBuilder().id(ids.next(at.toEpochMilli())).recordedAt(at).build();
      Assessment a = assess(assessor, rules, r, f, previous.get(f.disease()));
      if (f.mode() != VisitMode.PHONE && a.classification() != null) {
        previous.put(
            f.disease(), PreviousVisit.of(f.visitDate(), a.classification(), a.bphsControlled()));
      }
      JsonObject payload = new JsonObject();
      payload.addProperty("patientId", patientId.toString());
      payload.add("followUp", Json.compactTree(f));
      payload.add("clientAssessment", clientAssessment(a));
      visits.add(mutation(MutationType.FOLLOW_UP_RECORD, f.id(), payload, at));
    }
  }

  private static Assessment assess(
      Assessor assessor, RuleSet rules, PatientRegistration r, VisitForm f, PreviousVisit prev) {
    boolean htn = false;
    boolean dm = false;
    for (Condition c : r.conditions()) {
      htn |= c.disease() == Disease.HYPERTENSION;
      dm |= c.disease() == Disease.DIABETES;
    }
    try {
      FormChecks.Checked checked =
          FormChecks.check(
              f, r.birthDate(), r.sex(), htn, dm, rules, VillageData.TODAY.plusDays(1), "");
      return assessor.assess(f.disease(), checked.context, checked.input, prev);
    } catch (SuifangValidationException e) {
      throw new IllegalStateException("VillageData made an invalid form: " + e.getMessage(), e);
    }
  }

  private static JsonObject clientAssessment(Assessment a) {
    JsonObject o = new JsonObject();
    o.addProperty("ruleSetId", a.ruleSetId());
    JsonArray signs = new JsonArray();
    a.dangerSigns().forEach(s -> signs.add(s.name()));
    o.add("dangerSigns", signs);
    o.addProperty("urgentReferral", a.urgentReferral());
    if (a.classification() != null) {
      o.addProperty("classification", a.classification().name());
    }
    if (a.nextStep() != null) {
      o.addProperty("nextStep", a.nextStep().name());
    }
    if (a.nextDueDate() != null) {
      o.addProperty("nextDueDate", a.nextDueDate().toString());
    }
    return o;
  }

  private static JsonObject create(UUID id, PatientRegistration r) {
    JsonObject p = new JsonObject();
    p.addProperty("id", id.toString());
    p.addProperty("name", r.name());
    p.addProperty("sex", r.sex().name());
    p.addProperty("birthDate", r.birthDate().toString());
    p.addProperty("residentId", r.residentId());
    p.addProperty("phone", r.phone());
    p.addProperty("villageCode", r.villageCode());
    p.addProperty("address", r.address());
    if (r.healthRecordNumber() != null) {
      p.addProperty("healthRecordNumber", r.healthRecordNumber());
    }
    if (r.heightCm() != null) {
      p.addProperty("heightCm", r.heightCm());
    }
    JsonArray conditions = new JsonArray();
    for (Condition c : r.conditions()) {
      JsonObject o = new JsonObject();
      o.addProperty("disease", c.disease().name());
      o.addProperty("diagnosedOn", c.diagnosedOn().toString());
      conditions.add(o);
    }
    p.add("conditions", conditions);
    return p;
  }

  private MutationWire mutation(String type, UUID id, JsonObject payload, Instant at) {
    MutationWire m = new MutationWire();
    m.mutationId = id;
    m.deviceSeq = 0; // numbered when sent: registrations first
    m.hlc = ++hlc;
    m.authorId = userId;
    m.type = type;
    m.schemaVersion = 1;
    m.createdAt = at;
    m.payload = payload;
    return m;
  }

  private MutationWire mutation(MutationType type, UUID id, JsonObject payload, Instant at) {
    return mutation(type.name(), id, payload, at);
  }

  int registrationCount() {
    return registrations.size();
  }

  int visitCount() {
    return visits.size();
  }

  int visitsLeft() {
    return visits.size() - visitsTaken;
  }

  /** The bodies that push every registration, {@code page} mutations a request. */
  List<byte[]> registrationBodies(int page) {
    List<byte[]> bodies = new ArrayList<>();
    while (registrationsTaken < registrations.size()) {
      int n = Math.min(page, registrations.size() - registrationsTaken);
      bodies.add(body(registrations.subList(registrationsTaken, registrationsTaken + n)));
      registrationsTaken += n;
    }
    return bodies;
  }

  /** The bodies of the next {@code requests} pages of {@code page} visits. */
  List<byte[]> visitBodies(int requests, int page) {
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      if (visitsTaken + page > visits.size()) {
        throw new IllegalStateException(
            "The village has " + visitsLeft() + " visits left, not " + page);
      }
      bodies.add(body(visits.subList(visitsTaken, visitsTaken + page)));
      visitsTaken += page;
    }
    return bodies;
  }

  /** A push without pull, as the SDK sends it (gzipped). */
  private byte[] body(List<MutationWire> page) {
    List<MutationWire> numbered = new ArrayList<>();
    for (MutationWire m : page) {
      m.deviceSeq = nextSeq++;
      numbered.add(m);
    }
    SyncRequest r = new SyncRequest();
    r.deviceId = deviceId;
    r.cursor = null;
    r.schemaVersion = 1;
    r.appVersion = "0.3.0-bench";
    r.clientHlc = hlc;
    r.clientTime = page.get(0).createdAt;
    r.pendingCount = page.size();
    r.oldestPendingAt = page.get(0).createdAt;
    r.mutations = numbered;
    r.pullLimit = 0;
    r.pullMaxBytes = 524_288;
    return gzip(Json.GSON.toJson(r));
  }

  /** A pull of one page of {@code limit} after {@code cursor} (JSON, or null), gzipped. */
  byte[] pullBody(String cursorJson, int limit) {
    SyncRequest r = new SyncRequest();
    r.deviceId = deviceId;
    r.cursor = cursorJson == null ? null : com.google.gson.JsonParser.parseString(cursorJson);
    r.schemaVersion = 1;
    r.appVersion = "0.3.0-bench";
    r.clientHlc = hlc;
    r.clientTime = Instant.now();
    r.pendingCount = 0;
    r.mutations = List.of();
    r.pullLimit = limit;
    r.pullMaxBytes = 4 * 1024 * 1024;
    return gzip(Json.GSON.toJson(r));
  }

  static byte[] gzip(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
