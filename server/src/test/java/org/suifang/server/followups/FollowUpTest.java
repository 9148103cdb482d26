package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * The follow-ups API over HTTP on a real database: recording with validation and assessment by
 * the rule library, the previous visit read from the database, amend and void, access.
 */
@MicronautTest(transactional = false)
class FollowUpTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject
  TestAuth auth;

  @Inject
  TestApi api;

  @Inject
  TransactionOperations<Connection> transactions;

  @BeforeEach
  void seed() {
    auth.seedArea();
  }

  /** Registers a patient as doc1 in village 1 and returns its id. */
  private String patient(Map<String, Object> body) {
    TestApi.Response r = api.post("doc1", "/api/v1/patients", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.json().get("id");
  }

  private String hypertensive() {
    return patient(PatientSamples.hypertensive(VILLAGE_1));
  }

  private static String followUps(String patientId) {
    return "/api/v1/patients/" + patientId + "/follow-ups";
  }

  private TestApi.Response record(String patientId, Map<String, Object> form) {
    return api.post("doc1", followUps(patientId), form);
  }

  private Map<String, Object> recorded(String patientId, Map<String, Object> form) {
    TestApi.Response r = record(patientId, form);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.json();
  }

  @Test
  void record_hypertensionSbp182_dangerSignUrgentReferralDueIn14Days() {
    String patientId = hypertensive();
    LocalDate visitDate = TODAY.minusDays(1);

    TestApi.Response r = record(patientId, FollowUpSamples.hypertensionVisit(visitDate, 182, 100));

    assertThat(r.status()).isEqualTo(201);
    assertThat((List<?>) r.at("assessment.dangerSigns")).hasSize(1);
    assertThat(r.at("assessment.dangerSigns.0.code")).isEqualTo("BLOOD_PRESSURE_VERY_HIGH");
    assertThat(r.at("assessment.dangerSigns.0.labelZh")).isEqualTo("收缩压≥180mmHg和（或）舒张压≥110mmHg");
    assertThat(r.at("assessment.dangerSigns.0.labelEn"))
        .isEqualTo("Systolic BP ≥ 180 mmHg and/or diastolic BP ≥ 110 mmHg");
    assertThat(r.at("assessment.urgentReferral")).isEqualTo(true);
    assertThat(r.at("assessment.nextStep.code")).isEqualTo("URGENT_REFERRAL");
    assertThat(r.at("assessment.nextStep.formCode")).isEqualTo(4);
    assertThat(r.at("assessment.nextStep.labelZh")).isEqualTo("紧急转诊");
    assertThat(r.at("assessment.nextDueDate")).isEqualTo(visitDate.plusDays(14).toString());
    assertThat(r.at("nextVisitDate")).isEqualTo(visitDate.plusDays(14).toString());
    assertThat(r.at("assessment.ruleSetId")).isEqualTo("bphs-2017");
    assertThat(r.at("assessment.ageAtVisit")).isEqualTo(68);
    assertThat(r.at("assessment.bphsControlled")).isEqualTo(false);
    assertThat(r.at("state")).isEqualTo("CURRENT");
    assertThat(r.at("faceToFace")).isEqualTo(true);
    assertThat(r.at("doctorId")).isEqualTo(auth.seedArea().userId("doc1").toString());
    assertThat(r.at("doctorName")).isEqualTo("张医生");
    assertThat(api.get("sup1", "/api/v1/follow-ups/" + r.at("id")).json()).isEqualTo(r.json());
  }

  @Test
  void record_secondConsecutiveUncontrolledVisit_nextStepReferral() {
    String patientId = hypertensive();

    Map<String, Object> first = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(30), 160, 95));
    Map<String, Object> second = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(15), 162, 96));

    assertThat(first.get("effectiveClassification")).isEqualTo(
        Map.of("code", "UNCONTROLLED", "formCode", 2, "labelZh", "控制不满意", "labelEn", "Uncontrolled"));
    assertThat(((Map<?, ?>) first.get("assessment")).get("nextStep")).extracting(m -> ((Map<?, ?>) m).get("code"))
        .isEqualTo("FIRST_UNCONTROLLED_RECHECK");
    assertThat(((Map<?, ?>) second.get("assessment")).get("nextStep")).extracting(m -> ((Map<?, ?>) m).get("code"))
        .isEqualTo("REFERRAL");
  }

  @Test
  void record_previousVisitIsTheLastCurrentFaceToFaceOne_phoneAndVoidedAreSkipped() {
    String patientId = hypertensive();
    recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(40), 160, 95));
    recorded(patientId, FollowUpSamples.hypertensionPhoneCall(TODAY.minusDays(30)));
    Map<String, Object> controlledButVoided = recorded(patientId,
        FollowUpSamples.hypertensionVisit(TODAY.minusDays(20), 130, 80));
    assertThat(api.post("doc1", "/api/v1/follow-ups/" + controlledButVoided.get("id") + "/void",
        Map.of("reason", "录错患者")).status()).isEqualTo(200);

    TestApi.Response r = record(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(10), 158, 94));

    assertThat(r.at("assessment.nextStep.code")).isEqualTo("REFERRAL");
  }

  @Test
  void record_phoneVisitWithBloodPressure_400AndNothingStored() {
    String patientId = hypertensive();
    Map<String, Object> call = FollowUpSamples.hypertensionPhoneCall(TODAY.minusDays(2));
    call.put("systolic", 150);
    call.put("diastolic", 90);

    TestApi.Response r = record(patientId, call);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).containsEntry("code", "VALIDATION_FAILED");
    assertThat(r.fieldErrors()).containsExactlyInAnyOrder("systolic:PHONE_VISIT_HAS_MEASUREMENTS",
        "diastolic:PHONE_VISIT_HAS_MEASUREMENTS");
    assertThat(count("follow_up", patientId)).isZero();
    assertThat(count("follow_up_medication", patientId)).isZero();
  }

  @Test
  void record_phoneVisitWithoutMeasurements_isStoredAsNotFaceToFace() {
    String patientId = hypertensive();

    TestApi.Response r = record(patientId, FollowUpSamples.hypertensionPhoneCall(TODAY.minusDays(2)));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.at("faceToFace")).isEqualTo(false);
    assertThat(r.at("mode")).isEqualTo("PHONE");
  }

  @Test
  void record_futureVisitDate_400() {
    TestApi.Response r = record(hypertensive(), FollowUpSamples.hypertensionVisit(TODAY.plusDays(1), 130, 80));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactly("visitDate:FUTURE_DATE");
  }

  @Test
  void record_noSymptomsTogetherWithASymptom_400() {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80);
    form.put("symptoms", List.of("NONE", "HEADACHE_DIZZINESS"));

    TestApi.Response r = record(hypertensive(), form);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactly("symptoms:NO_SYMPTOMS_WITH_OTHERS");
  }

  @Test
  void record_symptomOfTheOtherFormOrFieldNotOnTheForm_400() {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80);
    form.put("symptoms", List.of("POLYURIA"));
    form.put("fastingGlucose", 6.1);

    TestApi.Response r = record(hypertensive(), form);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactlyInAnyOrder("symptoms[0]:UNKNOWN_CODE", "fastingGlucose:NOT_ON_FORM");
  }

  @Test
  void record_overrideWithoutReason_400_withReasonTheOverrideCounts() {
    String patientId = hypertensive();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(3), 160, 95);
    form.put("classificationOverride", "CONTROLLED");

    TestApi.Response noReason = record(patientId, form);
    form.put("overrideReason", "家庭自测血压连续一周达标，诊室血压偏高（白大衣效应）");
    TestApi.Response withReason = record(patientId, form);

    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.fieldErrors()).containsExactly("overrideReason:REQUIRED");
    assertThat(withReason.status()).isEqualTo(201);
    assertThat(withReason.at("assessment.classification.code")).isEqualTo("UNCONTROLLED");
    assertThat(withReason.at("classificationOverride")).isEqualTo("CONTROLLED");
    assertThat(withReason.at("effectiveClassification.code")).isEqualTo("CONTROLLED");
  }

  @Test
  void record_implausibleValue_storedWithItsWarning() {
    String patientId = hypertensive();

    TestApi.Response r = record(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 55, 35));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.at("warnings.0.field")).isEqualTo("systolic");
    assertThat(r.at("warnings.0.code")).isEqualTo("IMPLAUSIBLE");
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + r.at("id")).at("warnings.0.code")).isEqualTo("IMPLAUSIBLE");
  }

  @Test
  void record_bmiComputedFromWeightAndThePatientsHeight() {
    TestApi.Response r = record(hypertensive(), FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80));

    // 70.0 kg / 1.68 m² = 24.8; target 68.0 kg → 24.1
    assertThat(r.at("bmi")).isEqualTo(24.8);
    assertThat(r.at("targetBmi")).isEqualTo(24.1);
  }

  @Test
  void record_sameIdSameContent_200_otherContent_409() {
    String patientId = hypertensive();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80);
    Map<String, Object> first = recorded(patientId, form);

    TestApi.Response again = record(patientId, form);
    form.put("systolic", 131);
    TestApi.Response other = record(patientId, form);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json()).containsEntry("code", "FOLLOW_UP_ID_CONFLICT");
  }

  @Test
  void record_diabetesFpg17_dangerSign() {
    String patientId = patient(PatientSamples.diabetic(VILLAGE_1));

    TestApi.Response r = record(patientId, FollowUpSamples.diabetesVisit(TODAY.minusDays(1), 17.0));

    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    assertThat(r.at("assessment.dangerSigns.0.code")).isEqualTo("GLUCOSE_VERY_HIGH");
    assertThat(r.at("assessment.dangerSigns.0.labelZh")).isEqualTo("血糖≥16.7mmol/L");
    assertThat(r.at("assessment.urgentReferral")).isEqualTo(true);
    assertThat(r.at("fastingGlucose")).isEqualTo(17.0);
    assertThat(r.at("glucoseSpecimen")).isEqualTo("CAPILLARY");
    assertThat(r.at("medications.1.insulinType")).isEqualTo("长效胰岛素");
  }

  @Test
  void record_diabetesFormForAPatientWithoutDiabetes_400() {
    TestApi.Response r = record(hypertensive(), FollowUpSamples.diabetesVisit(TODAY.minusDays(1), 6.0));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactly("disease:NOT_A_CONDITION");
  }

  @Test
  void record_bothConditions_twoFormsShareTheEncounter() {
    String patientId = patient(PatientSamples.withBoth(VILLAGE_1));
    String encounterId = UUID.randomUUID().toString();
    Map<String, Object> htn = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 150, 92);
    Map<String, Object> dm = FollowUpSamples.diabetesVisit(TODAY.minusDays(1), 8.2);
    htn.put("encounterId", encounterId);
    dm.put("encounterId", encounterId);
    dm.put("systolic", 150);
    dm.put("diastolic", 92);
    Map<String, Object> otherDay = FollowUpSamples.diabetesVisit(TODAY.minusDays(2), 8.2);
    otherDay.put("encounterId", encounterId);

    Map<String, Object> htnView = recorded(patientId, htn);
    Map<String, Object> dmView = recorded(patientId, dm);
    TestApi.Response mismatch = record(patientId, otherDay);
    TestApi.Response history = api.get("doc1", followUps(patientId));

    assertThat(htnView.get("encounterId")).isEqualTo(encounterId);
    assertThat(dmView.get("encounterId")).isEqualTo(encounterId);
    assertThat(htnView.get("disease")).isEqualTo("HYPERTENSION");
    assertThat(dmView.get("disease")).isEqualTo("DIABETES");
    assertThat(((Map<?, ?>) dmView.get("effectiveClassification")).get("code")).isEqualTo("UNCONTROLLED");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.fieldErrors()).containsExactly("encounterId:ENCOUNTER_MISMATCH");
    assertThat((List<?>) history.at("items")).hasSize(2);
  }

  @Test
  void record_invalidMedicationRow_400AndNothingStored() {
    String patientId = hypertensive();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80);
    Map<String, Object> noDose = FollowUpSamples.medication("缬沙坦胶囊", 1, 80);
    noDose.remove("mgPerDose");
    Map<String, Object> blankName = FollowUpSamples.medication(" ", 1, 80);
    form.put("medications", List.of(FollowUpSamples.medication("苯磺酸氨氯地平片", 1, 5), noDose));
    Map<String, Object> form2 = FollowUpSamples.copyWithNewId(form);
    form2.put("medications", List.of(FollowUpSamples.medication("苯磺酸氨氯地平片", 1, 5), blankName));

    TestApi.Response missingDose = record(patientId, form);
    TestApi.Response noName = record(patientId, form2);

    assertThat(missingDose.status()).isEqualTo(400);
    assertThat(missingDose.fieldErrors()).containsExactly("medications[1].mgPerDose:REQUIRED");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.fieldErrors()).containsExactly("medications[1].drugName:REQUIRED");
    assertThat(count("follow_up", patientId)).isZero();
    assertThat(count("follow_up_medication", patientId)).isZero();
  }

  @Test
  void amend_keepsTheOriginal_historyShowsBoth() {
    String patientId = hypertensive();
    Map<String, Object> original = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(5), 128, 80));
    Map<String, Object> corrected = FollowUpSamples.hypertensionVisit(TODAY.minusDays(5), 182, 100);
    String originalPath = "/api/v1/follow-ups/" + original.get("id");

    TestApi.Response amended = api.post("doc1", originalPath + "/amend",
        FollowUpSamples.amendment(corrected, "收缩压录入错误，应为182"));
    TestApi.Response originalNow = api.get("doc1", originalPath);
    TestApi.Response history = api.get("doc1", followUps(patientId));
    TestApi.Response amendAgain = api.post("doc1", originalPath + "/amend",
        FollowUpSamples.amendment(FollowUpSamples.copyWithNewId(corrected), "再次更正"));

    assertThat(amended.status()).as(String.valueOf(amended.body())).isEqualTo(201);
    assertThat(amended.json()).containsEntry("id", corrected.get("id")).containsEntry("amends", original.get("id"))
        .containsEntry("amendReason", "收缩压录入错误，应为182").containsEntry("state", "CURRENT");
    assertThat(amended.at("assessment.urgentReferral")).isEqualTo(true);
    assertThat(originalNow.json()).containsEntry("state", "SUPERSEDED").containsEntry("supersededBy", corrected.get("id"))
        .containsEntry("systolic", 128);
    assertThat((List<?>) history.at("items")).hasSize(2);
    assertThat(history.at("items.0.id")).isNotEqualTo(history.at("items.1.id"));
    assertThat(List.of(history.at("items.0.state"), history.at("items.1.state")))
        .containsExactlyInAnyOrder("CURRENT", "SUPERSEDED");
    assertThat(amendAgain.status()).isEqualTo(409);
    assertThat(amendAgain.json()).containsEntry("code", "FOLLOW_UP_SUPERSEDED");
  }

  @Test
  void amend_changingTheDisease_400() {
    String patientId = patient(PatientSamples.withBoth(VILLAGE_1));
    Map<String, Object> original = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(5), 128, 80));

    TestApi.Response r = api.post("doc1", "/api/v1/follow-ups/" + original.get("id") + "/amend",
        FollowUpSamples.amendment(FollowUpSamples.diabetesVisit(TODAY.minusDays(5), 6.0), "改表"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactly("followUp.disease:DISEASE_CHANGED");
  }

  @Test
  void void_keepsTheRecordWithReasonAuthorAndTime_twice409() {
    String patientId = hypertensive();
    Map<String, Object> record = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(3), 135, 85));
    String path = "/api/v1/follow-ups/" + record.get("id");

    TestApi.Response voided = api.post("doc1", path + "/void", Map.of("reason", "重复录入"));
    TestApi.Response again = api.post("doc1", path + "/void", Map.of("reason", "重复录入"));
    TestApi.Response noReason = api.post("doc1", path + "/void", Map.of("reason", ""));

    assertThat(voided.status()).isEqualTo(200);
    assertThat(voided.json()).containsEntry("state", "VOIDED").containsEntry("voidReason", "重复录入")
        .containsEntry("voidedBy", auth.seedArea().userId("doc1").toString()).containsEntry("version", 1)
        .containsKey("voidedAt").containsEntry("systolic", 135);
    assertThat(api.get("sup1", path).json()).isEqualTo(voided.json());
    assertThat(api.get("doc1", followUps(patientId)).at("items.0.state")).isEqualTo("VOIDED");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json()).containsEntry("code", "FOLLOW_UP_ALREADY_VOIDED");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.fieldErrors()).containsExactly("reason:REQUIRED");
  }

  @Test
  void access_onlyADoctorOfTheVillageWrites_supervisorsReadTheirTownshipOnly() {
    String patientId = hypertensive();
    Map<String, Object> record = recorded(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(3), 135, 85));
    String path = "/api/v1/follow-ups/" + record.get("id");
    Map<String, Object> amendment = FollowUpSamples.amendment(
        FollowUpSamples.hypertensionVisit(TODAY.minusDays(3), 136, 85), "更正");

    assertThat(api.post("doc2", followUps(patientId),
        FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80)).status()).isEqualTo(403);
    assertThat(api.post("sup1", followUps(patientId),
        FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80)).status()).isEqualTo(403);
    assertThat(api.post("doc2", path + "/amend", amendment).status()).isEqualTo(403);
    assertThat(api.post("sup1", path + "/void", Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(api.get("doc2", followUps(patientId)).status()).isEqualTo(403);
    assertThat(api.get("sup2", followUps(patientId)).status()).isEqualTo(403);
    assertThat(api.get("sup2", path).status()).isEqualTo(403);
    assertThat(api.get("sup1", followUps(patientId)).status()).isEqualTo(200);
    assertThat(api.get("admin1", path).status()).isEqualTo(200);
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + UUID.randomUUID()).json())
        .containsEntry("code", "FOLLOW_UP_NOT_FOUND");
  }

  @Test
  void record_terminatedPatient_visitAfterTheTerminationDate_409() {
    String patientId = hypertensive();
    assertThat(api.post("doc1", "/api/v1/patients/" + patientId + "/status", Map.of("status", "TERMINATED",
        "reason", "DEATH", "date", TODAY.minusDays(10).toString(), "version", 0)).status()).isEqualTo(200);

    TestApi.Response before = record(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(20), 130, 80));
    TestApi.Response after = record(patientId, FollowUpSamples.hypertensionVisit(TODAY.minusDays(5), 130, 80));

    assertThat(before.status()).isEqualTo(201);
    assertThat(after.status()).isEqualTo(409);
    assertThat(after.json()).containsEntry("code", "PATIENT_TERMINATED");
  }

  @Test
  void record_bodyOverTheSizeLimit_413InTheStandardShape() {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 130, 80);
    form.put("remarks", "很".repeat(1_100_000));

    TestApi.Response r = record(hypertensive(), form);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json()).containsEntry("code", "PAYLOAD_TOO_LARGE").containsEntry("status", 413)
        .containsKeys("messageZh", "messageEn", "help");
  }

  /** Counts the rows of a follow-up table that belong to the patient. */
  private long count(String table, String patientId) {
    String sql = table.equals("follow_up")
        ? "SELECT count(*) FROM follow_up WHERE patient_id = ?"
        : "SELECT count(*) FROM " + table + " t JOIN follow_up f ON f.id = t.follow_up_id WHERE f.patient_id = ?";
    return transactions.executeRead(status -> {
      try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
        ps.setObject(1, UUID.fromString(patientId));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }
}
