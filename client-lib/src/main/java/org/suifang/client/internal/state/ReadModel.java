package org.suifang.client.internal.state;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.Condition;
import org.suifang.client.ManagementStatus;
import org.suifang.client.PatientStatus;
import org.suifang.client.internal.FieldVersion;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.MutationWire;
import org.suifang.rules.Disease;

/**
 * What the device shows: the pulled data with the changes of the outbox, and of acknowledged
 * mutations whose change the cursor has not reached yet, laid over it in device order. A local edit
 * thus survives every pull until the server's copy containing it arrives (P7), and nothing the
 * doctor saw goes back to an older version (P8). Rejected mutations are not laid over: their change
 * did not happen (they are in the needs-attention list).
 *
 * <p>Built once per state change, on the first read. Immutable once built.
 */
public final class ReadModel {
  private static final String[] CREATE_FIELDS = {
    "name",
    "sex",
    "birthDate",
    "residentId",
    "phone",
    "villageCode",
    "address",
    "healthRecordNumber",
    "heightCm"
  };

  private final ClientState state;
  private final Map<UUID, PatientData> patients = new HashMap<>();
  private final Map<UUID, VisitData> visits = new HashMap<>();
  private final Map<UUID, Set<UUID>> visitsByPatient = new HashMap<>();
  private final Map<UUID, UUID> amendedBy = new HashMap<>();
  private final Set<UUID> pending = new HashSet<>();

  ReadModel(ClientState state) {
    this.state = state;
    List<OutboxEntry> overlay = new ArrayList<>();
    for (OutboxEntry e : state.sent()) {
      if (state.inOverlay(e)) {
        overlay.add(e);
      }
    }
    overlay.addAll(state.outbox());
    for (OutboxEntry e : state.outbox()) {
      if (e.recordId != null) {
        pending.add(e.recordId);
      }
    }
    for (OutboxEntry e : overlay) {
      lay(e);
    }
  }

  private void lay(OutboxEntry e) {
    MutationWire m = e.mutation();
    UUID id = e.recordId;
    if (id == null || m.payload == null) {
      return;
    }
    switch (e.type()) {
      case PATIENT_CREATE:
        if (patient(id) == null) {
          patients.put(id, created(id, m, versionOf(e)));
        }
        break;
      case PATIENT_UPDATE:
        // An edit of a duplicate merged away since: the server applies it to the survivor.
        PatientData base = patient(id);
        JsonElement fields = m.payload.get("fields");
        if (base != null && fields != null && fields.isJsonObject()) {
          patients.put(state.current(id), base.withFields(fields.getAsJsonObject(), versionOf(e)));
        }
        break;
      case FOLLOW_UP_RECORD:
      case FOLLOW_UP_AMEND:
        // The server's copy, once pulled, replaces the tablet's (its assessment wins).
        if (!state.serverVisits().containsKey(id) && e.localVisit != null) {
          putVisit(e.localVisit);
        }
        break;
      case FOLLOW_UP_VOID:
        VisitData target = visit(id);
        if (target != null && target.voidedAt == null) {
          VisitData voided = target.copy();
          voided.voidedAt = m.createdAt;
          voided.voidedBy = m.authorId;
          JsonElement reason = m.payload.get("reason");
          voided.voidReason = reason == null || reason.isJsonNull() ? null : reason.getAsString();
          putVisit(voided);
        }
        break;
      default:
        break;
    }
  }

  /** The version a local write gets: its HLC (re-stamped by the server if it was) and device. */
  private FieldVersion versionOf(OutboxEntry e) {
    long hlc = e.result != null && e.result.hlc != null ? e.result.hlc : e.mutation().hlc;
    UUID device = e.ackedDeviceId != null ? e.ackedDeviceId : state.deviceId();
    return new FieldVersion(hlc, device == null ? FieldVersion.SERVER_DEVICE : device);
  }

  private static PatientData created(UUID id, MutationWire m, FieldVersion version) {
    JsonObject payload = m.payload;
    PatientData p = Json.GSON.fromJson(payload, PatientData.class);
    p.id = id;
    Condition[] conditions = Json.GSON.fromJson(payload.get("conditions"), Condition[].class);
    if (conditions != null) {
      for (Condition c : conditions) {
        if (c.disease() == Disease.HYPERTENSION) {
          p.hypertensionDiagnosedOn = c.diagnosedOn();
        } else {
          p.diabetesDiagnosedOn = c.diagnosedOn();
        }
      }
    }
    Instant at = m.createdAt;
    LocalDate since = at == null ? null : at.atZone(ChinaTime.ZONE).toLocalDate();
    p.status = PatientStatus.of(ManagementStatus.ACTIVE, null, since, null);
    p.createdBy = m.authorId;
    p.createdAt = at;
    Map<String, FieldVersion> versions = new LinkedHashMap<>();
    for (String f : CREATE_FIELDS) {
      versions.put(f, version);
    }
    versions.put("hypertensionDiagnosedOn", version);
    versions.put("diabetesDiagnosedOn", version);
    versions.put("status", version);
    p.versions = versions;
    return p;
  }

  private void putVisit(VisitData visit) {
    VisitData v = visit;
    if (v.patientId != null && state.isRedirected(v.patientId)) {
      // Recorded offline for a duplicate merged away since: the server files it under the
      // survivor, and so does the device until the server's copy arrives.
      v = v.copy();
      v.patientId = state.current(visit.patientId);
    }
    UUID id = v.id();
    visits.put(id, v);
    if (v.patientId != null) {
      Set<UUID> ids = visitsByPatient.get(v.patientId);
      if (ids == null) {
        ids = new LinkedHashSet<>();
        visitsByPatient.put(v.patientId, ids);
      }
      ids.add(id);
    }
    if (v.amends != null) {
      amendedBy.put(v.amends, id);
    }
  }

  /**
   * Returns the patient as shown, or null if the device has no such patient. A merged duplicate's
   * id gives its survivor.
   */
  @Nullable
  public PatientData patient(UUID id) {
    UUID current = state.current(id);
    PatientData p = patients.get(current);
    return p != null ? p : state.serverPatients().get(current);
  }

  /** Returns every patient as shown, in no particular order. */
  public List<PatientData> patients() {
    Set<UUID> ids = new LinkedHashSet<>(state.serverPatients().keySet());
    ids.addAll(patients.keySet());
    List<PatientData> out = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      PatientData p = patient(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** Returns the follow-up record as shown, or null. */
  @Nullable
  public VisitData visit(UUID id) {
    VisitData v = visits.get(id);
    return v != null ? v : state.serverVisits().get(id);
  }

  /** Returns every follow-up record as shown, in no particular order. */
  public List<VisitData> allVisits() {
    Set<UUID> ids = new LinkedHashSet<>(state.serverVisits().keySet());
    ids.addAll(visits.keySet());
    List<VisitData> out = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      VisitData v = visit(id);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** Returns the record that amends {@code visitId}, or null if it is not superseded. */
  @Nullable
  public UUID supersededBy(UUID visitId) {
    UUID local = amendedBy.get(visitId);
    return local != null ? local : state.serverAmendedBy(visitId);
  }

  /** Returns every record of the patient, newest visit first (superseded and voided included). */
  public List<VisitData> visitsOf(UUID requestedId) {
    UUID patientId = state.current(requestedId);
    Set<UUID> ids = new LinkedHashSet<>(state.serverVisitIdsOf(patientId));
    Set<UUID> local = visitsByPatient.get(patientId);
    if (local != null) {
      ids.addAll(local);
    }
    List<VisitData> out = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      VisitData v = visit(id);
      if (v != null && patientId.equals(v.patientId)) {
        out.add(v);
      }
    }
    Collections.sort(out, NEWEST_FIRST);
    return out;
  }

  /** Returns whether a visit counts: neither voided nor amended. */
  public boolean isCurrent(VisitData v) {
    return v.voidedAt == null && supersededBy(v.id()) == null;
  }

  /** Returns whether the outbox holds a change of this record. */
  public boolean isPending(UUID recordId) {
    return pending.contains(recordId);
  }

  /** Returns the patients of the given ids that exist. */
  public List<PatientData> patients(Collection<UUID> ids) {
    List<PatientData> out = new ArrayList<>();
    for (UUID id : ids) {
      PatientData p = patient(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Newest first, as the server orders a history: visit date, then the time the server stored it (a
   * record not yet on the server counts as newest, by its device time), then id.
   */
  public static final Comparator<VisitData> NEWEST_FIRST =
      new Comparator<VisitData>() {
        @Override
        public int compare(VisitData a, VisitData b) {
          int byDate = b.visitDate().compareTo(a.visitDate());
          if (byDate != 0) {
            return byDate;
          }
          if ((a.receivedAt == null) != (b.receivedAt == null)) {
            return a.receivedAt == null ? -1 : 1;
          }
          int byTime =
              a.receivedAt != null
                  ? b.receivedAt.compareTo(a.receivedAt)
                  : compareNullable(b.requireForm().recordedAt(), a.requireForm().recordedAt());
          if (byTime != 0) {
            return byTime;
          }
          return b.id().toString().compareTo(a.id().toString());
        }
      };

  private static int compareNullable(@Nullable Instant x, @Nullable Instant y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    return x.compareTo(y);
  }
}
