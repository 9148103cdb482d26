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
import org.suifang.client.internal.Json;
import org.suifang.client.internal.UuidV7;
import org.suifang.client.internal.state.OutboxEntry;
import org.suifang.rules.Disease;
import org.suifang.rules.Sex;

/** Offline patient flows: register, update, status and search, each checked as the server does. */
class PatientsTest {
  @TempDir File dir;
  TestClients.Harness h;
  SuifangClient client;

  @BeforeEach
  void open() throws SuifangException {
    h = TestClients.offline(dir);
    client = h.client;
  }

  @AfterEach
  void close() throws IOException {
    h.close();
  }

  @Test
  void register_withResidentIdOnly_takesSexAndBirthDateFromIt() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());

    assertThat(p.sex()).isEqualTo(Sex.MALE);
    assertThat(p.birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
    assertThat(p.residentId()).isEqualTo(PatientSamples.WANG_ID);
    assertThat(p.heightCm()).isEqualByComparingTo("168.0");
    assertThat(p.conditions())
        .containsExactly(Condition.of(Disease.HYPERTENSION, LocalDate.of(2015, 6, 1)));
    assertThat(p.status().status()).isEqualTo(ManagementStatus.ACTIVE);
    assertThat(p.status().date()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(p.createdBy()).isEqualTo(TestClients.DOCTOR_ID);
    assertThat(p.syncState()).isEqualTo(RecordState.PENDING);
    assertThat(p.id().version()).isEqualTo(7);
    assertThat(UuidV7.unixMillis(p.id())).isEqualTo(h.clock.millis());
  }

  @Test
  void register_storesOneCreateMutationWithThePatientsBody() throws SuifangException {
    Patient p =
        client
            .patients()
            .register(PatientSamples.wang().residentId(" 130123195803121335 ").build());

    List<OutboxEntry> outbox = TestAccess.state(client).outbox();
    assertThat(outbox).hasSize(1);
    OutboxEntry e = outbox.get(0);
    assertThat(e.mutation().type).isEqualTo("PATIENT_CREATE");
    assertThat(e.mutation().deviceSeq).isEqualTo(1);
    assertThat(e.mutation().authorId).isEqualTo(TestClients.DOCTOR_ID);
    assertThat(e.mutation().schemaVersion).isEqualTo(1);
    JsonObject payload = e.mutation().payload;
    assertThat(payload.get("id").getAsString()).isEqualTo(p.id().toString());
    assertThat(payload.get("residentId").getAsString()).isEqualTo(PatientSamples.WANG_ID);
    assertThat(payload.get("sex").getAsString()).isEqualTo("MALE");
    assertThat(payload.get("birthDate").getAsString()).isEqualTo("1958-03-12");
    assertThat(payload.get("heightCm").getAsBigDecimal()).isEqualByComparingTo("168.0");
    assertThat(
            payload
                .getAsJsonArray("conditions")
                .get(0)
                .getAsJsonObject()
                .get("disease")
                .getAsString())
        .isEqualTo("HYPERTENSION");
    assertThat(payload.has("healthRecordNumber")).as("null fields are left out").isFalse();
    assertThat(h.backing.commits()).as("init + one write").isEqualTo(2);
  }

  @Test
  void register_invalid_throwsServerCodesAndStoresNothing() {
    int commits = h.backing.commits();
    PatientRegistration bad =
        PatientRegistration.newBuilder()
            .name(" ")
            .residentId("130123195803121336")
            .phone("phone!")
            .villageCode("1301231")
            .build();

    assertThatThrownBy(() -> client.patients().register(bad))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field, FieldError::code)
                  .containsExactlyInAnyOrder(
                      tuple("conditions", "REQUIRED"),
                      tuple("name", "REQUIRED"),
                      tuple("phone", "FORMAT"),
                      tuple("villageCode", "FORMAT"),
                      tuple("residentId", "CHECK_DIGIT"));
              assertThat(e.fieldErrors()).allSatisfy(f -> assertThat(f.messageZh()).isNotEmpty());
            });
    assertThat(h.backing.commits()).isEqualTo(commits);
    assertThat(client.patients().search(PatientQuery.newBuilder().build())).isEmpty();
  }

  @Test
  void register_sexAndBirthDateDisagreeWithResidentId_mismatchCodes() {
    PatientRegistration bad =
        PatientSamples.wang().sex(Sex.FEMALE).birthDate(LocalDate.of(1958, 3, 13)).build();

    assertThatThrownBy(() -> client.patients().register(bad))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("sex", "SEX_MISMATCH_ID"),
                        tuple("birthDate", "BIRTH_DATE_MISMATCH_ID")));
  }

  @Test
  void register_futureDatesAndDuplicateCondition_rejected() {
    PatientRegistration bad =
        PatientRegistration.newBuilder()
            .name("未来")
            .sex(Sex.MALE)
            .birthDate(LocalDate.of(2026, 12, 1))
            .villageCode(TestClients.VILLAGE)
            .condition(Disease.HYPERTENSION, LocalDate.of(2027, 1, 1))
            .condition(Disease.HYPERTENSION, LocalDate.of(2020, 1, 1))
            .build();

    assertThatThrownBy(() -> client.patients().register(bad))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("birthDate", "IN_FUTURE"),
                        tuple("conditions[0].diagnosedOn", "IN_FUTURE"),
                        tuple("conditions[1].disease", "DUPLICATE")));
  }

  @Test
  void register_noSexNoBirthDateNoId_required() {
    PatientRegistration bad =
        PatientRegistration.newBuilder()
            .name("无名")
            .villageCode(TestClients.VILLAGE)
            .condition(Disease.DIABETES, LocalDate.of(2020, 1, 1))
            .build();

    assertThatThrownBy(() -> client.patients().register(bad))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("sex", "REQUIRED"), tuple("birthDate", "REQUIRED")));
  }

  @Test
  void register_villageOfAnotherDoctor_forbidden() {
    PatientRegistration other =
        PatientSamples.wang().villageCode(TestClients.OTHER_VILLAGE).build();

    assertThatThrownBy(() -> client.patients().register(other))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
  }

  @Test
  void register_notLoggedIn_notLoggedIn() throws SuifangException {
    h.tokens.clear();
    client = h.reopen();

    assertThatThrownBy(() -> client.patients().register(PatientSamples.wang().build()))
        .isInstanceOfSatisfying(
            SuifangAuthException.class, e -> assertThat(e.code()).isEqualTo("NOT_LOGGED_IN"));
  }

  @Test
  void update_onlyNamedFields_withTheVersionsTheDoctorSaw() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());
    h.clock.advance(java.time.Duration.ofMinutes(5));

    Patient updated =
        client
            .patients()
            .update(
                p.id(),
                PatientUpdate.newBuilder()
                    .phone("13900139000")
                    .address(null)
                    .name("王建国")
                    .heightCm(new BigDecimal("170"))
                    .build());

    assertThat(updated.phone()).isEqualTo("13900139000");
    assertThat(updated.address()).isNull();
    assertThat(updated.heightCm()).isEqualByComparingTo("170.0");
    assertThat(updated.residentId()).isEqualTo(PatientSamples.WANG_ID);
    List<OutboxEntry> outbox = TestAccess.state(client).outbox();
    OutboxEntry create = outbox.get(0);
    OutboxEntry update = outbox.get(1);
    assertThat(update.mutation().type).isEqualTo("PATIENT_UPDATE");
    assertThat(update.mutation().deviceSeq).isEqualTo(2);
    assertThat(update.mutation().hlc).isGreaterThan(create.mutation().hlc);
    JsonObject payload = update.mutation().payload;
    assertThat(payload.get("patientId").getAsString()).isEqualTo(p.id().toString());
    JsonObject fields = payload.getAsJsonObject("fields");
    assertThat(fields.keySet())
        .as("the unchanged name is not sent")
        .containsExactlyInAnyOrder("phone", "address", "heightCm");
    assertThat(fields.get("address").isJsonNull()).isTrue();
    JsonObject base = payload.getAsJsonObject("base");
    assertThat(base.keySet()).containsExactlyInAnyOrder("phone", "address", "heightCm");
    JsonObject seen = base.getAsJsonObject("phone");
    assertThat(seen.get("hlc").getAsLong()).isEqualTo(create.mutation().hlc);
    assertThat(seen.get("deviceId").getAsString()).isEqualTo(client.deviceId().toString());
  }

  @Test
  void update_secondEdit_baseIsTheFirstEditsVersion() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());
    client.patients().update(p.id(), PatientUpdate.newBuilder().phone("13900139000").build());
    client.patients().update(p.id(), PatientUpdate.newBuilder().phone("13700137000").build());

    List<OutboxEntry> outbox = TestAccess.state(client).outbox();
    JsonObject secondBase =
        outbox.get(2).mutation().payload.getAsJsonObject("base").getAsJsonObject("phone");
    assertThat(secondBase.get("hlc").getAsLong()).isEqualTo(outbox.get(1).mutation().hlc);
    assertThat(client.patients().get(p.id()).phone()).isEqualTo("13700137000");
  }

  @Test
  void update_noChange_storesNothing() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());
    int commits = h.backing.commits();

    Patient same =
        client.patients().update(p.id(), PatientUpdate.newBuilder().phone("13800138000").build());

    assertThat(same).isEqualTo(p);
    assertThat(h.backing.commits()).isEqualTo(commits);
  }

  @Test
  void update_stopBothConditions_conditionsRequired() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());

    assertThatThrownBy(
            () ->
                client
                    .patients()
                    .update(
                        p.id(), PatientUpdate.newBuilder().hypertensionDiagnosedOn(null).build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("conditions", "REQUIRED")));
  }

  @Test
  void update_residentIdOfAnotherSex_mismatch() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());

    assertThatThrownBy(
            () ->
                client
                    .patients()
                    .update(
                        p.id(),
                        PatientUpdate.newBuilder().residentId("130123195001050029").build()))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("sex", "SEX_MISMATCH_ID"),
                        tuple("birthDate", "BIRTH_DATE_MISMATCH_ID")));
  }

  @Test
  void update_unknownPatient_notFound() {
    assertThatThrownBy(
            () ->
                client
                    .patients()
                    .update(
                        java.util.UUID.randomUUID(),
                        PatientUpdate.newBuilder().phone("123").build()))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("PATIENT_NOT_FOUND"));
  }

  @Test
  void changeStatus_terminated_storesStatusObjectWithBase() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());

    Patient t =
        client
            .patients()
            .changeStatus(
                p.id(),
                ManagementStatus.TERMINATED,
                TerminationReason.MOVED_OUT,
                LocalDate.of(2026, 11, 1),
                " 去北京 ");

    assertThat(t.status())
        .isEqualTo(
            PatientStatus.of(
                ManagementStatus.TERMINATED,
                TerminationReason.MOVED_OUT,
                LocalDate.of(2026, 11, 1),
                "去北京"));
    JsonObject payload = TestAccess.state(client).outbox().get(1).mutation().payload;
    JsonObject status = payload.getAsJsonObject("fields").getAsJsonObject("status");
    assertThat(status.get("status").getAsString()).isEqualTo("TERMINATED");
    assertThat(status.get("reason").getAsString()).isEqualTo("MOVED_OUT");
    assertThat(status.get("date").getAsString()).isEqualTo("2026-11-01");
    assertThat(payload.getAsJsonObject("base").has("status")).isTrue();
  }

  @Test
  void changeStatus_invalid_serverCodes() throws SuifangException {
    Patient p = client.patients().register(PatientSamples.wang().build());

    assertThatThrownBy(
            () ->
                client
                    .patients()
                    .changeStatus(
                        p.id(), ManagementStatus.TERMINATED, null, LocalDate.of(2027, 1, 1), null))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("reason", "REQUIRED"), tuple("date", "IN_FUTURE")));
    assertThatThrownBy(
            () ->
                client
                    .patients()
                    .changeStatus(
                        p.id(),
                        ManagementStatus.ACTIVE,
                        TerminationReason.DEATH,
                        LocalDate.of(1950, 1, 1),
                        null))
        .isInstanceOfSatisfying(
            SuifangValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        tuple("reason", "NOT_ALLOWED"), tuple("date", "BEFORE_BIRTH")));
  }

  @Test
  void search_byNameIdNumberAndVillage() throws SuifangException {
    Patient wang = client.patients().register(PatientSamples.wang().build());
    Patient li = client.patients().register(PatientSamples.li().build());

    assertThat(client.patients().search(PatientQuery.newBuilder().name("建").build()))
        .containsExactly(wang);
    assertThat(
            client
                .patients()
                .search(PatientQuery.newBuilder().residentId("130123195803121335").build()))
        .containsExactly(wang);
    assertThat(
            client
                .patients()
                .search(PatientQuery.newBuilder().residentId("130123580312133").build()))
        .as("a 15-digit number is upgraded before comparing")
        .containsExactly(wang);
    assertThat(
            client
                .patients()
                .search(PatientQuery.newBuilder().villageCode(TestClients.VILLAGE).build()))
        .containsExactly(li, wang);
    assertThat(
            client
                .patients()
                .search(PatientQuery.newBuilder().villageCode(TestClients.OTHER_VILLAGE).build()))
        .isEmpty();
    assertThat(
            client
                .patients()
                .search(
                    PatientQuery.newBuilder().name("李").villageCode(TestClients.VILLAGE).build()))
        .containsExactly(li);
  }

  @Test
  void get_unknownId_notFound_find_null() {
    java.util.UUID id = java.util.UUID.randomUUID();

    assertThat(client.patients().find(id)).isNull();
    assertThatThrownBy(() -> client.patients().get(id))
        .isInstanceOfSatisfying(
            SuifangException.class, e -> assertThat(e.code()).isEqualTo("PATIENT_NOT_FOUND"));
  }

  @Test
  void payloadJson_usesTheContractsNames() throws SuifangException {
    client.patients().register(PatientSamples.li().build());

    JsonObject payload = TestAccess.state(client).outbox().get(0).mutation().payload;
    assertThat(Json.GSON.toJson(payload))
        .contains("\"name\":\"李秀英\"")
        .contains("\"sex\":\"FEMALE\"")
        .contains("\"birthDate\":\"1950-01-05\"")
        .contains(
            "\"conditions\":[{\"disease\":\"HYPERTENSION\",\"diagnosedOn\":\"2010-01-01\"},{\"disease\":\"DIABETES\",\"diagnosedOn\":\"2018-03-01\"}]");
  }
}
