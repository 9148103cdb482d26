package org.suifang.server.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.patients.SyncMutations.asLong;
import static org.suifang.server.patients.SyncMutations.context;
import static org.suifang.server.patients.SyncMutations.fieldErrors;
import static org.suifang.server.patients.SyncMutations.hlcNow;
import static org.suifang.server.testing.TestArea.VILLAGE_1;
import static org.suifang.server.testing.TestArea.VILLAGE_2;
import static org.suifang.server.testing.TestArea.VILLAGE_3;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.Hlc;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * The PATIENT_CREATE and PATIENT_UPDATE handlers, called as the sync endpoint calls them (one
 * transaction per mutation), and the merge candidates and versions that REST writes leave.
 */
@MicronautTest(transactional = false)
class PatientSyncTest {

  private static final String PATIENTS = "/api/v1/patients";
  private static final java.util.concurrent.atomic.AtomicInteger NAMES =
      new java.util.concurrent.atomic.AtomicInteger();

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject SyncMutations sync;

  TestArea area;
  CurrentUser doc1;
  final Map<UUID, Map<String, FieldVersion>> registered = new HashMap<>();
  CurrentUser doc3;
  final UUID deviceA = UUID.fromString("0193a000-0000-7000-8000-00000000000a");
  final UUID deviceB = UUID.fromString("0193b000-0000-7000-8000-00000000000b");
  final UUID deviceC = UUID.fromString("0193c000-0000-7000-8000-00000000000c");

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    doc1 = SyncMutations.doctor(area, "doc1", VILLAGE_1);
    doc3 = SyncMutations.doctor(area, "doc3", VILLAGE_3);
  }

  @Test
  void create_storesThePatientWithTheMutationsVersionOnEveryField() {
    Map<String, Object> body = sample(VILLAGE_1);
    long hlc = hlcNow();

    int conflicts = sync.apply(context(doc1, deviceA, hlc), "PATIENT_CREATE", body);

    assertThat(conflicts).isZero();
    Map<String, Object> row = patientRow(body);
    assertThat(row.get("name")).isEqualTo(body.get("name"));
    assertThat(row.get("created_by")).isEqualTo(doc1.id());
    assertThat(asLong(row.get("change_seq"))).isPositive();
    Map<String, FieldVersion> versions = versions(body);
    assertThat(versions).hasSize(12);
    assertThat(versions.values()).containsOnly(new FieldVersion(hlc, deviceA));
  }

  @Test
  void create_sameIdAgain_noOpWithSameContentAndPatientIdConflictWithOther() {
    Map<String, Object> body = sample(VILLAGE_1);
    sync.apply(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", body);
    long changeSeq = asLong(patientRow(body).get("change_seq"));

    int again = sync.apply(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", body);
    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("name", "王建军");
    ApiException conflict =
        sync.rejected(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", other);

    assertThat(again).isZero();
    assertThat(asLong(patientRow(body).get("change_seq"))).isEqualTo(changeSeq);
    assertThat(conflict.code()).isEqualTo(PatientError.PATIENT_ID_CONFLICT);
    assertThat(patientRow(body).get("name")).isEqualTo(body.get("name"));
  }

  @Test
  void create_residentIdAlreadyInCounty_bothStoredAndOneMergeCandidate() {
    Map<String, Object> first = sample(VILLAGE_1);
    Map<String, Object> second = sample(VILLAGE_3);
    second.put("residentId", first.get("residentId"));
    second.put("name", uniqueName());
    sync.apply(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", first);

    sync.apply(context(doc3, deviceB, hlcNow()), "PATIENT_CREATE", second);
    sync.apply(
        context(doc3, deviceB, hlcNow()),
        "PATIENT_UPDATE",
        edit(second, Map.of("phone", "13900139000")));

    assertThat(patientRow(first)).isNotNull();
    assertThat(patientRow(second).get("phone")).isEqualTo("13900139000");
    List<Map<String, Object>> candidates = candidatesOf(id(first));
    assertThat(candidates).hasSize(1);
    Map<String, Object> candidate = candidates.get(0);
    assertThat(candidate.get("reason")).isEqualTo("RESIDENT_ID");
    assertThat(candidate.get("status")).isEqualTo("OPEN");
    assertThat(List.of(candidate.get("patient_a"), candidate.get("patient_b")))
        .containsExactlyInAnyOrder(id(first), id(second));
    assertThat(candidate.get("patient_a").toString())
        .isLessThan(candidate.get("patient_b").toString());
    // Made by the second registration, in its transaction.
    long secondSeqAtCreate = asLong(candidate.get("change_seq"));
    assertThat(secondSeqAtCreate)
        .isPositive()
        .isLessThan(asLong(patientRow(second).get("change_seq")));
  }

  @Test
  void createOverRest_sameNameBirthDateAndVillage_mergeCandidate() {
    Map<String, Object> first = PatientSamples.withoutResidentId(VILLAGE_1);
    first.put("name", uniqueName());
    Map<String, Object> second = PatientSamples.withoutResidentId(VILLAGE_1);
    second.put("name", first.get("name"));
    assertThat(api.post("doc1", PATIENTS, first).status()).isEqualTo(201);

    assertThat(api.post("doc1", PATIENTS, second).status()).isEqualTo(201);

    List<Map<String, Object>> candidates = candidatesOf(id(second));
    assertThat(candidates).hasSize(1);
    assertThat(candidates.get(0).get("reason")).isEqualTo("NAME_BIRTH_DATE_VILLAGE");
    assertThat(asLong(candidates.get(0).get("change_seq")))
        .isEqualTo(asLong(patientRow(second).get("change_seq")));
  }

  @Test
  void rest_duplicateResidentIdStillRefusedButPatientsThatShareOneCanBeEdited() {
    Map<String, Object> first = sample(VILLAGE_1);
    Map<String, Object> second = sample(VILLAGE_1);
    second.put("residentId", first.get("residentId"));
    second.put("name", uniqueName());
    sync.apply(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", first);
    sync.apply(context(doc1, deviceB, hlcNow()), "PATIENT_CREATE", second);
    Map<String, Object> third = sample(VILLAGE_1);
    third.put("residentId", first.get("residentId"));

    TestApi.Response refused = api.post("doc1", PATIENTS, third);
    Map<String, Object> update =
        PatientSamples.updateOf(api.get("doc1", PATIENTS + "/" + id(second)).json());
    update.put("phone", "13700137000");
    TestApi.Response edited = api.put("doc1", PATIENTS + "/" + id(second), update);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json()).containsEntry("code", "RESIDENT_ID_DUPLICATE");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(candidatesOf(id(first))).hasSize(1);
  }

  @Test
  void restWrites_bumpChangeSeqAndStampTheChangedFieldsWithTheServerDevice() {
    Map<String, Object> created = api.post("doc1", PATIENTS, sample(VILLAGE_1)).json();
    Map<String, Object> row = patientRow(created);
    Map<String, FieldVersion> before = versions(created);
    Map<String, Object> update = PatientSamples.updateOf(created);
    update.put("phone", "13900139000");

    api.put("doc1", PATIENTS + "/" + created.get("id"), update);

    Map<String, FieldVersion> after = versions(created);
    assertThat(before.values()).allMatch(v -> v.deviceId().equals(FieldVersion.SERVER_DEVICE));
    assertThat(asLong(patientRow(created).get("change_seq")))
        .isGreaterThan(asLong(row.get("change_seq")));
    assertThat(after.get("phone").deviceId()).isEqualTo(FieldVersion.SERVER_DEVICE);
    assertThat(after.get("phone")).isGreaterThan(before.get("phone"));
    assertThat(after.get("name")).isEqualTo(before.get("name"));
  }

  @Test
  void update_baseIsCurrent_appliedWithoutConflictEvenWithAnHlcFarInThePast() {
    Map<String, Object> body = created(deviceA, hlcNow());
    FieldVersion base = versions(body).get("phone");
    long past = Hlc.ofWallMillis(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());

    int conflicts =
        sync.apply(
            context(doc1, deviceB, past),
            "PATIENT_UPDATE",
            update(id(body), Map.of("phone", "13900139000"), Map.of("phone", base)));

    assertThat(conflicts).isZero();
    assertThat(patientRow(body).get("phone")).isEqualTo("13900139000");
    assertThat(versions(body).get("phone")).isEqualTo(new FieldVersion(past, deviceB));
    assertThat(conflictsOf(id(body))).isEmpty();
  }

  @Test
  void update_concurrentDifferentValues_oneConflictAndTheLargerVersionWinsInEitherOrder() {
    Map<String, Object> p1 = created(deviceA, hlcNow());
    Map<String, Object> p2 = created(deviceA, hlcNow());
    long hlcA = hlcNow();
    long hlcB = hlcA + 5;

    // P1 receives A then B; P2 receives B then A. Both edits saw the registration's version.
    int p1First =
        sync.apply(context(doc1, deviceA, hlcA), "PATIENT_UPDATE", phone(p1, "13811111111"));
    int p1Second =
        sync.apply(context(doc1, deviceB, hlcB), "PATIENT_UPDATE", phone(p1, "13922222222"));
    int p2First =
        sync.apply(context(doc1, deviceB, hlcB), "PATIENT_UPDATE", phone(p2, "13922222222"));
    int p2Second =
        sync.apply(context(doc1, deviceA, hlcA), "PATIENT_UPDATE", phone(p2, "13811111111"));

    assertThat(List.of(p1First, p1Second, p2First, p2Second)).containsExactly(0, 1, 0, 1);
    for (Map<String, Object> p : List.of(p1, p2)) {
      assertThat(patientRow(p).get("phone")).isEqualTo("13922222222");
      assertThat(versions(p).get("phone")).isEqualTo(new FieldVersion(hlcB, deviceB));
      List<Map<String, Object>> conflicts = conflictsOf(id(p));
      assertThat(conflicts).hasSize(1);
      Map<String, Object> c = conflicts.get(0);
      assertThat(c.get("field")).isEqualTo("phone");
      assertThat(c.get("winner_value")).isEqualTo("\"13922222222\"");
      assertThat(asLong(c.get("winner_hlc"))).isEqualTo(hlcB);
      assertThat(c.get("winner_device_id")).isEqualTo(deviceB);
      assertThat(c.get("loser_value")).isEqualTo("\"13811111111\"");
      assertThat(asLong(c.get("loser_hlc"))).isEqualTo(hlcA);
      assertThat(c.get("loser_device_id")).isEqualTo(deviceA);
      assertThat(c.get("status")).isEqualTo("OPEN");
      assertThat(asLong(c.get("change_seq"))).isEqualTo(asLong(patientRow(p).get("change_seq")));
    }
  }

  @Test
  void update_concurrentEqualValues_noConflictAndTheLargerVersionKept() {
    Map<String, Object> p = created(deviceA, hlcNow());
    long hlcA = hlcNow();

    sync.apply(context(doc1, deviceA, hlcA + 9), "PATIENT_UPDATE", phone(p, "13811111111"));
    int second =
        sync.apply(context(doc1, deviceB, hlcA), "PATIENT_UPDATE", phone(p, "13811111111"));

    assertThat(second).isZero();
    assertThat(conflictsOf(id(p))).isEmpty();
    assertThat(versions(p).get("phone")).isEqualTo(new FieldVersion(hlcA + 9, deviceA));
  }

  @Test
  void update_threeConcurrentWriters_twoConflictRows() {
    Map<String, Object> p = created(deviceA, hlcNow());
    long hlc = hlcNow();

    sync.apply(context(doc1, deviceA, hlc + 1), "PATIENT_UPDATE", phone(p, "13811111111"));
    sync.apply(context(doc1, deviceB, hlc + 3), "PATIENT_UPDATE", phone(p, "13822222222"));
    sync.apply(context(doc1, deviceC, hlc + 2), "PATIENT_UPDATE", phone(p, "13833333333"));

    assertThat(patientRow(p).get("phone")).isEqualTo("13822222222");
    assertThat(conflictsOf(id(p)))
        .extracting(c -> c.get("winner_value") + " over " + c.get("loser_value"))
        .containsExactlyInAnyOrder(
            "\"13822222222\" over \"13811111111\"", "\"13822222222\" over \"13833333333\"");
  }

  @Test
  void update_conflictRowsNameTheAuthors() {
    UUID doc9Id = auth.createUser(UserCommand.doctor("doc9", "周医生", TestAuth.PASSWORD, VILLAGE_1));
    CurrentUser doc9 =
        new CurrentUser(
            doc9Id,
            "doc9",
            doc1.role(),
            doc1.countyCode(),
            doc1.townshipCode(),
            doc1.villageCodes());
    Map<String, Object> p = created(deviceA, hlcNow());
    long hlc = hlcNow();
    sync.apply(context(doc1, deviceA, hlc), "PATIENT_UPDATE", phone(p, "13811111111"));

    sync.apply(context(doc9, deviceB, hlc - 1), "PATIENT_UPDATE", phone(p, "13822222222"));

    Map<String, Object> c = conflictsOf(id(p)).get(0);
    assertThat(c.get("winner_author_id")).isEqualTo(doc1.id());
    assertThat(c.get("loser_author_id")).isEqualTo(doc9Id);
  }

  @Test
  void update_baseNamingAReStampedHlc_isReadAsTheAppliedOne() {
    long clientHlc = Hlc.ofWallMillis(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
    long applied = hlcNow();
    registerDevice(deviceA, doc1.id());
    Map<String, Object> body = sample(VILLAGE_1);
    MutationContext restamped =
        new MutationContext(
            UUID.randomUUID(), deviceA, doc1, applied, clientHlc, true, 1, Instant.now());
    sync.apply(restamped, "PATIENT_CREATE", body);
    storeResult(restamped, 1);

    // The tablet only knows its own HLC as the base of its next edit (again ahead, re-stamped).
    long appliedAgain = hlcNow();
    int conflicts =
        sync.apply(
            new MutationContext(
                UUID.randomUUID(),
                deviceA,
                doc1,
                appliedAgain,
                clientHlc + 1,
                true,
                1,
                Instant.now()),
            "PATIENT_UPDATE",
            update(
                id(body),
                Map.of("phone", "13900139000"),
                Map.of("phone", new FieldVersion(clientHlc, deviceA))));

    assertThat(conflicts).isZero();
    assertThat(patientRow(body).get("phone")).isEqualTo("13900139000");
    assertThat(versions(body).get("phone")).isEqualTo(new FieldVersion(appliedAgain, deviceA));
  }

  @Test
  void update_invalidValues_rejectedWithFieldErrorsAndNothingStored() {
    Map<String, Object> p = created(deviceA, hlcNow());
    long changeSeq = asLong(patientRow(p).get("change_seq"));
    Map<String, Object> fields = new HashMap<>();
    fields.put("residentId", PatientSamples.withWrongCheckDigit((String) p.get("residentId")));
    fields.put("birthDate", LocalDate.now(PatientService.CHINA).plusDays(2).toString());
    fields.put("name", " ");
    fields.put("phone", "13900139000");
    fields.put("weight", 70);

    ApiException unknownField =
        sync.rejected(
            context(doc1, deviceB, hlcNow()), "PATIENT_UPDATE", update(id(p), fields, Map.of()));
    fields.remove("weight");
    ApiException invalid =
        sync.rejected(
            context(doc1, deviceB, hlcNow()), "PATIENT_UPDATE", update(id(p), fields, Map.of()));

    assertThat(unknownField.code()).isEqualTo(CommonError.VALIDATION_FAILED);
    assertThat(fieldErrors(unknownField)).containsExactly("fields.weight:UNKNOWN_FIELD");
    assertThat(invalid.code()).isEqualTo(CommonError.VALIDATION_FAILED);
    assertThat(fieldErrors(invalid))
        .containsExactlyInAnyOrder(
            "fields.residentId:CHECK_DIGIT", "fields.birthDate:IN_FUTURE", "fields.name:REQUIRED");
    Map<String, Object> row = patientRow(p);
    assertThat(row.get("phone")).isEqualTo("13800138000");
    assertThat(asLong(row.get("change_seq"))).isEqualTo(changeSeq);
    assertThat(conflictsOf(id(p))).isEmpty();
  }

  @Test
  void update_resultDisagreesWithTheResidentIdOrLosesItsLastCondition_rejected() {
    Map<String, Object> p = created(deviceA, hlcNow());
    Map<String, Object> noCondition = new HashMap<>();
    noCondition.put("hypertensionDiagnosedOn", null);

    ApiException sex =
        sync.rejected(
            context(doc1, deviceB, hlcNow()), "PATIENT_UPDATE", edit(p, Map.of("sex", "FEMALE")));
    ApiException condition =
        sync.rejected(context(doc1, deviceB, hlcNow()), "PATIENT_UPDATE", edit(p, noCondition));
    int diabetesAdded =
        sync.apply(
            context(doc1, deviceB, hlcNow()),
            "PATIENT_UPDATE",
            edit(p, Map.of("diabetesDiagnosedOn", "2020-05-01")));

    assertThat(fieldErrors(sex)).containsExactly("fields.sex:SEX_MISMATCH_ID");
    assertThat(fieldErrors(condition)).containsExactly("fields.hypertensionDiagnosedOn:REQUIRED");
    assertThat(diabetesAdded).isZero();
    Map<String, Object> row = patientRow(p);
    assertThat(row.get("sex")).isEqualTo("MALE");
    assertThat(row.get("hypertension")).isEqualTo(true);
    assertThat(row.get("diabetes")).isEqualTo(true);
  }

  @Test
  void update_outsideTheAuthorsVillages_forbidden() {
    Map<String, Object> p = created(deviceA, hlcNow());
    CurrentUser doc2 = SyncMutations.doctor(area, "doc2", VILLAGE_2);

    ApiException otherDoctor =
        sync.rejected(context(doc2, deviceB, hlcNow()), "PATIENT_UPDATE", phone(p, "13900139000"));
    ApiException move =
        sync.rejected(
            context(doc1, deviceA, hlcNow()),
            "PATIENT_UPDATE",
            update(id(p), Map.of("villageCode", VILLAGE_2), Map.of()));

    assertThat(otherDoctor.code()).isEqualTo(CommonError.FORBIDDEN);
    assertThat(move.code()).isEqualTo(CommonError.FORBIDDEN);
    assertThat(patientRow(p).get("village_code")).isEqualTo(VILLAGE_1);
  }

  @Test
  void update_moveToAnotherVillageOfTheAuthor_recordsThePreviousVillage() {
    UUID docId =
        auth.createUser(
            UserCommand.doctor("doc12", "吴医生", TestAuth.PASSWORD, VILLAGE_1, VILLAGE_2));
    CurrentUser doc12 =
        new CurrentUser(
            docId,
            "doc12",
            doc1.role(),
            doc1.countyCode(),
            doc1.townshipCode(),
            java.util.Set.of(VILLAGE_1, VILLAGE_2));
    Map<String, Object> p = created(deviceA, hlcNow());

    sync.apply(
        context(doc12, deviceB, hlcNow()),
        "PATIENT_UPDATE",
        edit(p, Map.of("villageCode", VILLAGE_2)));

    Map<String, Object> row = patientRow(p);
    assertThat(row.get("village_code")).isEqualTo(VILLAGE_2);
    assertThat(row.get("prev_village_code")).isEqualTo(VILLAGE_1);
    assertThat(row.get("updated_by")).isEqualTo(docId);
  }

  @Test
  void update_status_appliedWithTheTabletsDayAndCheckedLikeRest() {
    Map<String, Object> p = created(deviceA, hlcNow());
    Map<String, Object> lost = new HashMap<>();
    lost.put("status", "LOST_TO_FOLLOW_UP");
    Map<String, Object> terminated = new HashMap<>();
    terminated.put("status", "TERMINATED");
    Instant madeAt = Instant.now().minusSeconds(3 * 24 * 3600);
    long hlc = hlcNow();
    MutationContext threeDaysAgo =
        new MutationContext(UUID.randomUUID(), deviceA, doc1, hlc, hlc, false, 1, madeAt);

    ApiException noReason =
        sync.rejected(
            context(doc1, deviceA, hlcNow()),
            "PATIENT_UPDATE",
            edit(p, Map.of("status", terminated)));
    sync.apply(threeDaysAgo, "PATIENT_UPDATE", edit(p, Map.of("status", lost)));

    assertThat(fieldErrors(noReason)).containsExactly("fields.status.reason:REQUIRED");
    Map<String, Object> row = patientRow(p);
    assertThat(row.get("status")).isEqualTo("LOST_TO_FOLLOW_UP");
    assertThat(row.get("status_date").toString())
        .isEqualTo(LocalDate.ofInstant(madeAt, PatientService.CHINA).toString());
  }

  @Test
  void create_invalidOrMalformedPayload_rejectedAndNothingStored() {
    Map<String, Object> noName = sample(VILLAGE_1);
    noName.remove("name");
    Map<String, Object> badSex = sample(VILLAGE_1);
    badSex.put("sex", "X");

    ApiException required =
        sync.rejected(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", noName);
    ApiException malformed =
        sync.rejected(context(doc1, deviceA, hlcNow()), "PATIENT_CREATE", badSex);
    ApiException forbidden =
        sync.rejected(context(doc3, deviceA, hlcNow()), "PATIENT_CREATE", sample(VILLAGE_1));

    assertThat(required.code()).isEqualTo(CommonError.VALIDATION_FAILED);
    assertThat(fieldErrors(required)).containsExactly("name:REQUIRED");
    assertThat(malformed.code()).isEqualTo(CommonError.MALFORMED_REQUEST);
    assertThat(forbidden.code()).isEqualTo(CommonError.FORBIDDEN);
    assertThat(sync.rows("SELECT id FROM patient WHERE id IN (?, ?)", id(noName), id(badSex)))
        .isEmpty();
  }

  @Test
  void update_patientIdNotAUuid_rejectedMalformed() {
    // Found by the fuzzer: serde reports a string that is not a UUID with an unchecked exception,
    // which the sync endpoint took for a temporary failure (503), so the mutation blocked the
    // queue.
    for (String notAUuid :
        List.of("not-a-uuid", "", " ", "123e4567-e89b-12d3-a456-4266141740000")) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("patientId", notAUuid);
      payload.put("fields", Map.of("phone", "13900139000"));

      ApiException e = sync.rejected(context(doc1, deviceA, hlcNow()), "PATIENT_UPDATE", payload);

      assertThat(e.code()).as(notAUuid).isEqualTo(CommonError.MALFORMED_REQUEST);
      assertThat(fieldErrors(e)).containsExactly("patientId:MALFORMED");
    }
  }

  // --- helpers

  /**
   * A hypertensive patient with a name no other test uses: the samples share name, birth date and
   * village, which would make every two of them a merge candidate.
   */
  private static Map<String, Object> sample(String village) {
    Map<String, Object> body = PatientSamples.hypertensive(village);
    body.put("name", uniqueName());
    return body;
  }

  private static String uniqueName() {
    return "王建国" + NAMES.incrementAndGet();
  }

  /** Registers a patient of village 1 by sync and remembers the versions it got. */
  private Map<String, Object> created(UUID device, long hlc) {
    Map<String, Object> body = sample(VILLAGE_1);
    sync.apply(context(doc1, device, hlc), "PATIENT_CREATE", body);
    registered.put(id(body), versions(body));
    return body;
  }

  /** A phone edit made by a tablet that saw the patient as registered (concurrent with others). */
  private Map<String, Object> phone(Map<String, Object> p, String phone) {
    return update(
        id(p), Map.of("phone", phone), Map.of("phone", registered.get(id(p)).get("phone")));
  }

  /** An edit made by a tablet that saw the patient as it now stands (sequential). */
  private Map<String, Object> edit(Map<String, Object> p, Map<String, Object> fields) {
    Map<String, FieldVersion> current = versions(p);
    Map<String, FieldVersion> base = new HashMap<>();
    fields.keySet().forEach(field -> base.put(field, current.get(field)));
    return update(id(p), fields, base);
  }

  private static Map<String, Object> update(
      UUID patientId, Map<String, Object> fields, Map<String, FieldVersion> base) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId.toString());
    payload.put("fields", fields);
    Map<String, Object> bases = new LinkedHashMap<>();
    base.forEach(
        (field, v) ->
            bases.put(field, Map.of("hlc", v.hlc(), "deviceId", v.deviceId().toString())));
    payload.put("base", bases);
    return payload;
  }

  private static UUID id(Map<String, Object> body) {
    return UUID.fromString(body.get("id").toString());
  }

  private Map<String, Object> patientRow(Map<String, Object> body) {
    return sync.row("SELECT * FROM patient WHERE id = ?", id(body));
  }

  @SuppressWarnings("unchecked")
  private Map<String, FieldVersion> versions(Map<String, Object> body) {
    Map<String, Object> parsed =
        (Map<String, Object>) sync.parse((String) patientRow(body).get("field_versions"));
    Map<String, FieldVersion> versions = new HashMap<>();
    parsed.forEach(
        (field, v) -> {
          Map<String, Object> version = (Map<String, Object>) v;
          versions.put(
              field,
              new FieldVersion(
                  asLong(version.get("hlc")), UUID.fromString((String) version.get("deviceId"))));
        });
    return versions;
  }

  private List<Map<String, Object>> conflictsOf(UUID patientId) {
    return sync.rows(
        "SELECT * FROM sync_conflict WHERE patient_id = ? ORDER BY loser_hlc", patientId);
  }

  private List<Map<String, Object>> candidatesOf(UUID patientId) {
    return sync.rows(
        "SELECT * FROM merge_candidate WHERE patient_a = ? OR patient_b = ?", patientId, patientId);
  }

  /** What the sync endpoint stores for a device (it is not merged yet): the device row. */
  private void registerDevice(UUID deviceId, UUID userId) {
    if (sync.rows("SELECT id FROM device WHERE id = ?", deviceId).isEmpty()) {
      sync.execute(
          "INSERT INTO device (id, user_id, registered_at, last_seq, pending_count,"
              + " clock_suspect_count) VALUES (?, ?, ?, 0, 0, 0)",
          deviceId,
          userId,
          OffsetDateTime.now());
    }
  }

  /** What the sync endpoint stores after applying a mutation: its result. */
  private void storeResult(MutationContext c, long deviceSeq) {
    sync.execute(
        "INSERT INTO mutation_result (mutation_id, device_id, device_seq, type, author_id, status,"
            + " client_hlc, applied_hlc, clock_suspect, conflicts, processed_at)"
            + " VALUES (?, ?, ?, 'PATIENT_CREATE', ?, 'APPLIED', ?, ?, ?, 0, ?)",
        c.mutationId(),
        c.deviceId(),
        deviceSeq,
        c.author().id(),
        c.clientHlc(),
        c.hlc(),
        c.clockSuspect(),
        OffsetDateTime.now());
  }
}
