package org.suifang.server.patients.chart;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.rules.RuleSet;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.followups.FollowUpReader;
import org.suifang.server.patients.Patient;
import org.suifang.server.patients.PatientService;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.users.User;
import org.suifang.server.users.UserService;
import org.suifang.server.worklists.ResidentIdMask;

/**
 * Builds the model of the patient page from the patient and their follow-up history exactly as the
 * API shows them ({@code GET /api/v1/patients/{id}} and {@code .../follow-ups}), and audits the
 * view. The target lines of the charts follow the rule set: the BPHS controlled limits (140/90, or
 * the elderly limits from the elderly age at the visit when the age split is on) and the glucose
 * limit (7.0 mmol/L).
 */
@Singleton
class PatientChartService {

  /**
   * The form fields of a visit in the order of the paper forms (domain.md §4.1, §4.2), then the
   * record's own fields. Medications, the referral and the assessment are shown separately.
   */
  static final List<String> FORM_FIELDS =
      List.of(
          "visitDate",
          "mode",
          "faceToFace",
          "symptoms",
          "otherSymptoms",
          "systolic",
          "diastolic",
          "heartRate",
          "temperature",
          "weightKg",
          "targetWeightKg",
          "bmi",
          "targetBmi",
          "otherSigns",
          "dorsalisPedis",
          "dorsalisPedisSide",
          "smokingPerDay",
          "targetSmokingPerDay",
          "drinkingLiangPerDay",
          "targetDrinkingLiangPerDay",
          "exerciseTimesPerWeek",
          "exerciseMinutesPerTime",
          "targetExerciseTimesPerWeek",
          "targetExerciseMinutesPerTime",
          "saltIntake",
          "targetSaltIntake",
          "stapleFoodGramsPerDay",
          "targetStapleFoodGramsPerDay",
          "psychologicalAdjustment",
          "compliance",
          "ancillaryTests",
          "fastingGlucose",
          "glucoseSpecimen",
          "hba1c",
          "hba1cTestDate",
          "medicationAdherence",
          "adverseReaction",
          "adverseReactionDescription",
          "adverseReactionHardToControl",
          "newOrWorseComplication",
          "complicationDescription",
          "hypoglycaemia",
          "previousReferralOutcome",
          "reportedDangerSigns",
          "pregnantOrBreastfeeding",
          "annualCheck",
          "nextVisitDate",
          "remarks",
          "doctorName",
          "recordedAt",
          "receivedAt");

  static final List<String> ASSESSMENT_FIELDS =
      List.of(
          "ruleSetId",
          "ageAtVisit",
          "dangerSigns",
          "urgentReferral",
          "classification",
          "nextStep",
          "nextDueDate",
          "bphsControlled",
          "clinicalTargetMet");

  static final List<String> REFERRAL_FIELDS =
      List.of("reason", "facility", "department", "contact", "contactPhone");

  /** Labels of the coded form fields that the API shows as bare codes (domain.md §4.1, §4.2). */
  static final Map<String, String[]> CODE_LABELS =
      Map.ofEntries(
          Map.entry("CLINIC", new String[] {"门诊", "clinic"}),
          Map.entry("HOME", new String[] {"家庭", "home"}),
          Map.entry("PHONE", new String[] {"电话", "phone"}),
          Map.entry("LIGHT", new String[] {"轻", "light"}),
          Map.entry("MODERATE", new String[] {"中", "moderate"}),
          Map.entry("HEAVY", new String[] {"重", "heavy"}),
          Map.entry("GOOD", new String[] {"良好", "good"}),
          Map.entry("FAIR", new String[] {"一般", "fair"}),
          Map.entry("POOR", new String[] {"差", "poor"}),
          Map.entry("REGULAR", new String[] {"规律", "regular"}),
          Map.entry("INTERMITTENT", new String[] {"间断", "intermittent"}),
          Map.entry("NOT_TAKING", new String[] {"不服药", "not taking"}),
          Map.entry("NORMAL", new String[] {"触及正常", "palpable, normal"}),
          Map.entry("WEAKENED", new String[] {"减弱", "weakened"}),
          Map.entry("ABSENT", new String[] {"消失", "absent"}),
          Map.entry("BOTH", new String[] {"双侧", "both sides"}),
          Map.entry("LEFT", new String[] {"左侧", "left"}),
          Map.entry("RIGHT", new String[] {"右侧", "right"}),
          Map.entry("CAPILLARY", new String[] {"末梢血", "capillary"}),
          Map.entry("PLASMA", new String[] {"静脉血浆", "venous plasma"}),
          Map.entry("NONE", new String[] {"无", "none"}),
          Map.entry("OCCASIONAL", new String[] {"偶尔", "occasional"}),
          Map.entry("FREQUENT", new String[] {"频繁", "frequent"}),
          Map.entry("ARRIVED", new String[] {"到位", "arrived"}),
          Map.entry("NOT_ARRIVED", new String[] {"不到位", "did not arrive"}));

  /** The fields whose value is one of {@link #CODE_LABELS}. */
  static final java.util.Set<String> CODED_FIELDS =
      java.util.Set.of(
          "mode",
          "saltIntake",
          "targetSaltIntake",
          "psychologicalAdjustment",
          "compliance",
          "medicationAdherence",
          "dorsalisPedis",
          "dorsalisPedisSide",
          "glucoseSpecimen",
          "hypoglycaemia",
          "previousReferralOutcome");

  private final PatientService patients;
  private final FollowUpReader followUps;
  private final RegionService regions;
  private final UserService users;
  private final RuleSet ruleSet;
  private final AuditLog audit;
  private final JsonMapper json;
  private final JdbcOperations jdbc;

  PatientChartService(
      PatientService patients,
      FollowUpReader followUps,
      RegionService regions,
      UserService users,
      RuleSet ruleSet,
      AuditLog audit,
      JsonMapper json,
      JdbcOperations jdbc) {
    this.patients = patients;
    this.followUps = followUps;
    this.regions = regions;
    this.users = users;
    this.ruleSet = ruleSet;
    this.audit = audit;
    this.json = json;
    this.jdbc = jdbc;
  }

  /** The page: either a redirect to the survivor of a merge, or the model to render. */
  record Chart(@Nullable UUID mergedInto, Map<String, Object> model) {}

  /**
   * Returns the page of a patient the caller may read, after writing {@code PATIENT_VIEW} to the
   * audit log; a merged duplicate answers its survivor instead (not audited: nothing is shown).
   *
   * @param unmasked show the resident ID number in full (the "show" form; noted in the audit row)
   * @throws org.suifang.server.common.ApiException PATIENT_NOT_FOUND, or FORBIDDEN outside the
   *     caller's area
   */
  // Not read-only: the audit row is written in the same transaction as the reads.
  @Transactional
  Chart chart(UUID id, boolean unmasked, CurrentUser user, @Nullable HttpRequest<?> request) {
    Patient p = patients.readable(id, user);
    UUID survivor = mergedInto(id);
    if (survivor != null) {
      return new Chart(survivor, Map.of());
    }
    audit.record(
        user,
        request,
        AuditAction.PATIENT_VIEW,
        "PATIENT",
        id.toString(),
        unmasked
            ? "page /dashboard/patients, resident ID shown in full"
            : "page /dashboard/patients");
    List<Map<String, Object>> history = new ArrayList<>();
    for (JsonNode node : followUps.history(id)) {
      history.add(toMap(node));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("patient", patientModel(p, unmasked));
    model.put("unmasked", unmasked);
    model.put("timeline", timeline(history));
    model.put("chartJson", chartJson(history));
    model.put("visitCount", history.size());
    return new Chart(null, model);
  }

  private Map<String, Object> patientModel(Patient p, boolean unmasked) {
    LocalDate today = patients.today();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id().toString());
    m.put("name", p.name());
    m.put("sex", p.sex().name());
    m.put("birthDate", p.birthDate().toString());
    m.put("age", Period.between(p.birthDate(), today).getYears());
    m.put("residentId", unmasked ? p.residentId() : ResidentIdMask.mask(p.residentId()));
    m.put("hasResidentId", p.residentId() != null);
    m.put("phone", p.phone());
    m.put("address", p.address());
    m.put("villageCode", p.villageCode());
    m.put("villageName", regions.find(p.villageCode()).map(RegionView::name).orElse(null));
    m.put("healthRecordNumber", p.healthRecordNumber());
    m.put("heightCm", p.heightCm() == null ? null : p.heightCm().toPlainString());
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Disease d : Disease.values()) {
      if (p.has(d)) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("disease", d.name());
        LocalDate on =
            d == Disease.HYPERTENSION ? p.hypertensionDiagnosedOn() : p.diabetesDiagnosedOn();
        c.put("diagnosedOn", on == null ? null : on.toString());
        conditions.add(c);
      }
    }
    m.put("conditions", conditions);
    m.put("status", p.status().name());
    m.put("statusReason", p.statusReason() == null ? null : p.statusReason().name());
    m.put("statusDate", p.statusDate().toString());
    m.put("statusNote", p.statusNote());
    m.put("registeredAt", p.createdAt().atZone(PatientService.CHINA).toLocalDate().toString());
    m.put("registeredBy", users.findById(p.createdBy()).map(User::displayName).orElse(null));
    return m;
  }

  /**
   * Returns the timeline entries, newest first: every current or voided record, each with the chain
   * of records it corrected (newest first, shown struck through); a superseded record whose
   * correction is missing stands alone.
   */
  List<Map<String, Object>> timeline(List<Map<String, Object>> history) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    for (Map<String, Object> v : history) {
      byId.put((String) v.get("id"), v);
    }
    Map<UUID, String> names = new HashMap<>();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> v : history) {
      boolean superseded = "SUPERSEDED".equals(v.get("state"));
      if (superseded && byId.containsKey((String) v.get("supersededBy"))) {
        continue;
      }
      Map<String, Object> entry = entry(v, names);
      List<Map<String, Object>> originals = new ArrayList<>();
      Object amends = v.get("amends");
      while (amends != null && byId.containsKey((String) amends)) {
        Map<String, Object> original = byId.get((String) amends);
        originals.add(entry(original, names));
        amends = original.get("amends");
      }
      entry.put("originals", originals);
      out.add(entry);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> entry(Map<String, Object> v, Map<UUID, String> names) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", v.get("id"));
    e.put("disease", v.get("disease"));
    e.put("visitDate", v.get("visitDate"));
    e.put("mode", v.get("mode"));
    e.put("state", v.get("state"));
    e.put("fields", fields(v, FORM_FIELDS));
    e.put("medications", v.get("medications"));
    e.put("medicationAdjustments", v.get("medicationAdjustments"));
    Map<String, Object> referral = (Map<String, Object>) v.get("referral");
    e.put("referral", referral == null ? List.of() : fields(referral, REFERRAL_FIELDS));
    Map<String, Object> assessment = (Map<String, Object>) v.get("assessment");
    e.put("assessment", assessment == null ? List.of() : fields(assessment, ASSESSMENT_FIELDS));
    e.put("recommendedActionZh", assessment == null ? null : assessment.get("recommendedActionZh"));
    e.put("recommendedActionEn", assessment == null ? null : assessment.get("recommendedActionEn"));
    e.put("effectiveClassification", value(v.get("effectiveClassification")));
    e.put("classificationOverride", v.get("classificationOverride"));
    e.put("overrideReason", v.get("overrideReason"));
    e.put("assessmentMismatch", v.get("assessmentMismatch"));
    e.put("clockSuspect", Boolean.TRUE.equals(v.get("clockSuspect")));
    e.put("warnings", v.get("warnings"));
    e.put("amends", v.get("amends"));
    e.put("amendReason", v.get("amendReason"));
    e.put("voidedAt", v.get("voidedAt"));
    e.put("voidReason", v.get("voidReason"));
    Object voidedBy = v.get("voidedBy");
    e.put(
        "voidedByName", voidedBy == null ? null : name(UUID.fromString((String) voidedBy), names));
    return e;
  }

  private String name(UUID id, Map<UUID, String> names) {
    return names.computeIfAbsent(
        id, k -> users.findById(k).map(User::displayName).orElse(k.toString()));
  }

  /**
   * Returns the non-empty fields among {@code keys}, each with its value in Chinese and English.
   */
  private static List<Map<String, Object>> fields(Map<String, Object> v, List<String> keys) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : keys) {
      Map<String, Object> value = value(v.get(key));
      if (value != null && CODED_FIELDS.contains(key) && CODE_LABELS.containsKey(value.get("zh"))) {
        String[] labels = CODE_LABELS.get(value.get("zh"));
        value.put("code", value.get("zh"));
        value.put("zh", labels[0]);
        value.put("en", labels[1]);
      }
      if (value != null) {
        value.put("key", key);
        out.add(value);
      }
    }
    return out;
  }

  /**
   * Returns a display value {@code {zh, en, code}}: a labelled code shows its labels, a list its
   * items joined, a boolean 是/否 (yes/no); null for null or an empty list or text.
   */
  @SuppressWarnings("unchecked")
  static @Nullable Map<String, Object> value(@Nullable Object raw) {
    if (raw == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> map && map.containsKey("labelZh")) {
      out.put("zh", map.get("labelZh"));
      out.put("en", map.get("labelEn"));
      out.put("code", map.get("code"));
    } else if (raw instanceof List<?> list) {
      if (list.isEmpty()) {
        return null;
      }
      List<String> zh = new ArrayList<>();
      List<String> en = new ArrayList<>();
      for (Object item : list) {
        Map<String, Object> v = value(item);
        if (v != null) {
          zh.add(String.valueOf(v.get("zh")));
          en.add(String.valueOf(v.get("en")));
        }
      }
      out.put("zh", String.join("；", zh));
      out.put("en", String.join("; ", en));
    } else if (raw instanceof Boolean b) {
      out.put("zh", b ? "是" : "否");
      out.put("en", b ? "yes" : "no");
    } else {
      String text = raw instanceof BigDecimal d ? d.toPlainString() : String.valueOf(raw);
      if (text.isBlank()) {
        return null;
      }
      out.put("zh", text);
      out.put("en", text);
    }
    return out;
  }

  /**
   * Returns the charts' data as JSON: blood pressure and fasting glucose of the current visits,
   * oldest first, with the target of each visit. Only dates and numbers: it is embedded in the
   * page.
   */
  @SuppressWarnings("unchecked")
  String chartJson(List<Map<String, Object>> history) {
    List<Map<String, Object>> bp = new ArrayList<>();
    List<Map<String, Object>> glucose = new ArrayList<>();
    java.util.Set<String> seenBp = new java.util.HashSet<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      Map<String, Object> v = history.get(i);
      if (!"CURRENT".equals(v.get("state"))) {
        continue;
      }
      String date = (String) v.get("visitDate");
      Object sbp = v.get("systolic");
      Object dbp = v.get("diastolic");
      Map<String, Object> assessment = (Map<String, Object>) v.get("assessment");
      int age = assessment == null ? 0 : ((Number) assessment.get("ageAtVisit")).intValue();
      // Both forms of one encounter carry the same blood pressure: plot it once.
      if (sbp != null && dbp != null && seenBp.add(date + "/" + sbp + "/" + dbp)) {
        boolean elderly = ruleSet.elderlySplitEnabled() && age >= ruleSet.elderlyAge();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("date", date);
        point.put("systolic", sbp);
        point.put("diastolic", dbp);
        point.put(
            "targetSystolic",
            elderly
                ? ruleSet.elderlyControlledSystolicBelow()
                : ruleSet.htnControlledSystolicBelow());
        point.put(
            "targetDiastolic",
            elderly
                ? ruleSet.elderlyControlledDiastolicBelow()
                : ruleSet.htnControlledDiastolicBelow());
        bp.add(point);
      }
      Object fpg = v.get("fastingGlucose");
      if (fpg != null) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("date", date);
        point.put("value", fpg);
        glucose.add(point);
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("bp", bp);
    data.put("glucose", glucose);
    data.put("glucoseTarget", ruleSet.dmControlledGlucoseBelow());
    try {
      // Escape '<' so the JSON can never close the <script> block it is embedded in.
      return json.writeValueAsString(data).replace("<", "\\u003c");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> toMap(JsonNode node) {
    try {
      return json.readValueFromTree(node, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private @Nullable UUID mergedInto(UUID id) {
    return jdbc.prepareStatement(
        "SELECT merged_into FROM patient WHERE id = ?",
        ps -> {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getObject(1, UUID.class)).orElse(null) : null;
          }
        });
  }
}
