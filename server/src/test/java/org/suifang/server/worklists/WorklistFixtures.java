package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;

/**
 * Registers patients and records, corrects and voids follow-ups for worklist tests through the real
 * REST API, as the village's doctor, so every visit is validated and assessed by the rules exactly
 * as a tablet's would be. Needs {@code TestAuth.seedArea()} first.
 */
@Singleton
class WorklistFixtures {

  /** Every patient's birth date: 56 in 2026, below the 65-year age split of the BP target. */
  static final LocalDate BIRTH_DATE = LocalDate.of(1970, 3, 15);

  private static final Map<String, String> DOCTORS =
      Map.of(TestArea.VILLAGE_1, "doc1", TestArea.VILLAGE_2, "doc2", TestArea.VILLAGE_3, "doc3");

  private final TestApi api;
  private final Map<UUID, String> doctorOf = new ConcurrentHashMap<>();

  WorklistFixtures(TestApi api) {
    this.api = api;
  }

  /** A visit to record: the form fields the worklists depend on. */
  record Visit(
      Disease disease,
      LocalDate date,
      VisitMode mode,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Double fastingGlucose,
      boolean annualCheck) {

    static Visit htn(LocalDate date, int systolic, int diastolic) {
      return new Visit(
          Disease.HYPERTENSION, date, VisitMode.CLINIC, systolic, diastolic, null, false);
    }

    static Visit dm(LocalDate date, double fastingGlucose) {
      return new Visit(Disease.DIABETES, date, VisitMode.CLINIC, null, null, fastingGlucose, false);
    }

    static Visit phone(Disease disease, LocalDate date) {
      return new Visit(disease, date, VisitMode.PHONE, null, null, null, false);
    }

    Visit home() {
      return new Visit(
          disease, date, VisitMode.HOME, systolic, diastolic, fastingGlucose, annualCheck);
    }

    Visit asAnnualCheck() {
      return new Visit(disease, date, mode, systolic, diastolic, fastingGlucose, true);
    }

    Map<String, Object> form() {
      Map<String, Object> f;
      if (mode == VisitMode.PHONE) {
        f = FollowUpSamples.hypertensionPhoneCall(date);
        f.put("disease", disease.name());
      } else if (disease == Disease.HYPERTENSION) {
        f = FollowUpSamples.hypertensionVisit(date, systolic, diastolic);
      } else {
        f = FollowUpSamples.diabetesVisit(date, fastingGlucose);
      }
      f.put("mode", mode.name());
      if (annualCheck) {
        f.put("annualCheck", true);
      }
      return f;
    }
  }

  /** Registers an ACTIVE patient of the village, born {@link #BIRTH_DATE}; returns the id. */
  UUID patient(String village, String name, Disease... diseases) {
    String doctor = DOCTORS.get(village);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", UUID.randomUUID().toString());
    p.put("name", name);
    p.put("residentId", PatientSamples.residentId(BIRTH_DATE, "MALE"));
    p.put("phone", "13800000000");
    p.put("villageCode", village);
    p.put("address", "一组1号");
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Disease d : diseases) {
      conditions.add(PatientSamples.condition(d.name(), "2020-01-01"));
    }
    p.put("conditions", conditions);
    UUID id = UUID.fromString((String) created(api.post(doctor, "/api/v1/patients", p)).get("id"));
    doctorOf.put(id, doctor);
    return id;
  }

  /** Sets the patient's status: LOST_TO_FOLLOW_UP, or TERMINATED (reason DEATH), from today. */
  void status(UUID patient, String status) {
    String doctor = doctorOf.get(patient);
    TestApi.Response current = api.get(doctor, "/api/v1/patients/" + patient);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    if ("TERMINATED".equals(status)) {
      body.put("reason", "DEATH");
    }
    body.put("version", current.at("version"));
    TestApi.Response r = api.post(doctor, "/api/v1/patients/" + patient + "/status", body);
    if (r.status() != 200) {
      throw new AssertionError("status change answered " + r.status() + ": " + r.body());
    }
  }

  /** Records a visit; returns its id. */
  UUID visit(UUID patient, Visit v) {
    TestApi.Response r =
        api.post(doctorOf.get(patient), "/api/v1/patients/" + patient + "/follow-ups", v.form());
    return UUID.fromString((String) created(r).get("id"));
  }

  /** Corrects a visit: the correction is a new record amending it; returns the new id. */
  UUID amend(UUID patient, UUID original, Visit corrected) {
    TestApi.Response r =
        api.post(
            doctorOf.get(patient),
            "/api/v1/follow-ups/" + original + "/amend",
            FollowUpSamples.amendment(corrected.form(), "日期填错"));
    return UUID.fromString((String) created(r).get("id"));
  }

  /** Voids a visit. */
  void voidVisit(UUID patient, UUID id) {
    TestApi.Response r =
        api.post(
            doctorOf.get(patient),
            "/api/v1/follow-ups/" + id + "/void",
            Map.of("reason", "录入了错误的患者"));
    if (r.status() != 200) {
      throw new AssertionError("void answered " + r.status() + ": " + r.body());
    }
  }

  private static Map<String, Object> created(TestApi.Response r) {
    if (r.status() != 201) {
      throw new AssertionError("expected 201, got " + r.status() + ": " + r.body());
    }
    return r.json();
  }
}
