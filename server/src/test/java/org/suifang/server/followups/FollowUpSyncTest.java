package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.patients.SyncMutations.asLong;
import static org.suifang.server.patients.SyncMutations.context;
import static org.suifang.server.patients.SyncMutations.fieldErrors;
import static org.suifang.server.patients.SyncMutations.hlcNow;
import static org.suifang.server.testing.TestArea.VILLAGE_1;
import static org.suifang.server.testing.TestArea.VILLAGE_3;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.patients.SyncMutations;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The FOLLOW_UP_RECORD, FOLLOW_UP_AMEND and FOLLOW_UP_VOID handlers, called as the sync endpoint
 * calls them (one transaction per mutation): the REST rules apply, the server re-assesses and keeps
 * the tablet's assessment with what differed, and a second void is a no-op.
 */
@MicronautTest(transactional = false)
class FollowUpSyncTest {

  private static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject SyncMutations sync;

  CurrentUser doc1;
  final UUID device = UUID.fromString("0193d000-0000-7000-8000-00000000000d");

  @BeforeEach
  void seed() {
    TestArea area = auth.seedArea();
    doc1 = SyncMutations.doctor(area, "doc1", VILLAGE_1);
  }

  @Test
  void record_storesTheServersAssessmentAndTheTabletsWithoutMismatchWhenTheyAgree() {
    Map<String, Object> first = FollowUpSamples.hypertensionVisit(YESTERDAY, 150, 95);
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patient(), first, null));
    Map<String, Object> tablet = serverAssessment(id(first));
    Map<String, Object> second = FollowUpSamples.hypertensionVisit(YESTERDAY, 150, 95);

    int conflicts =
        sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patient(), second, tablet));

    assertThat(conflicts).isZero();
    Map<String, Object> row = followUpRow(id(second));
    assertThat(row.get("doctor_id")).isEqualTo(doc1.id());
    assertThat(asLong(row.get("change_seq"))).isPositive();
    assertThat(row.get("assessment_mismatch")).isNull();
    assertThat(row.get("clock_suspect")).isEqualTo(false);
    assertThat(sync.parse((String) row.get("client_assessment"))).isEqualTo(tablet);
    assertThat(followUpRow(id(first)).get("client_assessment")).isNull();
  }

  @Test
  void record_tabletAssessedOtherwise_serverAssessmentStoredAndTheDifferenceDescribed() {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(YESTERDAY, 182, 100);
    Map<String, Object> tablet = new LinkedHashMap<>();
    tablet.put("ruleSetId", "bphs-2017");
    tablet.put("dangerSigns", List.of());
    tablet.put("urgentReferral", false);
    tablet.put("classification", "CONTROLLED");
    tablet.put("nextStep", "ROUTINE");
    tablet.put("nextDueDate", YESTERDAY.plusDays(90).toString());

    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patient(), form, tablet));

    Map<String, Object> row = followUpRow(id(form));
    assertThat(row.get("classification")).isEqualTo("UNCONTROLLED");
    assertThat(row.get("urgent_referral")).isEqualTo(true);
    String mismatch = (String) row.get("assessment_mismatch");
    assertThat(mismatch)
        .contains("dangerSigns: tablet [], server [BLOOD_PRESSURE_VERY_HIGH]")
        .contains("urgentReferral: tablet false, server true")
        .contains("classification: tablet CONTROLLED, server UNCONTROLLED")
        .contains(
            "nextDueDate: tablet " + YESTERDAY.plusDays(90) + ", server " + row.get("due_date"))
        .doesNotContain("ruleSetId");
  }

  @Test
  void record_sameIdAgain_noOpWithSameContentAndIdConflictWithOther() {
    UUID patientId = patient();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, form, null));
    long changeSeq = asLong(followUpRow(id(form)).get("change_seq"));

    int again = sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, form, null));
    Map<String, Object> other = new LinkedHashMap<>(form);
    other.put("systolic", 131);
    ApiException conflict =
        sync.rejected(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, other, null));

    assertThat(again).isZero();
    assertThat(asLong(followUpRow(id(form)).get("change_seq"))).isEqualTo(changeSeq);
    assertThat(conflict.code()).isEqualTo(FollowUpError.FOLLOW_UP_ID_CONFLICT);
    assertThat(followUpRow(id(form)).get("systolic")).isEqualTo(130);
  }

  @Test
  void record_invalidForm_rejectedWithPayloadPathsAndNothingStored() {
    UUID patientId = patient();
    Map<String, Object> noSymptoms = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    noSymptoms.put("symptoms", List.of());
    Map<String, Object> glucose = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    glucose.put("fastingGlucose", 7.0);

    ApiException bean =
        sync.rejected(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, noSymptoms, null));
    ApiException form =
        sync.rejected(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, glucose, null));

    assertThat(bean.code()).isEqualTo(CommonError.VALIDATION_FAILED);
    assertThat(fieldErrors(bean)).containsExactly("followUp.symptoms:REQUIRED");
    assertThat(form.code()).isEqualTo(CommonError.VALIDATION_FAILED);
    assertThat(fieldErrors(form)).containsExactly("followUp.fastingGlucose:NOT_ON_FORM");
    assertThat(sync.rows("SELECT id FROM follow_up WHERE patient_id = ?", patientId)).isEmpty();
  }

  @Test
  void record_authorOutsideThePatientsVillage_forbidden() {
    CurrentUser doc3 = SyncMutations.doctor(auth.seedArea(), "doc3", VILLAGE_3);
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);

    ApiException e =
        sync.rejected(
            context(doc3, device, hlcNow()),
            "FOLLOW_UP_RECORD",
            recordPayload(patient(), form, null));

    assertThat(e.code()).isEqualTo(CommonError.FORBIDDEN);
  }

  @Test
  void record_clockFlag_fromARestampOrAnImplausibleDeviceTime() {
    UUID patientId = patient();
    Map<String, Object> restamped = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    Map<String, Object> ahead = FollowUpSamples.hypertensionVisit(YESTERDAY.minusDays(1), 130, 80);
    ahead.put("recordedAt", Instant.now().plus(Duration.ofDays(1)).toString());
    Map<String, Object> behind = FollowUpSamples.hypertensionVisit(YESTERDAY.minusDays(2), 130, 80);
    behind.put("recordedAt", "2001-01-01T00:00:00Z");
    Map<String, Object> plain = FollowUpSamples.hypertensionVisit(YESTERDAY.minusDays(3), 130, 80);
    long hlc = hlcNow();
    MutationContext suspect =
        new MutationContext(
            UUID.randomUUID(), device, doc1, hlc, hlc + (1L << 40), true, 1, Instant.now());

    sync.apply(suspect, "FOLLOW_UP_RECORD", recordPayload(patientId, restamped, null));
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, ahead, null));
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, behind, null));
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, plain, null));

    assertThat(followUpRow(id(restamped)).get("clock_suspect")).isEqualTo(true);
    assertThat(followUpRow(id(ahead)).get("clock_suspect")).isEqualTo(true);
    assertThat(followUpRow(id(behind)).get("clock_suspect")).isEqualTo(true);
    assertThat(followUpRow(id(plain)).get("clock_suspect")).isEqualTo(false);
  }

  @Test
  void amend_viaHandler_supersedesTheOriginal_amendingItAgainIsRejected() {
    UUID patientId = patient();
    Map<String, Object> original = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patientId, original, null));
    Map<String, Object> corrected = FollowUpSamples.copyWithNewId(original);
    corrected.put("systolic", 138);
    Map<String, Object> again = FollowUpSamples.copyWithNewId(original);

    sync.apply(mutation(), "FOLLOW_UP_AMEND", amendPayload(id(original), corrected));
    ApiException superseded =
        sync.rejected(mutation(), "FOLLOW_UP_AMEND", amendPayload(id(original), again));

    Map<String, Object> row = followUpRow(id(corrected));
    assertThat(row.get("amends")).isEqualTo(id(original));
    assertThat(row.get("amend_reason")).isEqualTo("收缩压录入错误");
    assertThat(row.get("systolic")).isEqualTo(138);
    assertThat(asLong(row.get("change_seq")))
        .isGreaterThan(asLong(followUpRow(id(original)).get("change_seq")));
    assertThat(superseded.code()).isEqualTo(FollowUpError.FOLLOW_UP_SUPERSEDED);
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + id(original)).json())
        .containsEntry("state", "SUPERSEDED");
  }

  @Test
  void void_viaHandler_voids_aSecondVoidIsANoOpAndTheFirstStands() {
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    sync.apply(mutation(), "FOLLOW_UP_RECORD", recordPayload(patient(), form, null));

    sync.apply(mutation(), "FOLLOW_UP_VOID", voidPayload(id(form), "录错患者"));
    Map<String, Object> first = followUpRow(id(form));
    int second = sync.apply(mutation(), "FOLLOW_UP_VOID", voidPayload(id(form), "重复"));

    assertThat(second).isZero();
    Map<String, Object> row = followUpRow(id(form));
    assertThat(row.get("void_reason")).isEqualTo("录错患者");
    assertThat(row.get("voided_by")).isEqualTo(doc1.id());
    assertThat(row.get("voided_at")).isEqualTo(first.get("voided_at"));
    assertThat(row.get("change_seq")).isEqualTo(first.get("change_seq"));
    assertThat(asLong(first.get("change_seq"))).isPositive();
  }

  @Test
  void restWrites_stampTheChangeSequence() {
    UUID patientId = patient();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(YESTERDAY, 130, 80);
    TestApi.Response recorded =
        api.post("doc1", "/api/v1/patients/" + patientId + "/follow-ups", form);
    long atRecord = asLong(followUpRow(id(form)).get("change_seq"));

    TestApi.Response voided =
        api.post("doc1", "/api/v1/follow-ups/" + id(form) + "/void", Map.of("reason", "录错患者"));
    TestApi.Response twice =
        api.post("doc1", "/api/v1/follow-ups/" + id(form) + "/void", Map.of("reason", "重复"));

    assertThat(recorded.status()).isEqualTo(201);
    assertThat(recorded.json()).containsEntry("assessmentMismatch", null);
    assertThat(voided.status()).isEqualTo(200);
    assertThat(twice.status()).as("REST keeps refusing a second void").isEqualTo(409);
    assertThat(atRecord).isPositive();
    assertThat(asLong(followUpRow(id(form)).get("change_seq"))).isGreaterThan(atRecord);
  }

  // --- helpers

  private MutationContext mutation() {
    return context(doc1, device, hlcNow());
  }

  /** Registers a hypertensive patient of village 1 by sync and returns its id. */
  private UUID patient() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.put("name", "随访" + UUID.randomUUID().toString().substring(0, 8));
    sync.apply(mutation(), "PATIENT_CREATE", body);
    return UUID.fromString((String) body.get("id"));
  }

  private static Map<String, Object> recordPayload(
      UUID patientId, Map<String, Object> form, Map<String, Object> clientAssessment) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId.toString());
    payload.put("followUp", form);
    payload.put("clientAssessment", clientAssessment);
    return payload;
  }

  private static Map<String, Object> amendPayload(UUID originalId, Map<String, Object> form) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("originalId", originalId.toString());
    payload.put("reason", "收缩压录入错误");
    payload.put("followUp", form);
    return payload;
  }

  private static Map<String, Object> voidPayload(UUID followUpId, String reason) {
    return Map.of("followUpId", followUpId.toString(), "reason", reason);
  }

  private static UUID id(Map<String, Object> form) {
    return UUID.fromString((String) form.get("id"));
  }

  private Map<String, Object> followUpRow(UUID id) {
    return sync.row("SELECT * FROM follow_up WHERE id = ?", id);
  }

  /** The stored assessment of a record, in the shape a tablet sends as clientAssessment. */
  private Map<String, Object> serverAssessment(UUID id) {
    Map<String, Object> row = followUpRow(id);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ruleSetId", row.get("rule_set_id"));
    String signs = (String) row.get("danger_signs");
    a.put("dangerSigns", signs.isEmpty() ? List.of() : Arrays.asList(signs.split(",")));
    a.put("urgentReferral", row.get("urgent_referral"));
    a.put("classification", row.get("classification"));
    a.put("nextStep", row.get("next_step"));
    a.put("nextDueDate", row.get("due_date").toString());
    return a;
  }
}
