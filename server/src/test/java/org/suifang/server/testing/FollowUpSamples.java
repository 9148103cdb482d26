package org.suifang.server.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Object mother for follow-up forms: JSON bodies of {@code POST /api/v1/patients/{id}/follow-ups}
 * as mutable maps. Each call returns a new id. The defaults describe a complete, unremarkable
 * face-to-face visit, so a test sets only the values it is about.
 */
public final class FollowUpSamples {

  private FollowUpSamples() {}

  /** A complete hypertension clinic visit with the given blood pressure and no symptoms. */
  public static Map<String, Object> hypertensionVisit(LocalDate visitDate, int systolic, int diastolic) {
    Map<String, Object> f = common("HYPERTENSION", visitDate);
    f.put("systolic", systolic);
    f.put("diastolic", diastolic);
    f.put("heartRate", 76);
    f.put("saltIntake", "MODERATE");
    f.put("targetSaltIntake", "LIGHT");
    f.put("medications", List.of(medication("苯磺酸氨氯地平片", 1, 5)));
    return f;
  }

  /** A complete diabetes clinic visit with the given fasting glucose (capillary) and BP 128/78. */
  public static Map<String, Object> diabetesVisit(LocalDate visitDate, double fastingGlucose) {
    Map<String, Object> f = common("DIABETES", visitDate);
    f.put("systolic", 128);
    f.put("diastolic", 78);
    f.put("fastingGlucose", fastingGlucose);
    f.put("glucoseSpecimen", "CAPILLARY");
    f.put("dorsalisPedis", "NORMAL");
    f.put("stapleFoodGramsPerDay", 350);
    f.put("targetStapleFoodGramsPerDay", 300);
    f.put("hypoglycaemia", "NONE");
    List<Map<String, Object>> meds = new ArrayList<>();
    meds.add(medication("盐酸二甲双胍片", 2, 500));
    Map<String, Object> insulin = new LinkedHashMap<>();
    insulin.put("drugName", "甘精胰岛素");
    insulin.put("insulinType", "长效胰岛素");
    insulin.put("insulinDosage", "睡前皮下注射10单位");
    meds.add(insulin);
    f.put("medications", meds);
    return f;
  }

  /** A hypertension telephone visit: symptoms and lifestyle only, no measurements. */
  public static Map<String, Object> hypertensionPhoneCall(LocalDate visitDate) {
    Map<String, Object> f = common("HYPERTENSION", visitDate);
    f.put("mode", "PHONE");
    f.remove("weightKg");
    f.remove("targetWeightKg");
    return f;
  }

  /** A medication row of an oral drug. */
  public static Map<String, Object> medication(String drugName, int timesPerDay, double mgPerDose) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("drugName", drugName);
    m.put("timesPerDay", timesPerDay);
    m.put("mgPerDose", mgPerDose);
    return m;
  }

  /** The body of an amendment: the corrected form (with a new id) and the reason. */
  public static Map<String, Object> amendment(Map<String, Object> correctedForm, String reason) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("reason", reason);
    a.put("followUp", correctedForm);
    return a;
  }

  /** Returns a copy of the form with a new id, e.g. to correct it. */
  public static Map<String, Object> copyWithNewId(Map<String, Object> form) {
    Map<String, Object> copy = new LinkedHashMap<>(form);
    copy.put("id", UUID.randomUUID().toString());
    return copy;
  }

  private static Map<String, Object> common(String disease, LocalDate visitDate) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", UUID.randomUUID().toString());
    f.put("disease", disease);
    f.put("visitDate", visitDate.toString());
    f.put("mode", "CLINIC");
    f.put("symptoms", List.of("NONE"));
    f.put("weightKg", 70.0);
    f.put("targetWeightKg", 68.0);
    f.put("smokingPerDay", 0);
    f.put("targetSmokingPerDay", 0);
    f.put("drinkingLiangPerDay", 0);
    f.put("targetDrinkingLiangPerDay", 0);
    f.put("exerciseTimesPerWeek", 3);
    f.put("exerciseMinutesPerTime", 30);
    f.put("targetExerciseTimesPerWeek", 5);
    f.put("targetExerciseMinutesPerTime", 30);
    f.put("psychologicalAdjustment", "GOOD");
    f.put("compliance", "GOOD");
    f.put("medicationAdherence", "REGULAR");
    f.put("adverseReaction", false);
    f.put("newOrWorseComplication", false);
    f.put("recordedAt", visitDate.atTime(9, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString());
    return f;
  }
}
