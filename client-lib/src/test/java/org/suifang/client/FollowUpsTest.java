package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.rules.Assessment;
import org.suifang.rules.Assessor;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.NextStep;
import org.suifang.rules.PatientContext;
import org.suifang.rules.PreviousVisit;
import org.suifang.rules.RuleSets;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitInput;
import org.suifang.rules.VisitMode;

/** Offline follow-ups: record with the rules' assessment, amend, void, history. */
class FollowUpsTest {
  static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
  static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);

  @TempDir File dir;
  TestClients.Harness h;
  SuifangClient client;
  Patient wang;

  @BeforeEach
  void open() throws SuifangException {
    h = TestClients.offline(dir);
    client = h.client;
    wang = client.patients().register(PatientSamples.wang().build());
  }

  @AfterEach
  void close() throws IOException {
    h.close();
  }

  private static PatientContext wangContext() {
    return PatientContext.newBuilder()
        .birthDate(LocalDate.of(1958, 3, 12))
        .sex(Sex.MALE)
        .hasHypertension(true)
        .build();
  }

  private static VisitInput input(LocalDate date, int sbp, int dbp) {
    return VisitInput.newBuilder()
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .systolic(sbp)
        .diastolic(dbp)
        .heartRate(76)
        .weightKg(70.0)
        .hypertensionSymptoms(HypertensionSymptom.NONE)
        .build();
  }

  @Test
  void record_assessesAsTheAssessorDoes() throws SuifangException {
    Visit v = client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 162, 95).build());

    Assessment expected =
        new Assessor(RuleSets.defaultRuleSet())
            .assess(Disease.HYPERTENSION, wangContext(), input(OCT_1, 162, 95), null);
    assertThat(v.assessment()).isEqualTo(expected);
    assertThat(v.assessment().classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(v.assessment().nextStep()).isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);
    assertThat(v.nextVisitDate()).isEqualTo(expected.nextDueDate());
    assertThat(v.state()).isEqualTo(VisitState.CURRENT);
    assertThat(v.syncState()).isEqualTo(RecordState.PENDING);
    assertThat(v.doctorId()).isEqualTo(TestClients.DOCTOR_ID);
    assertThat(v.recordedAt()).isEqualTo(h.clock.instant());
    assertThat(v.bmi()).as("70 kg at 1.68 m").isEqualByComparingTo("24.8");
    assertThat(v.id().version()).isEqualTo(7);
  }

  @Test
  void record_secondUncontrolled_usesTheLatestFaceToFaceVisitAsPrevious() throws SuifangException {
    client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 162, 95).build());
    client.followUps().record(wang.id(), VisitForms.htnPhone(LocalDate.of(2026, 10, 8)).build());

    Visit second =
        client
            .followUps()
            .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 15), 158, 96).build());

    Assessment expected =
        new Assessor(RuleSets.defaultRuleSet())
            .assess(
                Disease.HYPERTENSION,
                wangContext(),
                input(LocalDate.of(2026, 10, 15), 158, 96),
                PreviousVisit.of(OCT_1, Classification.UNCONTROLLED, false));
    assertThat(second.assessment()).isEqualTo(expected);
    assertThat(second.assessment().nextStep()).isEqualTo(NextStep.REFERRAL);
  }

  @Test
  void record_dangerSign_urgentReferral() throws SuifangException {
    Visit v =
        client
            .followUps()
            .record(
                wang.id(),
                VisitForms.htn(NOV_10, 185, 112)
                    .reportedDangerSigns(DangerSign.SEVERE_HEADACHE_OR_DIZZINESS)
                    .build());

    assertThat(v.assessment().dangerSigns())
        .containsExactly(
            DangerSign.BLOOD_PRESSURE_VERY_HIGH, DangerSign.SEVERE_HEADACHE_OR_DIZZINESS);
    assertThat(v.assessment().urgentReferral()).isTrue();
    assertThat(v.assessment().nextStep()).isEqualTo(NextStep.URGENT_REFERRAL);
  }

  @Test
  void record_outboxCarriesTheFormAndTheClientAssessment() throws SuifangException {
    Visit v =
        client
            .followUps()
            .record(
                wang.id(),
                VisitForms.htn(OCT_1, 162, 95).nextVisitDate(LocalDate.of(2026, 10, 14)).build());

    OutboxEntry e = TestAccess.state(client).outbox().get(1);
    assertThat(e.mutation().type).isEqualTo("FOLLOW_UP_RECORD");
    JsonObject payload = e.mutation().payload;
    assertThat(payload.get("patientId").getAsString()).isEqualTo(wang.id().toString());
    JsonObject form = payload.getAsJsonObject("followUp");
    assertThat(form.get("id").getAsString()).isEqualTo(v.id().toString());
    assertThat(form.get("disease").getAsString()).isEqualTo("HYPERTENSION");
    assertThat(form.get("visitDate").getAsString()).isEqualTo("2026-10-01");
    assertThat(form.get("mode").getAsString()).isEqualTo("CLINIC");
    assertThat(form.getAsJsonArray("symptoms").get(0).getAsString()).isEqualTo("NONE");
    assertThat(form.get("systolic").getAsInt()).isEqualTo(162);
    assertThat(form.get("weightKg").getAsBigDecimal()).isEqualByComparingTo("70.0");
    assertThat(form.get("medicationAdherence").getAsString()).isEqualTo("REGULAR");
    assertThat(
            form.getAsJsonArray("medications")
                .get(0)
                .getAsJsonObject()
                .get("drugName")
                .getAsString())
        .isEqualTo("苯磺酸氨氯地平片");
    assertThat(form.get("nextVisitDate").getAsString()).isEqualTo("2026-10-14");
    assertThat(form.get("recordedAt").getAsString()).isEqualTo("2026-11-20T02:00:00Z");
    assertThat(form.has("fastingGlucose")).as("empty fields are left out").isFalse();
    JsonObject ca = payload.getAsJsonObject("clientAssessment");
    assertThat(ca.get("ruleSetId").getAsString()).isEqualTo("bphs-2017");
    assertThat(ca.get("classification").getAsString()).isEqualTo("UNCONTROLLED");
    assertThat(ca.get("nextStep").getAsString()).isEqualTo("FIRST_UNCONTROLLED_RECHECK");
    assertThat(ca.get("urgentReferral").getAsBoolean()).isFalse();
    assertThat(ca.getAsJsonArray("dangerSigns")).isEmpty();
    assertThat(ca.get("nextDueDate").getAsString())
        .isEqualTo(v.assessment().nextDueDate().toString());
    assertThat(v.nextVisitDate()).isEqualTo(LocalDate.of(2026, 10, 14));
  }

  @Test
  void record_implausibleValue_storedWithWarning() throws SuifangException {
    Visit v =
        client.followUps().record(wang.id(), VisitForms.htn(NOV_10, 130, 80).heartRate(25).build());

    assertThat(v.warnings())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("heartRate", "IMPLAUSIBLE"));
  }

  @Test
  void record_invalidForm_serverCodesAndNothingStored() {
    int commits = h.backing.commits();
    VisitForm bad =
        VisitForms.htn(LocalDate.of(2026, 11, 21), 120, 130)
            .fastingGlucose(new BigDecimal("7.0"))
            .symptoms("NONE", "FLYING")
            .nextVisitDate(LocalDate.of(2026, 11, 21))
            .build();

    assertThatThrownBy(() -> client.followUps().record(wang.id(), bad))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("symptoms[1]", "UNKNOWN_CODE"),
                        tuple("fastingGlucose", "NOT_ON_FORM"),
                        tuple("nextVisitDate", "NOT_AFTER_VISIT"),
                        tuple("visitDate", "FUTURE_DATE"),
                        tuple("systolic", "SBP_NOT_ABOVE_DBP")));
    assertThat(h.backing.commits()).isEqualTo(commits);
  }

  @Test
  void record_missingRequired_constraintErrorsOnly() {
    VisitForm empty = VisitForm.newBuilder().remarks(repeat('x', 501)).build();

    assertThatThrownBy(() -> client.followUps().record(wang.id(), empty))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("disease", "REQUIRED"),
                        tuple("visitDate", "REQUIRED"),
                        tuple("mode", "REQUIRED"),
                        tuple("symptoms", "REQUIRED"),
                        tuple("remarks", "OUT_OF_RANGE")));
  }

  @Test
  void record_phoneVisitWithMeasurements_andDiseaseNotManaged() {
    VisitForm phone = VisitForms.htnPhone(NOV_10).systolic(150).build();
    VisitForm diabetes = VisitForms.dm(NOV_10, "7.0").build();

    assertThatThrownBy(() -> client.followUps().record(wang.id(), phone))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .contains(tuple("systolic", "PHONE_VISIT_HAS_MEASUREMENTS")));
    assertThatThrownBy(() -> client.followUps().record(wang.id(), diabetes))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("disease", "NOT_A_CONDITION")));
  }

  @Test
  void record_afterTermination_patientTerminated() throws SuifangException {
    client
        .patients()
        .changeStatus(
            wang.id(),
            ManagementStatus.TERMINATED,
            TerminationReason.DEATH,
            LocalDate.of(2026, 11, 1),
            null);

    assertThatThrownBy(
            () -> client.followUps().record(wang.id(), VisitForms.htn(NOV_10, 130, 80).build()))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("PATIENT_TERMINATED"));
    assertThat(client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 130, 80).build()).state())
        .isEqualTo(VisitState.CURRENT);
  }

  @Test
  void record_sameFormTwice_sameRecord_otherContent_idConflict() throws SuifangException {
    VisitForm form = VisitForms.htn(OCT_1, 130, 80).build();
    Visit first = client.followUps().record(wang.id(), form);
    VisitForm sameId = form.toBuilder().id(first.id()).build();

    assertThat(client.followUps().record(wang.id(), sameId)).isEqualTo(first);
    assertThat(TestAccess.state(client).outbox()).hasSize(2);
    assertThatThrownBy(
            () -> client.followUps().record(wang.id(), sameId.toBuilder().systolic(131).build()))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("FOLLOW_UP_ID_CONFLICT"));
  }

  @Test
  void amend_supersedesTheOriginal_andChangesTheNextPrevious() throws SuifangException {
    Visit original = client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 162, 95).build());

    Visit corrected =
        client.followUps().amend(original.id(), "血压录入错误", VisitForms.htn(OCT_1, 132, 82).build());

    assertThat(corrected.amends()).isEqualTo(original.id());
    assertThat(corrected.amendReason()).isEqualTo("血压录入错误");
    assertThat(corrected.assessment().classification()).isEqualTo(Classification.CONTROLLED);
    Visit before = client.followUps().get(original.id());
    assertThat(before.state()).isEqualTo(VisitState.SUPERSEDED);
    assertThat(before.supersededBy()).isEqualTo(corrected.id());
    JsonObject payload = TestAccess.state(client).outbox().get(2).mutation().payload;
    assertThat(payload.get("originalId").getAsString()).isEqualTo(original.id().toString());
    assertThat(payload.get("reason").getAsString()).isEqualTo("血压录入错误");
    assertThat(payload.getAsJsonObject("followUp").get("id").getAsString())
        .isEqualTo(corrected.id().toString());

    Visit next =
        client
            .followUps()
            .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 10, 15), 158, 96).build());
    assertThat(next.assessment().nextStep())
        .as("the corrected visit was controlled: this is the first uncontrolled one")
        .isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);
  }

  @Test
  void amend_supersededOrVoided_refused_errorsPrefixed() throws SuifangException {
    Visit original = client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 162, 95).build());
    client.followUps().amend(original.id(), "改", VisitForms.htn(OCT_1, 132, 82).build());
    Visit other = client.followUps().record(wang.id(), VisitForms.htn(NOV_10, 132, 82).build());
    client.followUps().voidVisit(other.id(), "录错患者");

    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .amend(original.id(), "再改", VisitForms.htn(OCT_1, 130, 80).build()))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("FOLLOW_UP_SUPERSEDED"));
    assertThatThrownBy(
            () ->
                client.followUps().amend(other.id(), "改", VisitForms.htn(NOV_10, 130, 80).build()))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("FOLLOW_UP_VOIDED"));
    Visit current =
        client
            .followUps()
            .record(wang.id(), VisitForms.htn(LocalDate.of(2026, 11, 12), 132, 82).build());
    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .amend(
                        current.id(),
                        " ",
                        VisitForms.dm(LocalDate.of(2026, 11, 12), "7.0")
                            .systolic(90)
                            .diastolic(95)
                            .build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("reason", "REQUIRED")));
    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .amend(
                        current.id(),
                        "改病种",
                        VisitForms.dm(LocalDate.of(2026, 11, 12), "7.0").build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("followUp.disease", "DISEASE_CHANGED")));
    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .amend(
                        current.id(),
                        "改",
                        VisitForms.htn(LocalDate.of(2026, 11, 12), 90, 95).build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("followUp.systolic", "SBP_NOT_ABOVE_DBP")));
  }

  @Test
  void voidVisit_keepsTheRecordVoided_twiceRefused() throws SuifangException {
    Visit v = client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 130, 80).build());

    Visit voided = client.followUps().voidVisit(v.id(), " 录错患者 ");

    assertThat(voided.state()).isEqualTo(VisitState.VOIDED);
    assertThat(voided.voidReason()).isEqualTo("录错患者");
    assertThat(voided.voidedBy()).isEqualTo(TestClients.DOCTOR_ID);
    assertThat(voided.voidedAt()).isEqualTo(h.clock.instant());
    JsonObject payload = TestAccess.state(client).outbox().get(2).mutation().payload;
    assertThat(payload.get("followUpId").getAsString()).isEqualTo(v.id().toString());
    assertThat(payload.get("reason").getAsString()).isEqualTo("录错患者");
    assertThatThrownBy(() -> client.followUps().voidVisit(v.id(), "again"))
        .isInstanceOfSatisfying(
            SuifangException.class,
            e -> assertThat(e.code()).isEqualTo("FOLLOW_UP_ALREADY_VOIDED"));
    assertThatThrownBy(() -> client.followUps().voidVisit(v.id(), ""))
        .isInstanceOf(SuifangValidationException.class);
  }

  @Test
  void history_newestFirst_withStates() throws SuifangException {
    Visit oct = client.followUps().record(wang.id(), VisitForms.htn(OCT_1, 162, 95).build());
    h.clock.advance(java.time.Duration.ofSeconds(1));
    Visit nov = client.followUps().record(wang.id(), VisitForms.htn(NOV_10, 130, 80).build());
    h.clock.advance(java.time.Duration.ofSeconds(1));
    Visit octFixed =
        client.followUps().amend(oct.id(), "改", VisitForms.htn(OCT_1, 140, 85).build());
    h.clock.advance(java.time.Duration.ofSeconds(1));
    client.followUps().voidVisit(nov.id(), "重复");

    List<Visit> history = client.followUps().history(wang.id());

    assertThat(history)
        .extracting(Visit::id, Visit::state)
        .containsExactly(
            tuple(nov.id(), VisitState.VOIDED),
            tuple(octFixed.id(), VisitState.CURRENT),
            tuple(oct.id(), VisitState.SUPERSEDED));
  }

  @Test
  void encounter_twoFormsOfOneEncounter_mustShareDateAndMode() throws SuifangException {
    Patient li = client.patients().register(PatientSamples.li().build());
    java.util.UUID encounter = java.util.UUID.randomUUID();
    client
        .followUps()
        .record(li.id(), VisitForms.htn(NOV_10, 130, 80).encounterId(encounter).build());

    assertThat(
            client
                .followUps()
                .record(li.id(), VisitForms.dm(NOV_10, "6.5").encounterId(encounter).build())
                .state())
        .isEqualTo(VisitState.CURRENT);
    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .record(
                        li.id(), VisitForms.htn(NOV_10, 131, 80).encounterId(encounter).build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("encounterId", "ENCOUNTER_DUPLICATE_DISEASE")));
    assertThatThrownBy(
            () ->
                client
                    .followUps()
                    .record(
                        wang.id(), VisitForms.htn(NOV_10, 131, 80).encounterId(encounter).build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("encounterId", "ENCOUNTER_OTHER_PATIENT")));
  }

  private static String repeat(char c, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(c);
    }
    return s.toString();
  }
}
