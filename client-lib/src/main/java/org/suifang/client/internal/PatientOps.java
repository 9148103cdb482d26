package org.suifang.client.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.Condition;
import org.suifang.client.ErrorCodes;
import org.suifang.client.ManagementStatus;
import org.suifang.client.MutationType;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientStatus;
import org.suifang.client.PatientUpdate;
import org.suifang.client.SuifangException;
import org.suifang.client.TerminationReason;
import org.suifang.client.User;
import org.suifang.client.internal.checks.PatientChecks;
import org.suifang.client.internal.state.PatientData;
import org.suifang.client.internal.state.ReadModel;
import org.suifang.rules.Sex;

/**
 * Registers, edits and searches patients on the device. Each write checks what the server checks,
 * then commits the change with its outbox mutation as one transaction; a failed check stores
 * nothing.
 */
public final class PatientOps {
  private final ClientCore core;

  public PatientOps(ClientCore core) {
    this.core = core;
  }

  /** The {@code PATIENT_CREATE} payload: the body of {@code POST /api/v1/patients}. */
  static final class CreatePayload {
    @SerializedName("id")
    @Nullable
    UUID id;

    @SerializedName("name")
    @Nullable
    String name;

    @SerializedName("sex")
    @Nullable
    Sex sex;

    @SerializedName("birthDate")
    @Nullable
    LocalDate birthDate;

    @SerializedName("residentId")
    @Nullable
    String residentId;

    @SerializedName("phone")
    @Nullable
    String phone;

    @SerializedName("villageCode")
    @Nullable
    String villageCode;

    @SerializedName("address")
    @Nullable
    String address;

    @SerializedName("healthRecordNumber")
    @Nullable
    String healthRecordNumber;

    @SerializedName("heightCm")
    @Nullable
    BigDecimal heightCm;

    @SerializedName("conditions")
    @Nullable
    List<Condition> conditions;
  }

  public Patient register(PatientRegistration r) throws SuifangException {
    Objects.requireNonNull(r, "registration == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      PatientChecks.Details d = PatientChecks.registration(r, core.today());
      requireWrite(user, Objects.requireNonNull(d.villageCode));
      UUID id = core.newId();
      CreatePayload p = new CreatePayload();
      p.id = id;
      p.name = d.name;
      p.sex = d.sex;
      p.birthDate = d.birthDate;
      p.residentId = d.residentId;
      p.phone = d.phone;
      p.villageCode = d.villageCode;
      p.address = d.address;
      p.healthRecordNumber = d.healthRecordNumber;
      p.heightCm = d.heightCm;
      p.conditions = d.conditions();
      core.commitLocal(MutationType.PATIENT_CREATE, id, id, Json.compactTree(p), null, user);
      return get(id);
    }
  }

  public Patient update(UUID patientId, PatientUpdate update) throws SuifangException {
    Objects.requireNonNull(patientId, "patientId == null");
    Objects.requireNonNull(update, "update == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      ReadModel model = core.state().read();
      PatientData p = require(model, patientId);
      requireWrite(user, Objects.requireNonNull(p.villageCode));
      LocalDate today = core.today();
      PatientChecks.Details d = details(p);
      for (Map.Entry<String, Object> e : update.fields().entrySet()) {
        set(d, e.getKey(), PatientChecks.canonical(e.getKey(), e.getValue(), today));
      }
      PatientChecks.update(d, today);
      if (update.fields().containsKey("villageCode")) {
        requireWrite(user, Objects.requireNonNull(d.villageCode));
      }
      JsonObject current = Json.GSON.toJsonTree(p).getAsJsonObject();
      JsonObject changed = Json.GSON.toJsonTree(d).getAsJsonObject();
      JsonObject fields = new JsonObject();
      JsonObject base = new JsonObject();
      for (String field : update.fields().keySet()) {
        JsonElement now = orNull(changed.get(field));
        if (now.equals(orNull(current.get(field)))) {
          continue;
        }
        fields.add(field, now);
        base.add(field, orNull(Json.GSON.toJsonTree(p.version(field))));
      }
      if (fields.size() == 0) {
        return get(patientId);
      }
      // p.id, not patientId: a merged duplicate's id stands for its survivor.
      return commitUpdate(user, Objects.requireNonNull(p.id), fields, base);
    }
  }

  public Patient changeStatus(
      UUID patientId,
      ManagementStatus status,
      @Nullable TerminationReason reason,
      @Nullable LocalDate date,
      @Nullable String note)
      throws SuifangException {
    Objects.requireNonNull(patientId, "patientId == null");
    Objects.requireNonNull(status, "status == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      ReadModel model = core.state().read();
      PatientData p = require(model, patientId);
      requireWrite(user, Objects.requireNonNull(p.villageCode));
      LocalDate today = core.today();
      LocalDate effective = date == null ? today : date;
      String trimmed = note == null || note.trim().isEmpty() ? null : note.trim();
      PatientChecks.status(
          status, reason, effective, trimmed, Objects.requireNonNull(p.birthDate), today);
      JsonObject fields = new JsonObject();
      fields.add(
          "status", Json.GSON.toJsonTree(PatientStatus.of(status, reason, effective, trimmed)));
      JsonObject base = new JsonObject();
      base.add("status", orNull(Json.GSON.toJsonTree(p.version("status"))));
      return commitUpdate(user, Objects.requireNonNull(p.id), fields, base);
    }
  }

  private Patient commitUpdate(User user, UUID patientId, JsonObject fields, JsonObject base)
      throws SuifangException {
    JsonObject payload = new JsonObject();
    payload.addProperty("patientId", patientId.toString());
    payload.add("fields", fields);
    payload.add("base", base);
    core.commitLocal(MutationType.PATIENT_UPDATE, patientId, patientId, payload, null, user);
    return get(patientId);
  }

  /** Returns the patient, or null if the device has no such patient. */
  @Nullable
  public Patient find(UUID id) {
    synchronized (core.lock()) {
      ReadModel model = core.state().read();
      PatientData p = model.patient(id);
      return p == null ? null : Views.patient(p, model);
    }
  }

  public Patient get(UUID id) throws SuifangException {
    Patient p = find(id);
    if (p == null) {
      throw notFound();
    }
    return p;
  }

  public List<Patient> search(PatientQuery q) {
    Objects.requireNonNull(q, "query == null");
    String name = q.name() == null || q.name().trim().isEmpty() ? null : q.name().trim();
    String number =
        q.residentId() == null || q.residentId().trim().isEmpty()
            ? null
            : PatientChecks.normaliseForSearch(q.residentId());
    String village =
        q.villageCode() == null || q.villageCode().trim().isEmpty() ? null : q.villageCode().trim();
    List<Patient> out = new ArrayList<>();
    synchronized (core.lock()) {
      ReadModel model = core.state().read();
      for (PatientData p : model.patients()) {
        if (name != null
            && (p.name == null
                || !p.name.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
          continue;
        }
        if (number != null && !number.equals(p.residentId)) {
          continue;
        }
        if (village != null && !village.equals(p.villageCode)) {
          continue;
        }
        out.add(Views.patient(p, model));
      }
    }
    Collections.sort(
        out,
        new Comparator<Patient>() {
          @Override
          public int compare(Patient a, Patient b) {
            int byName = a.name().compareTo(b.name());
            return byName != 0 ? byName : a.id().toString().compareTo(b.id().toString());
          }
        });
    return out;
  }

  static PatientData require(ReadModel model, UUID patientId) throws SuifangException {
    PatientData p = model.patient(patientId);
    if (p == null) {
      throw notFound();
    }
    return p;
  }

  static SuifangException notFound() {
    return new SuifangException(
        ErrorCodes.PATIENT_NOT_FOUND, "未找到该患者。", "No patient with this id on this device.");
  }

  static void requireWrite(User user, String villageCode) throws SuifangException {
    if (!user.canWrite(villageCode)) {
      throw new SuifangException(
          ErrorCodes.FORBIDDEN,
          "您无权为该村的患者登记或修改数据。",
          "You may not record data for patients of village " + villageCode + ".");
    }
  }

  private static PatientChecks.Details details(PatientData p) {
    PatientChecks.Details d = new PatientChecks.Details();
    d.name = p.name;
    d.sex = p.sex;
    d.birthDate = p.birthDate;
    d.residentId = p.residentId;
    d.phone = p.phone;
    d.villageCode = p.villageCode;
    d.address = p.address;
    d.healthRecordNumber = p.healthRecordNumber;
    d.heightCm = p.heightCm;
    d.hypertensionDiagnosedOn = p.hypertensionDiagnosedOn;
    d.diabetesDiagnosedOn = p.diabetesDiagnosedOn;
    return d;
  }

  private static void set(PatientChecks.Details d, String field, @Nullable Object value) {
    switch (field) {
      case "name":
        d.name = (String) value;
        break;
      case "sex":
        d.sex = (Sex) value;
        break;
      case "birthDate":
        d.birthDate = (LocalDate) value;
        break;
      case "residentId":
        d.residentId = (String) value;
        break;
      case "phone":
        d.phone = (String) value;
        break;
      case "villageCode":
        d.villageCode = (String) value;
        break;
      case "address":
        d.address = (String) value;
        break;
      case "healthRecordNumber":
        d.healthRecordNumber = (String) value;
        break;
      case "heightCm":
        d.heightCm = (BigDecimal) value;
        break;
      case "hypertensionDiagnosedOn":
        d.hypertensionDiagnosedOn = (LocalDate) value;
        break;
      case "diabetesDiagnosedOn":
        d.diabetesDiagnosedOn = (LocalDate) value;
        break;
      default:
        throw new IllegalArgumentException("not a patient field: " + field);
    }
  }

  private static JsonElement orNull(@Nullable JsonElement e) {
    return e == null ? JsonNull.INSTANCE : e;
  }
}
