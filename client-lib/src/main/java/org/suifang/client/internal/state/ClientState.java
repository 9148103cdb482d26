package org.suifang.client.internal.state;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.FieldVersion;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.ChangeWire;
import org.suifang.client.internal.net.ResultWire;
import org.suifang.client.internal.net.SyncResponse;

/**
 * The device's state in memory: the replay of the snapshot and the transactions after it. {@link
 * #apply} is the only way it changes, live and on replay alike, so a reopened store gives the same
 * state. Not thread-safe: the client serialises calls.
 */
public final class ClientState {
  private final StateData d;

  // Derived from d.visits; rebuilt on load, kept up to date by apply.
  private final Map<UUID, Set<UUID>> visitsByPatient = new HashMap<>();
  private final Map<UUID, UUID> amendedBy = new HashMap<>();

  @Nullable private ReadModel readModel;

  private ClientState(StateData d) {
    this.d = d;
    for (VisitData v : d.visits.values()) {
      index(v);
    }
  }

  /** Returns the state of a new data directory. */
  public static ClientState empty() {
    return new ClientState(new StateData());
  }

  /**
   * Returns the state stored in a snapshot.
   *
   * @throws JsonParseException if the snapshot cannot be read
   */
  public static ClientState fromSnapshot(byte[] snapshot) {
    StateData d;
    if (isBinary(snapshot)) {
      int jsonLength = intAt(snapshot, MAGIC.length);
      int jsonStart = MAGIC.length + 4;
      if (jsonLength < 0 || jsonLength > snapshot.length - jsonStart) {
        throw new JsonParseException("snapshot header length " + jsonLength + " out of range");
      }
      d =
          Json.GSON.fromJson(
              new Utf8Reader(snapshot, jsonStart, jsonStart + jsonLength), StateData.class);
      if (d != null) {
        try {
          readVisits(snapshot, jsonStart + jsonLength, d.visits);
        } catch (RuntimeException e) {
          throw e instanceof JsonParseException
              ? e
              : new JsonParseException("snapshot records cannot be read", e);
        }
      }
    } else {
      d = Json.GSON.fromJson(reader(snapshot), StateData.class);
    }
    if (d == null) {
      throw new JsonParseException("empty snapshot");
    }
    if (d.schema != StateData.SCHEMA) {
      throw new JsonParseException("snapshot schema " + d.schema + " is not " + StateData.SCHEMA);
    }
    return new ClientState(d);
  }

  /** Returns the state as a snapshot. */
  public byte[] snapshot() {
    byte[] json = WITHOUT_VISITS.toJson(d).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1200 * d.visits.size());
    out.write(MAGIC, 0, MAGIC.length);
    out.write(json.length >>> 24);
    out.write(json.length >>> 16);
    out.write(json.length >>> 8);
    out.write(json.length);
    out.write(json, 0, json.length);
    RecordCodec.Writer w = VISITS.new Writer(out);
    w.write(d.visits.size());
    for (Map.Entry<UUID, VisitData> e : d.visits.entrySet()) {
      w.write(e.getKey());
      w.write(e.getValue());
    }
    return out.toByteArray();
  }

  /**
   * The head of a snapshot in the binary layout (docs/local-store.md "Snapshot"); a JSON snapshot
   * (the layout before it, still read) starts with a brace.
   */
  private static final byte[] MAGIC = {0, 'S', 'F', 2};

  /** The follow-up records of a snapshot. */
  private static final RecordCodec VISITS = new RecordCodec(VisitData.class);

  /** The rest of the state, as JSON: everything but the follow-up records. */
  private static final Gson WITHOUT_VISITS =
      Json.GSON
          .newBuilder()
          .setExclusionStrategies(
              new ExclusionStrategy() {
                @Override
                public boolean shouldSkipField(FieldAttributes f) {
                  return f.getDeclaringClass() == StateData.class && f.getName().equals("visits");
                }

                @Override
                public boolean shouldSkipClass(Class<?> c) {
                  return false;
                }
              })
          .create();

  private static boolean isBinary(byte[] snapshot) {
    if (snapshot.length < MAGIC.length + 4) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (snapshot[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static int intAt(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24)
        | ((b[p + 1] & 0xFF) << 16)
        | ((b[p + 2] & 0xFF) << 8)
        | (b[p + 3] & 0xFF);
  }

  private static void readVisits(byte[] snapshot, int offset, Map<UUID, VisitData> visits) {
    RecordCodec.Reader r = VISITS.new Reader(snapshot, offset);
    Integer count = r.read(Integer.class);
    if (count == null || count < 0) {
      throw new JsonParseException("snapshot without a record count");
    }
    for (int i = 0; i < count; i++) {
      UUID id = r.read(UUID.class);
      VisitData v = r.read(VisitData.class);
      if (id == null || v == null) {
        throw new JsonParseException("snapshot record " + i + " without an id or a body");
      }
      visits.put(id, v);
    }
    if (r.position() != snapshot.length) {
      throw new JsonParseException(
          "snapshot has " + (snapshot.length - r.position()) + " bytes after its records");
    }
  }

  /**
   * Returns a transaction as stored: JSON, a round trip's answer as received when it was read from
   * it in one pass ({@link SyncResponse#json}), else written again (docs/local-store.md).
   */
  public static byte[] serialize(Tx tx) {
    String answer = tx.response == null ? null : tx.response.json;
    // Encoded as written: an answer is a megabyte, which a String and its copy would double.
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(answer == null ? 512 : answer.length() + 512);
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      JOURNAL.toJson(tx, Tx.class, w);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write to memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes transactions: {@link Json#GSON}, but an answer read in one pass is written as the text
   * received rather than again from its parts (its rows carry no {@code data} trees then). The text
   * is the same JSON object (strict JSON: AnswerReader reads only that), so readers of either find
   * the same answer.
   */
  private static final Gson JOURNAL =
      Json.GSON
          .newBuilder()
          .registerTypeAdapterFactory(
              new TypeAdapterFactory() {
                @Override
                @Nullable
                @SuppressWarnings("unchecked")
                public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
                  if (token.getRawType() != SyncResponse.class) {
                    return null;
                  }
                  final TypeAdapter<SyncResponse> delegate =
                      gson.getDelegateAdapter(this, TypeToken.get(SyncResponse.class));
                  return (TypeAdapter<T>)
                      new TypeAdapter<SyncResponse>() {
                        @Override
                        public void write(JsonWriter out, @Nullable SyncResponse value)
                            throws IOException {
                          if (value != null && value.json != null) {
                            out.jsonValue(value.json);
                          } else {
                            delegate.write(out, value);
                          }
                        }

                        @Override
                        public SyncResponse read(JsonReader in) throws IOException {
                          return delegate.read(in);
                        }
                      };
                }
              })
          .create();

  /**
   * Returns a stored transaction.
   *
   * @throws JsonParseException if it cannot be read
   */
  public static Tx deserialize(byte[] bytes) {
    Tx tx = Json.GSON.fromJson(reader(bytes), Tx.class);
    if (tx == null || tx.kind == null || tx.at == null) {
      throw new JsonParseException("not a transaction");
    }
    return tx;
  }

  /** Reads UTF-8 bytes without first copying them into a String (a snapshot is megabytes). */
  private static Reader reader(byte[] bytes) {
    return new Utf8Reader(bytes);
  }

  // --- reads -------------------------------------------------------------------------------

  @Nullable
  public UUID deviceId() {
    return d.deviceId;
  }

  public long lastDeviceSeq() {
    return d.lastDeviceSeq;
  }

  public long ackedThroughSeq() {
    return d.ackedThroughSeq;
  }

  /** Returns the server's {@code lastSeq} for the current device id, as last heard. */
  public long serverLastSeq() {
    return d.serverLastSeq;
  }

  public long hlc() {
    return d.hlc;
  }

  @Nullable
  public JsonObject cursor() {
    return d.cursor == null || !d.cursor.isJsonObject()
        ? null
        : d.cursor.getAsJsonObject().deepCopy();
  }

  /** Returns the {@code seq} of the cursor, 0 before the first pull. */
  public long cursorSeq() {
    JsonObject cursor = cursor();
    if (cursor == null) {
      return 0;
    }
    JsonElement seq = cursor.get("seq");
    return seq == null || seq.isJsonNull() ? 0 : seq.getAsLong();
  }

  @Nullable
  public Registration registration() {
    return d.registration;
  }

  @Nullable
  public Instant lastSuccessfulSyncAt() {
    return d.lastSuccessfulSyncAt;
  }

  @Nullable
  public Instant lastResetAt() {
    return d.lastResetAt;
  }

  /** Returns the pending mutations in device-seq order (unmodifiable). */
  public List<OutboxEntry> outbox() {
    return Collections.unmodifiableList(d.outbox);
  }

  /** Returns the acknowledged mutations still retained (unmodifiable). */
  public List<OutboxEntry> sent() {
    return Collections.unmodifiableList(d.sent);
  }

  /** Returns the rejections, oldest first (unmodifiable). */
  public List<RejectionData> rejections() {
    return Collections.unmodifiableList(d.rejections);
  }

  /** Returns the pulled conflict rows (unmodifiable). */
  public Map<UUID, ConflictData> conflicts() {
    return Collections.unmodifiableMap(d.conflicts);
  }

  /** Returns the pulled patients (unmodifiable). */
  public Map<UUID, PatientData> serverPatients() {
    return Collections.unmodifiableMap(d.patients);
  }

  /**
   * Returns the patient that stands for {@code id}: the survivor a merged duplicate redirects to
   * (following merges of merges), or {@code id} itself.
   */
  public UUID current(UUID id) {
    UUID current = id;
    // A chain longer than the map is a cycle, which the server never makes; stop rather than spin.
    for (int hops = 0; hops <= d.redirects.size(); hops++) {
      UUID next = d.redirects.get(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** Returns whether {@code id} is a merged duplicate that redirects to another patient. */
  public boolean isRedirected(UUID id) {
    return d.redirects.containsKey(id);
  }

  /** Returns the pulled follow-ups (unmodifiable). */
  public Map<UUID, VisitData> serverVisits() {
    return Collections.unmodifiableMap(d.visits);
  }

  Set<UUID> serverVisitIdsOf(UUID patientId) {
    Set<UUID> ids = visitsByPatient.get(patientId);
    return ids == null ? Collections.<UUID>emptySet() : ids;
  }

  @Nullable
  UUID serverAmendedBy(UUID visitId) {
    return amendedBy.get(visitId);
  }

  /** Returns whether an acknowledged entry still lays its change over the pulled data. */
  public boolean inOverlay(OutboxEntry e) {
    if (e.isRejected()) {
      return false;
    }
    return e.overlayUntil == OutboxEntry.UNTIL_RESET_PULL_ENDS || e.overlayUntil > cursorSeq();
  }

  /** Returns the read model: the pulled data with the outbox laid over it. */
  public ReadModel read() {
    ReadModel model = readModel;
    if (model == null) {
      model = new ReadModel(this);
      readModel = model;
    }
    return model;
  }

  /**
   * Checks that every change row of an answer can be applied: a readable {@code data} object with
   * the fields the device needs. Run before the answer is committed, so that a malformed row fails
   * the sync ({@code BAD_RESPONSE}) instead of being stored and failing every replay.
   *
   * @throws JsonParseException naming the first row that cannot be applied
   */
  public static void validate(SyncResponse r) {
    if (r.changes == null) {
      return;
    }
    for (ChangeWire c : r.changes) {
      validate(c);
    }
  }

  /** Checks one change row as {@link #validate(SyncResponse)} does; sets its parsed record. */
  static void validate(ChangeWire c) {
    if (c.id == null || c.type == null) {
      throw new JsonParseException(where(c) + "no id or type");
    }
    if (!isKnownType(c.type)) {
      return;
    }
    if (c.data == null || !c.data.isJsonObject()) {
      throw new JsonParseException(where(c) + "no data object");
    }
    JsonObject data = c.data.getAsJsonObject();
    try {
      switch (c.type) {
        case "PATIENT":
          PatientData p = Json.GSON.fromJson(data, PatientData.class);
          c.parsed = p;
          check(p);
          break;
        case "FOLLOW_UP":
          VisitData v = VisitData.fromWire(withId(data, c.id));
          c.parsed = v;
          check(v);
          break;
        default:
          ConflictData conflict = Json.GSON.fromJson(data, ConflictData.class);
          c.parsed = conflict;
          check(conflict);
          break;
      }
    } catch (JsonParseException | IllegalStateException e) {
      throw new JsonParseException(where(c) + e.getMessage(), e);
    }
  }

  /** The head of a row's error message; made only for an error. */
  private static String where(ChangeWire c) {
    return "change seq " + c.seq + " " + c.type + " " + c.id + ": ";
  }

  /** Returns whether this SDK applies change rows of {@code type}; others are skipped. */
  static boolean isKnownType(String type) {
    return KNOWN_TYPES.contains(type);
  }

  static void check(PatientData p) {
    if (!Boolean.FALSE.equals(p.inScope)
        && (p.name == null || p.sex == null || p.birthDate == null || p.villageCode == null)) {
      throw new JsonParseException("a patient needs name, sex, birthDate and villageCode");
    }
  }

  static void check(VisitData v) {
    VisitForm f = v.requireForm();
    if (f.disease() == null
        || f.visitDate() == null
        || f.mode() == null
        || v.patientId == null
        || v.assessment == null) {
      throw new JsonParseException(
          "a follow-up needs disease, visitDate, mode, patientId and assessment");
    }
  }

  static void check(ConflictData conflict) {
    if (conflict.patientId == null) {
      throw new JsonParseException("a conflict needs patientId");
    }
  }

  private static final List<String> KNOWN_TYPES =
      java.util.Arrays.asList("PATIENT", "FOLLOW_UP", "CONFLICT");

  /** The row's data with its id, which the form reads from the data itself. */
  private static JsonObject withId(JsonObject data, UUID id) {
    if (data.has("id") && !data.get("id").isJsonNull()) {
      return data;
    }
    JsonObject copy = data.deepCopy();
    copy.addProperty("id", id.toString());
    return copy;
  }

  // --- apply -------------------------------------------------------------------------------

  /** Applies one transaction; the caller has made it durable first. */
  public void apply(Tx tx) {
    readModel = null;
    switch (tx.kind) {
      case INIT:
        if (d.deviceId == null) {
          d.deviceId = tx.deviceId;
        }
        break;
      case LOCAL:
        applyLocal(tx);
        break;
      case ROUND_TRIP:
        applyRoundTrip(tx);
        break;
      case REGISTERED:
        if (tx.registration != null
            && tx.registration.deviceId != null
            && tx.registration.deviceId.equals(d.deviceId)) {
          d.registration = tx.registration;
          d.serverLastSeq = tx.registration.lastSeq;
        }
        break;
      case NEW_DEVICE:
        applyNewDevice(tx);
        break;
      case ACKNOWLEDGE:
        for (RejectionData r : d.rejections) {
          if (r.mutationId != null && r.mutationId.equals(tx.mutationId)) {
            r.acknowledged = true;
          }
        }
        break;
      default:
        throw new IllegalStateException("unknown transaction kind " + tx.kind);
    }
  }

  private void applyLocal(Tx tx) {
    OutboxEntry e = require(tx.entry, "entry");
    d.outbox.add(e);
    d.lastDeviceSeq = Math.max(d.lastDeviceSeq, e.seq());
    d.hlc = Math.max(d.hlc, e.mutation().hlc);
  }

  private void applyNewDevice(Tx tx) {
    Registration r = require(tx.registration, "registration");
    d.deviceId = r.deviceId;
    d.registration = r;
    d.ackedThroughSeq = r.lastSeq;
    d.serverLastSeq = r.lastSeq;
    long seq = r.lastSeq;
    // The retained sent mutations go again under the new id, before the outbox and in the order
    // they were sent: a server restore may have lost some that were acknowledged under an earlier
    // id, which would otherwise never be sent again; the server answers the rest as duplicates of
    // their mutation ids.
    for (OutboxEntry e : d.sent) {
      e.mutation().deviceSeq = ++seq;
      e.ackedDeviceId = r.deviceId;
    }
    for (OutboxEntry e : d.outbox) {
      e.mutation().deviceSeq = ++seq;
    }
    d.lastDeviceSeq = seq;
  }

  private void applyRoundTrip(Tx tx) {
    SyncResponse r = require(tx.response, "response");
    Instant at = require(tx.at, "at");
    String epochBefore = epochOf(d.cursor);
    // Retention is counted in the server's time: a tablet clock set a year ahead must not drop
    // the sent mutations that a restore of the server needs again.
    Instant ackClock = r.serverTime != null ? r.serverTime : at;
    boolean sameDevice = tx.deviceId != null && tx.deviceId.equals(d.deviceId);
    long ackChange = r.ackChangeSeq == null ? 0 : r.ackChangeSeq;

    if (r.resetRequired) {
      // The old epoch's change seqs mean nothing in the new one. A change still laid over stays
      // visible until the pull after the reset has caught up (or a re-send answers a new change
      // seq); one the cursor had passed is done.
      for (OutboxEntry e : d.sent) {
        e.overlayUntil = inOverlay(e) ? OutboxEntry.UNTIL_RESET_PULL_ENDS : 0;
      }
      d.patients.clear();
      d.visits.clear();
      d.conflicts.clear();
      d.redirects.clear();
      d.seqs.clear();
      visitsByPatient.clear();
      amendedBy.clear();
      d.cursor = null;
      d.lastResetAt = at;
    }

    if (r.results != null) {
      for (ResultWire result : r.results) {
        applyResult(result, ackChange, tx, at, ackClock);
      }
    }
    if (sameDevice && r.ackedThroughSeq != null) {
      long through = r.ackedThroughSeq;
      Iterator<OutboxEntry> it = d.outbox.iterator();
      while (it.hasNext()) {
        OutboxEntry e = it.next();
        if (e.seq() <= through) {
          // Processed by the server, but its result did not come with this answer (it came with
          // one that was lost); it is kept visible until the cursor passes this request's writes.
          it.remove();
          e.ackedAt = ackClock;
          e.ackedDeviceId = tx.deviceId;
          e.overlayUntil = Math.max(ackChange, cursorSeq() + 1);
          d.sent.add(e);
        }
      }
      d.ackedThroughSeq = Math.max(d.ackedThroughSeq, through);
      d.serverLastSeq = through;
    }
    if (sameDevice && r.expectedSeq != null) {
      // A gap: the server lost what came before (a restore); send again from there.
      d.serverLastSeq = Math.min(d.serverLastSeq, r.expectedSeq - 1);
    }

    if (r.changes != null) {
      // Rows at or below the cursor were applied with an earlier page (the cursor says so): a
      // page delivered again changes nothing, whatever order its rows come in.
      long applied = cursorSeq();
      for (ChangeWire c : r.changes) {
        if (c.seq > applied) {
          applyChange(c);
        }
      }
    }
    if (r.nextCursor != null && r.nextCursor.isJsonObject()) {
      d.cursor = r.nextCursor.deepCopy();
    }
    if (r.serverHlc != null) {
      d.hlc = Math.max(d.hlc, r.serverHlc);
    }
    if (!r.hasMore) {
      for (OutboxEntry e : d.sent) {
        if (e.overlayUntil == OutboxEntry.UNTIL_RESET_PULL_ENDS) {
          e.overlayUntil = 0;
        }
      }
      if (d.outbox.isEmpty() && r.expectedSeq == null) {
        d.lastSuccessfulSyncAt = at;
      }
    }
    String epochAfter = epochOf(d.cursor);
    if (r.resetRequired && sameDevice && epochBefore != null && !epochBefore.equals(epochAfter)) {
      // A new epoch: the server was restored, and may hold another mutation (a clone's) at a seq
      // this device had sent. Send the retained ones again so that the server answers each as a
      // duplicate, applies it again, or reports the conflict that gives this device a new id.
      for (OutboxEntry e : d.sent) {
        if (d.deviceId != null && d.deviceId.equals(e.ackedDeviceId)) {
          d.serverLastSeq = Math.min(d.serverLastSeq, e.seq() - 1);
        }
      }
    }
    prune(ackClock, tx.retentionMillis);
  }

  private void applyResult(ResultWire result, long ackChange, Tx tx, Instant at, Instant ackClock) {
    if (result.mutationId == null) {
      return;
    }
    OutboxEntry e = null;
    boolean fresh = false;
    for (Iterator<OutboxEntry> it = d.outbox.iterator(); it.hasNext(); ) {
      OutboxEntry candidate = it.next();
      if (candidate.mutationId().equals(result.mutationId)) {
        it.remove();
        e = candidate;
        fresh = true;
        break;
      }
    }
    if (e == null) {
      for (OutboxEntry candidate : d.sent) {
        if (candidate.mutationId().equals(result.mutationId)) {
          e = candidate;
          break;
        }
      }
    }
    if (e == null) {
      // A result for a mutation no longer retained (a re-send answered twice): nothing to update.
      return;
    }
    e.result = result;
    e.ackedDeviceId = tx.deviceId;
    if (fresh || e.ackedAt == null) {
      e.ackedAt = ackClock;
    }
    e.overlayUntil = result.changeSeq != null ? result.changeSeq : ackChange;
    if (fresh) {
      d.sent.add(e);
    }
    if (result.hlc != null) {
      d.hlc = Math.max(d.hlc, result.hlc);
    }
    if (e.isRejected() && !hasRejection(e.mutationId())) {
      RejectionData rej = new RejectionData();
      rej.mutationId = e.mutationId();
      rej.type = e.mutation().type;
      rej.recordId = e.recordId;
      rej.code = result.code == null ? "REJECTED" : result.code;
      rej.messageZh = result.messageZh == null ? "服务器拒绝了此项修改。" : result.messageZh;
      rej.messageEn =
          result.messageEn == null ? "The server rejected this change." : result.messageEn;
      rej.fieldErrors =
          result.fieldErrors == null
              ? new ArrayList<org.suifang.client.FieldError>()
              : new ArrayList<>(result.fieldErrors);
      rej.payload = e.mutation().payload;
      rej.createdAt = e.mutation().createdAt;
      rej.rejectedAt = at;
      d.rejections.add(rej);
    }
  }

  private boolean hasRejection(UUID mutationId) {
    for (RejectionData r : d.rejections) {
      if (mutationId.equals(r.mutationId)) {
        return true;
      }
    }
    return false;
  }

  private void applyChange(ChangeWire c) {
    if (c.id == null || c.type == null) {
      return;
    }
    // A row read in one pass has its record and no tree; one read from a journal has the tree.
    JsonObject data = c.data != null && c.data.isJsonObject() ? c.data.getAsJsonObject() : null;
    if (data == null && c.parsed == null) {
      return;
    }
    Long previous = d.seqs.get(c.id);
    if (previous != null && c.seq < previous) {
      // An older copy (a repeated page): the stored one is newer.
      return;
    }
    switch (c.type) {
      case "PATIENT":
        d.seqs.put(c.id, c.seq);
        PatientData p = parsed(c, PatientData.class);
        if (p == null) {
          p = Json.GSON.fromJson(require(data, "data"), PatientData.class);
        }
        p.id = c.id;
        if (p.mergedInto != null) {
          // Merged into a survivor: gone like a patient out of scope, its id now redirects. The
          // follow-ups move to the survivor in the same change group.
          removePatient(c.id, c.seq);
          d.redirects.put(c.id, p.mergedInto);
        } else if (Boolean.FALSE.equals(p.inScope)) {
          removePatient(c.id, c.seq);
        } else {
          d.redirects.remove(c.id);
          d.patients.put(c.id, p);
          if (p.versions != null) {
            for (FieldVersion v : p.versions.values()) {
              if (v != null) {
                d.hlc = Math.max(d.hlc, v.hlc());
              }
            }
          }
        }
        break;
      case "FOLLOW_UP":
        d.seqs.put(c.id, c.seq);
        VisitData v = parsed(c, VisitData.class);
        if (v == null) {
          v = VisitData.fromWire(withId(require(data, "data"), c.id));
        }
        VisitData old = d.visits.put(c.id, v);
        if (old != null) {
          unindex(old);
        }
        index(v);
        break;
      case "CONFLICT":
        d.seqs.put(c.id, c.seq);
        ConflictData conflict = parsed(c, ConflictData.class);
        if (conflict == null) {
          conflict = Json.GSON.fromJson(require(data, "data"), ConflictData.class);
        }
        conflict.id = c.id;
        d.conflicts.put(c.id, conflict);
        if (conflict.winner != null) {
          d.hlc = Math.max(d.hlc, conflict.winner.hlc);
        }
        if (conflict.loser != null) {
          d.hlc = Math.max(d.hlc, conflict.loser.hlc);
        }
        break;
      default:
        // A change type of a newer server: ignored (docs/sync-protocol.md, schema evolution).
        break;
    }
  }

  /** The row as {@link #validate} read it, taken once (it becomes part of the state). */
  @Nullable
  private static <T> T parsed(ChangeWire c, Class<T> type) {
    Object parsed = c.parsed;
    c.parsed = null;
    return type.isInstance(parsed) ? type.cast(parsed) : null;
  }

  /**
   * Removes a patient that left the user's area, with its follow-ups and conflicts. The removed
   * records take the removal's seq, so that an older copy of them (a page delivered again) does not
   * bring them back.
   */
  private void removePatient(UUID patientId, long seq) {
    d.patients.remove(patientId);
    for (UUID visitId : new ArrayList<>(serverVisitIdsOf(patientId))) {
      VisitData v = d.visits.remove(visitId);
      if (v != null) {
        unindex(v);
        d.seqs.put(visitId, seq);
      }
    }
    Iterator<Map.Entry<UUID, ConflictData>> it = d.conflicts.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<UUID, ConflictData> e = it.next();
      if (patientId.equals(e.getValue().patientId)) {
        it.remove();
        d.seqs.put(e.getKey(), seq);
      }
    }
  }

  @Nullable
  private static String epochOf(@Nullable JsonElement cursor) {
    if (cursor == null || !cursor.isJsonObject()) {
      return null;
    }
    JsonElement epoch = cursor.getAsJsonObject().get("epoch");
    return epoch == null || !epoch.isJsonPrimitive() ? null : epoch.getAsString();
  }

  private void prune(Instant at, long retentionMillis) {
    if (retentionMillis < 0) {
      return;
    }
    Instant horizon = at.minusMillis(retentionMillis);
    Iterator<OutboxEntry> it = d.sent.iterator();
    while (it.hasNext()) {
      OutboxEntry e = it.next();
      if (e.ackedAt != null && e.ackedAt.isBefore(horizon) && !inOverlay(e)) {
        it.remove();
      }
    }
  }

  private void index(VisitData v) {
    if (v.patientId != null) {
      Set<UUID> ids = visitsByPatient.get(v.patientId);
      if (ids == null) {
        ids = new LinkedHashSet<>();
        visitsByPatient.put(v.patientId, ids);
      }
      ids.add(v.id());
    }
    if (v.amends != null) {
      amendedBy.put(v.amends, v.id());
    }
  }

  private void unindex(VisitData v) {
    if (v.patientId != null) {
      Set<UUID> ids = visitsByPatient.get(v.patientId);
      if (ids != null) {
        ids.remove(v.id());
      }
    }
    if (v.amends != null && v.id().equals(amendedBy.get(v.amends))) {
      amendedBy.remove(v.amends);
    }
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException("transaction without " + name);
    }
    return value;
  }
}
