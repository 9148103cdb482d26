package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;
import org.suifang.server.sync.ChangeStamps;

/**
 * A patient as its last-writer-wins fields ({@link ChangeStamps#PATIENT_FIELDS}): field name to
 * value, with {@link PatientStatusValue} for {@code status} and null for an empty optional field.
 */
final class PatientFields {

  private PatientFields() {}

  /** Returns the patient's field values (a mutable map that allows nulls). */
  static Map<String, Object> of(Patient p) {
    Map<String, Object> v = new HashMap<>();
    v.put("name", p.name());
    v.put("sex", p.sex());
    v.put("birthDate", p.birthDate());
    v.put("residentId", p.residentId());
    v.put("phone", p.phone());
    v.put("villageCode", p.villageCode());
    v.put("address", p.address());
    v.put("healthRecordNumber", p.healthRecordNumber());
    v.put("heightCm", p.heightCm());
    v.put("hypertensionDiagnosedOn", p.hypertension() ? p.hypertensionDiagnosedOn() : null);
    v.put("diabetesDiagnosedOn", p.diabetes() ? p.diabetesDiagnosedOn() : null);
    v.put(
        "status",
        new PatientStatusValue(p.status(), p.statusReason(), p.statusDate(), p.statusNote()));
    return v;
  }

  /**
   * The editable part of the fields, for {@link PatientService#normalise}. Conditions are listed
   * hypertension first, so {@code conditions[i]} in an error maps back by {@link #conditionField}.
   */
  static PatientDetails details(Map<String, Object> v) {
    return new PatientDetails(
        (String) v.get("name"),
        (Sex) v.get("sex"),
        (LocalDate) v.get("birthDate"),
        (String) v.get("residentId"),
        (String) v.get("phone"),
        (String) v.get("villageCode"),
        (String) v.get("address"),
        (String) v.get("healthRecordNumber"),
        (BigDecimal) v.get("heightCm"),
        conditions(v));
  }

  /**
   * The field of the {@code index}-th condition of {@link #details}: {@code
   * hypertensionDiagnosedOn} or {@code diabetesDiagnosedOn}.
   */
  static String conditionField(Map<String, Object> v, int index) {
    return conditions(v).get(index).disease() == Disease.HYPERTENSION
        ? "hypertensionDiagnosedOn"
        : "diabetesDiagnosedOn";
  }

  /** Returns the patient with these field values and the given county, author and time. */
  static Patient withValues(
      Patient p, Map<String, Object> v, String countyCode, UUID updatedBy, Instant updatedAt) {
    LocalDate hypertension = (LocalDate) v.get("hypertensionDiagnosedOn");
    LocalDate diabetes = (LocalDate) v.get("diabetesDiagnosedOn");
    PatientStatusValue status = (PatientStatusValue) v.get("status");
    return new Patient(
        p.id(),
        (String) v.get("name"),
        (Sex) v.get("sex"),
        (LocalDate) v.get("birthDate"),
        (String) v.get("residentId"),
        countyCode,
        (String) v.get("villageCode"),
        (String) v.get("phone"),
        (String) v.get("address"),
        (String) v.get("healthRecordNumber"),
        (BigDecimal) v.get("heightCm"),
        hypertension != null,
        hypertension,
        diabetes != null,
        diabetes,
        status.status(),
        status.reason(),
        status.date(),
        status.note(),
        p.requestHash(),
        p.createdBy(),
        p.createdAt(),
        updatedBy,
        updatedAt,
        p.version());
  }

  private static List<ConditionCommand> conditions(Map<String, Object> v) {
    List<ConditionCommand> conditions = new ArrayList<>();
    addCondition(conditions, Disease.HYPERTENSION, (LocalDate) v.get("hypertensionDiagnosedOn"));
    addCondition(conditions, Disease.DIABETES, (LocalDate) v.get("diabetesDiagnosedOn"));
    return conditions;
  }

  private static void addCondition(
      List<ConditionCommand> conditions, Disease disease, @Nullable LocalDate diagnosedOn) {
    if (diagnosedOn != null) {
      conditions.add(new ConditionCommand(disease, diagnosedOn));
    }
  }
}
