package org.suifang.client.internal;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.ErrorCodes;
import org.suifang.client.FieldError;
import org.suifang.client.ManagementStatus;
import org.suifang.client.MutationType;
import org.suifang.client.SuifangException;
import org.suifang.client.SuifangValidationException;
import org.suifang.client.User;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.checks.FormChecks;
import org.suifang.client.internal.state.AssessmentData;
import org.suifang.client.internal.state.PatientData;
import org.suifang.client.internal.state.ReadModel;
import org.suifang.client.internal.state.VisitData;
import org.suifang.rules.Assessment;
import org.suifang.rules.Assessor;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.PreviousVisit;
import org.suifang.rules.RuleSet;
import org.suifang.rules.VisitMode;

/**
 * Records, amends and voids follow-ups on the device, as {@code FollowUpService} does on the
 * server: the same checks, the same previous visit for the rules, the same refusals. Each write is
 * one transaction with its outbox mutation; a failed check stores nothing.
 */
public final class VisitOps {
  private final ClientCore core;

  public VisitOps(ClientCore core) {
    this.core = core;
  }

  /** The {@code clientAssessment} of a follow-up mutation (docs/sync-protocol.md). */
  static final class ClientAssessment {
    @SerializedName("ruleSetId")
    @Nullable
    String ruleSetId;

    @SerializedName("dangerSigns")
    @Nullable
    List<DangerSign> dangerSigns;

    @SerializedName("urgentReferral")
    boolean urgentReferral;

    @SerializedName("classification")
    @Nullable
    Classification classification;

    @SerializedName("nextStep")
    @Nullable
    NextStep nextStep;

    @SerializedName("nextDueDate")
    @Nullable
    LocalDate nextDueDate;

    static ClientAssessment of(Assessment a) {
      ClientAssessment c = new ClientAssessment();
      c.ruleSetId = a.ruleSetId();
      c.dangerSigns = new ArrayList<>(a.dangerSigns());
      c.urgentReferral = a.urgentReferral();
      c.classification = a.classification();
      c.nextStep = a.nextStep();
      c.nextDueDate = a.nextDueDate();
      return c;
    }
  }

  public Visit record(UUID patientId, VisitForm form) throws SuifangException {
    Objects.requireNonNull(patientId, "patientId == null");
    Objects.requireNonNull(form, "form == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      ReadModel model = core.state().read();
      PatientData p = PatientOps.require(model, patientId);
      PatientOps.requireWrite(user, Objects.requireNonNull(p.villageCode));
      // A merged duplicate's id stands for its survivor: the visit is recorded for the survivor.
      patientId = Objects.requireNonNull(p.id);
      VisitForm f = complete(form);
      VisitData existing = model.visit(f.id());
      if (existing != null) {
        return repeat(model, existing, patientId, null, f, form);
      }
      VisitData v = assess(model, p, f, null, null, "");
      v.doctorId = user.id();
      JsonObject payload = new JsonObject();
      payload.addProperty("patientId", patientId.toString());
      payload.add("followUp", Json.compactTree(f));
      payload.add("clientAssessment", Json.compactTree(ClientAssessment.of(assessmentOf(v))));
      core.commitLocal(MutationType.FOLLOW_UP_RECORD, f.id(), patientId, payload, v, user);
      return get(f.id());
    }
  }

  public Visit amend(UUID visitId, String reason, VisitForm form) throws SuifangException {
    Objects.requireNonNull(visitId, "visitId == null");
    Objects.requireNonNull(form, "form == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      ReadModel model = core.state().read();
      List<FieldError> bean = new ArrayList<>();
      String trimmed = reason == null ? null : reason.trim();
      if (trimmed == null || trimmed.isEmpty()) {
        bean.add(new FieldError("reason", "REQUIRED", "更正原因必填。", "The reason is required."));
      } else if (trimmed.length() > 200) {
        bean.add(
            new FieldError("reason", "OUT_OF_RANGE", "长度不能超过200个字符。", "At most 200 characters."));
      }
      bean.addAll(FormChecks.constraints(form, "followUp."));
      if (!bean.isEmpty()) {
        throw new SuifangValidationException(bean);
      }
      VisitData original = require(model, visitId);
      PatientData p = PatientOps.require(model, Objects.requireNonNull(original.patientId));
      PatientOps.requireWrite(user, Objects.requireNonNull(p.villageCode));
      VisitForm f = complete(form);
      VisitData existing = model.visit(f.id());
      if (existing != null) {
        return repeat(model, existing, original.patientId, visitId, f, form);
      }
      if (original.voidedAt != null) {
        throw new SuifangException(
            ErrorCodes.FOLLOW_UP_VOIDED,
            "已作废的随访记录不能更正。",
            "A voided follow-up record cannot be amended.");
      }
      if (model.supersededBy(visitId) != null) {
        throw superseded();
      }
      if (f.disease() != original.requireForm().disease()) {
        throw new SuifangValidationException(
            java.util.Collections.singletonList(
                new FieldError(
                    "followUp.disease",
                    "DISEASE_CHANGED",
                    "更正不能改变疾病种类。",
                    "An amendment cannot change the disease.")));
      }
      VisitData v = assess(model, p, f, original, trimmed, "followUp.");
      v.doctorId = user.id();
      JsonObject payload = new JsonObject();
      payload.addProperty("originalId", visitId.toString());
      payload.addProperty("reason", trimmed);
      payload.add("followUp", Json.compactTree(f));
      payload.add("clientAssessment", Json.compactTree(ClientAssessment.of(assessmentOf(v))));
      core.commitLocal(MutationType.FOLLOW_UP_AMEND, f.id(), original.patientId, payload, v, user);
      return get(f.id());
    }
  }

  public Visit voidVisit(UUID visitId, String reason) throws SuifangException {
    Objects.requireNonNull(visitId, "visitId == null");
    synchronized (core.lock()) {
      User user = core.auth().requireUser();
      String trimmed = reason == null ? null : reason.trim();
      if (trimmed == null || trimmed.isEmpty()) {
        throw new SuifangValidationException(
            java.util.Collections.singletonList(
                new FieldError("reason", "REQUIRED", "作废原因必填。", "The reason is required.")));
      }
      if (trimmed.length() > 200) {
        throw new SuifangValidationException(
            java.util.Collections.singletonList(
                new FieldError(
                    "reason", "OUT_OF_RANGE", "长度不能超过200个字符。", "At most 200 characters.")));
      }
      ReadModel model = core.state().read();
      VisitData v = require(model, visitId);
      PatientData p = PatientOps.require(model, Objects.requireNonNull(v.patientId));
      PatientOps.requireWrite(user, Objects.requireNonNull(p.villageCode));
      if (v.voidedAt != null) {
        throw new SuifangException(
            ErrorCodes.FOLLOW_UP_ALREADY_VOIDED,
            "该随访记录已作废。",
            "This follow-up record is already voided.");
      }
      if (model.supersededBy(visitId) != null) {
        throw superseded();
      }
      JsonObject payload = new JsonObject();
      payload.addProperty("followUpId", visitId.toString());
      payload.addProperty("reason", trimmed);
      core.commitLocal(MutationType.FOLLOW_UP_VOID, visitId, v.patientId, payload, null, user);
      return get(visitId);
    }
  }

  /** Returns the record, or null if the device has none with this id. */
  @Nullable
  public Visit find(UUID visitId) {
    synchronized (core.lock()) {
      ReadModel model = core.state().read();
      VisitData v = model.visit(visitId);
      return v == null ? null : Views.visit(v, model);
    }
  }

  public Visit get(UUID visitId) throws SuifangException {
    Visit v = find(visitId);
    if (v == null) {
      throw notFound();
    }
    return v;
  }

  /** Returns every record of the patient, newest visit first, superseded and voided included. */
  public List<Visit> history(UUID patientId) throws SuifangException {
    synchronized (core.lock()) {
      ReadModel model = core.state().read();
      PatientOps.require(model, patientId);
      List<Visit> out = new ArrayList<>();
      for (VisitData v : model.visitsOf(patientId)) {
        out.add(Views.visit(v, model));
      }
      return out;
    }
  }

  /** Fills in the id and the device time when the form has none. */
  private VisitForm complete(VisitForm form) {
    VisitForm.Builder b = form.toBuilder();
    if (form.id() == null) {
      b.id(core.newId());
    }
    if (form.recordedAt() == null) {
      b.recordedAt(core.now());
    }
    VisitForm f = b.build();
    if (f.id() == null) {
      throw new IllegalStateException("form without id");
    }
    return f;
  }

  /**
   * A form whose id is already on the device: the same record again (same patient, same amended
   * record, same content) answers the record, as the server answers a repeat; anything else is
   * {@code FOLLOW_UP_ID_CONFLICT}.
   */
  private Visit repeat(
      ReadModel model,
      VisitData existing,
      UUID patientId,
      @Nullable UUID amends,
      VisitForm completed,
      VisitForm given)
      throws SuifangException {
    VisitForm stored = existing.requireForm();
    VisitForm candidate =
        given.recordedAt() == null
            ? completed.toBuilder().recordedAt(stored.recordedAt()).build()
            : completed;
    if (patientId.equals(existing.patientId)
        && Objects.equals(amends, existing.amends)
        && stored.equals(candidate)) {
      return Views.visit(existing, model);
    }
    throw new SuifangException(
        ErrorCodes.FOLLOW_UP_ID_CONFLICT,
        "该随访记录编号已被另一份不同的记录使用。",
        "This follow-up id is already used by a different record.");
  }

  /** Checks the form and assesses it as the server would; returns the tablet's record. */
  private VisitData assess(
      ReadModel model,
      PatientData p,
      VisitForm f,
      @Nullable VisitData amended,
      @Nullable String amendReason,
      String prefix)
      throws SuifangException {
    RuleSet ruleSet = core.ruleSet();
    FormChecks.Checked checked =
        FormChecks.check(
            f,
            Objects.requireNonNull(p.birthDate),
            Objects.requireNonNull(p.sex),
            p.hypertensionDiagnosedOn != null,
            p.diabetesDiagnosedOn != null,
            ruleSet,
            core.today(),
            prefix);
    Disease disease = Objects.requireNonNull(f.disease());
    LocalDate visitDate = Objects.requireNonNull(f.visitDate());
    if (p.status != null
        && p.status.status() == ManagementStatus.TERMINATED
        && p.status.date() != null
        && visitDate.isAfter(p.status.date())) {
      throw new SuifangException(
          ErrorCodes.PATIENT_TERMINATED,
          "该患者已终止管理，不能登记终止日期之后的随访。",
          "The patient's management was terminated; no follow-up after the termination date can be recorded.");
    }
    checkEncounter(model, f, Objects.requireNonNull(p.id), amended, prefix);
    UUID excluded = amended != null ? amended.id() : f.id();
    PreviousVisit previous = previous(model, p.id, disease, visitDate, excluded);
    Assessment a = new Assessor(ruleSet).assess(disease, checked.context, checked.input, previous);
    VisitData v = new VisitData();
    v.form = f;
    v.patientId = p.id;
    v.assessment = AssessmentData.of(a);
    v.warnings = checked.warnings;
    v.amends = amended == null ? null : amended.id();
    v.amendReason = amendReason;
    return v;
  }

  /**
   * The previous visit the rules compare with: the latest current face-to-face record of the same
   * patient and disease before the visit date, other than {@code excluded} (server {@code
   * FollowUpRepository.findPrevious}). An override is the classification that counts; with one, the
   * measured control flag is not passed. A record without any classification gives none.
   */
  @Nullable
  static PreviousVisit previous(
      ReadModel model, UUID patientId, Disease disease, LocalDate visitDate, UUID excluded) {
    for (VisitData v : model.visitsOf(patientId)) {
      VisitForm f = v.requireForm();
      if (f.disease() != disease
          || f.mode() == VisitMode.PHONE
          || !model.isCurrent(v)
          || !v.visitDate().isBefore(visitDate)
          || v.id().equals(excluded)) {
        continue;
      }
      AssessmentData a = v.assessment;
      Classification effective =
          f.classificationOverride() != null
              ? f.classificationOverride()
              : a == null ? null : a.classification;
      if (effective == null) {
        return null;
      }
      return PreviousVisit.of(
          v.visitDate(),
          effective,
          f.classificationOverride() != null || a == null ? null : a.bphsControlled);
    }
    return null;
  }

  /**
   * The forms of one encounter belong to one patient, share date and mode, and differ in disease.
   */
  private static void checkEncounter(
      ReadModel model, VisitForm c, UUID patientId, @Nullable VisitData amended, String prefix)
      throws SuifangValidationException {
    UUID encounter = c.encounterId();
    if (encounter == null) {
      return;
    }
    for (VisitData other : model.allVisits()) {
      VisitForm of = other.requireForm();
      if (!encounter.equals(of.encounterId())
          || other.voidedAt != null
          || (amended != null && other.id().equals(amended.id()))
          || model.supersededBy(other.id()) != null) {
        continue;
      }
      String code;
      String zh;
      String en;
      if (!patientId.equals(other.patientId)) {
        code = "ENCOUNTER_OTHER_PATIENT";
        zh = "该就诊编号属于另一位患者。";
        en = "This encounter belongs to another patient.";
      } else if (!other.visitDate().equals(c.visitDate()) || of.mode() != c.mode()) {
        code = "ENCOUNTER_MISMATCH";
        zh = "同一次就诊的随访表日期和方式必须一致。";
        en = "The forms of one encounter must have the same date and mode.";
      } else if (of.disease() == c.disease()) {
        code = "ENCOUNTER_DUPLICATE_DISEASE";
        zh = "同一次就诊已有该疾病的随访表。";
        en = "This encounter already has a form for this disease.";
      } else {
        continue;
      }
      throw new SuifangValidationException(
          java.util.Collections.singletonList(
              new FieldError(prefix + "encounterId", code, zh, en)));
    }
  }

  private static Assessment assessmentOf(VisitData v) {
    VisitForm f = v.requireForm();
    return Objects.requireNonNull(v.assessment)
        .toAssessment(Objects.requireNonNull(f.disease()), v.visitDate());
  }

  static VisitData require(ReadModel model, UUID visitId) throws SuifangException {
    VisitData v = model.visit(visitId);
    if (v == null) {
      throw notFound();
    }
    return v;
  }

  static SuifangException notFound() {
    return new SuifangException(
        ErrorCodes.FOLLOW_UP_NOT_FOUND,
        "未找到该随访记录。",
        "No follow-up record with this id on this device.");
  }

  private static SuifangException superseded() {
    return new SuifangException(
        ErrorCodes.FOLLOW_UP_SUPERSEDED,
        "该随访记录已被更正，请对最新的记录操作。",
        "This follow-up record was amended; act on the newest version.");
  }
}
