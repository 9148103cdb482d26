package org.suifang.client.internal;

import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.Conflict;
import org.suifang.client.ConflictResolution;
import org.suifang.client.ConflictVersion;
import org.suifang.client.FieldError;
import org.suifang.client.ManagementStatus;
import org.suifang.client.MutationType;
import org.suifang.client.Patient;
import org.suifang.client.PatientStatus;
import org.suifang.client.RecordState;
import org.suifang.client.Rejection;
import org.suifang.client.Visit;
import org.suifang.client.VisitForm;
import org.suifang.client.VisitState;
import org.suifang.client.internal.state.ConflictData;
import org.suifang.client.internal.state.PatientData;
import org.suifang.client.internal.state.ReadModel;
import org.suifang.client.internal.state.RejectionData;
import org.suifang.client.internal.state.VisitData;
import org.suifang.rules.Assessment;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;

/** Turns stored records into the public values. */
public final class Views {
  private Views() {}

  /** Returns the public patient. */
  public static Patient patient(PatientData p, ReadModel model) {
    UUID id = require(p.id, "id");
    PatientStatus status = p.status;
    if (status == null || status.date() == null) {
      status =
          PatientStatus.of(
              status == null ? ManagementStatus.ACTIVE : status.status(),
              status == null ? null : status.reason(),
              p.createdAt == null
                  ? require(p.birthDate, "birthDate")
                  : p.createdAt
                      .atZone(org.suifang.client.internal.state.ChinaTime.ZONE)
                      .toLocalDate(),
              status == null ? null : status.note());
    }
    return Patient.newBuilder()
        .id(id)
        .name(p.name == null ? "" : p.name)
        .sex(require(p.sex, "sex"))
        .birthDate(require(p.birthDate, "birthDate"))
        .residentId(p.residentId)
        .phone(p.phone)
        .villageCode(require(p.villageCode, "villageCode"))
        .countyCode(p.countyCode)
        .address(p.address)
        .healthRecordNumber(p.healthRecordNumber)
        .heightCm(p.heightCm)
        .hypertensionDiagnosedOn(p.hypertensionDiagnosedOn)
        .diabetesDiagnosedOn(p.diabetesDiagnosedOn)
        .status(status)
        .createdBy(p.createdBy)
        .createdAt(p.createdAt)
        .updatedAt(p.updatedAt)
        .syncState(model.isPending(id) ? RecordState.PENDING : RecordState.SYNCED)
        .build();
  }

  /** Returns the public visit. */
  public static Visit visit(VisitData v, ReadModel model) {
    VisitForm form = v.requireForm();
    UUID id = v.id();
    Disease disease = require(form.disease(), "disease");
    Assessment a = require(v.assessment, "assessment").toAssessment(disease, v.visitDate());
    Classification effective =
        form.classificationOverride() != null ? form.classificationOverride() : a.classification();
    UUID supersededBy = model.supersededBy(id);
    VisitState state =
        v.voidedAt != null
            ? VisitState.VOIDED
            : supersededBy != null ? VisitState.SUPERSEDED : VisitState.CURRENT;
    BigDecimal bmi = form.bmi();
    if (bmi == null && v.patientId != null) {
      PatientData p = model.patient(v.patientId);
      bmi = bmi(form.weightKg(), p == null ? null : p.heightCm);
    }
    return Visit.newBuilder()
        .id(id)
        .patientId(require(v.patientId, "patientId"))
        .form(form)
        .assessment(a)
        .effectiveClassification(effective)
        .nextVisitDate(form.nextVisitDate() != null ? form.nextVisitDate() : a.nextDueDate())
        .bmi(bmi)
        .warnings(v.warnings == null ? new ArrayList<FieldError>() : v.warnings)
        .state(state)
        .amends(v.amends)
        .amendReason(v.amendReason)
        .supersededBy(supersededBy)
        .voidedAt(v.voidedAt)
        .voidedBy(v.voidedBy)
        .voidReason(v.voidReason)
        .doctorId(v.doctorId)
        .recordedAt(form.recordedAt())
        .receivedAt(v.receivedAt)
        .syncState(model.isPending(id) ? RecordState.PENDING : RecordState.SYNCED)
        .assessmentMismatch(v.assessmentMismatch)
        .build();
  }

  /** BMI = kg / m², one decimal, as the server computes it; null without a weight or height. */
  @Nullable
  public static BigDecimal bmi(@Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm) {
    if (weightKg == null || heightCm == null || heightCm.signum() <= 0) {
      return null;
    }
    BigDecimal metres = heightCm.movePointLeft(2);
    return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
  }

  /** Returns the public rejection. */
  public static Rejection rejection(RejectionData r) {
    MutationType type;
    try {
      type = MutationType.valueOf(require(r.type, "type"));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored rejection of unknown type " + r.type, e);
    }
    return Rejection.newBuilder()
        .mutationId(require(r.mutationId, "mutationId"))
        .type(type)
        .recordId(require(r.recordId, "recordId"))
        .code(r.code == null ? "REJECTED" : r.code)
        .messageZh(r.messageZh == null ? "" : r.messageZh)
        .messageEn(r.messageEn == null ? "" : r.messageEn)
        .fieldErrors(r.fieldErrors == null ? new ArrayList<FieldError>() : r.fieldErrors)
        .payload(r.payload == null ? "{}" : Json.GSON.toJson(r.payload))
        .createdAt(require(r.createdAt, "createdAt"))
        .rejectedAt(require(r.rejectedAt, "rejectedAt"))
        .acknowledged(r.acknowledged)
        .build();
  }

  /** Returns the public conflict. */
  public static Conflict conflict(ConflictData c) {
    return Conflict.newBuilder()
        .id(require(c.id, "id"))
        .patientId(require(c.patientId, "patientId"))
        .field(c.field == null ? "" : c.field)
        .winner(side(c.winner))
        .loser(side(c.loser))
        .detectedAt(c.detectedAt)
        .status(c.status == null ? "OPEN" : c.status)
        .resolution(resolution(c.resolution))
        .build();
  }

  @Nullable
  private static ConflictResolution resolution(@Nullable ConflictData.Resolution r) {
    if (r == null || r.choice == null) {
      return null;
    }
    return ConflictResolution.newBuilder()
        .choice(r.choice)
        .value(r.value == null ? "null" : Json.GSON.toJson(r.value))
        .resolvedBy(r.resolvedBy)
        .resolvedByName(r.resolvedByName)
        .resolvedAt(r.resolvedAt)
        .note(r.note)
        .build();
  }

  private static ConflictVersion side(@Nullable ConflictData.Side s) {
    if (s == null) {
      return ConflictVersion.newBuilder().build();
    }
    JsonElement value = s.value;
    return ConflictVersion.newBuilder()
        .value(value == null ? "null" : Json.GSON.toJson(value))
        .hlc(s.hlc)
        .deviceId(s.deviceId)
        .authorId(s.authorId)
        .build();
  }

  static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException("stored record without " + name);
    }
    return value;
  }
}
