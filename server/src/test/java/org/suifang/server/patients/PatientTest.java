package org.suifang.server.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;
import static org.suifang.server.testing.TestArea.VILLAGE_2;
import static org.suifang.server.testing.TestArea.VILLAGE_3;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * The patients API over HTTP on a real database: registration, validation, search, access, updates.
 */
@MicronautTest(transactional = false)
class PatientTest {

  private static final String PATIENTS = "/api/v1/patients";

  @Inject TestAuth auth;

  @Inject TestApi api;

  @BeforeEach
  void seed() {
    auth.seedArea();
  }

  private Map<String, Object> create(String user, Map<String, Object> body) {
    TestApi.Response r = api.post(user, PATIENTS, body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.json();
  }

  @Test
  void create_validPatient_201AndGetReturnsIt() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    Map<String, Object> created = create("doc1", body);

    TestApi.Response got = api.get("doc1", PATIENTS + "/" + body.get("id"));

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json())
        .containsEntry("id", body.get("id"))
        .containsEntry("name", "王建国")
        .containsEntry("residentId", body.get("residentId"))
        .containsEntry("villageCode", VILLAGE_1)
        .containsEntry("villageName", "东关村")
        .containsEntry("countyCode", "130123000000")
        .containsEntry("version", 0);
    assertThat(got.at("conditions.0.disease")).isEqualTo("HYPERTENSION");
    assertThat(got.at("conditions.0.diagnosedOn")).isEqualTo("2015-06-01");
    assertThat(got.at("status.status")).isEqualTo("ACTIVE");
    assertThat(got.json().get("createdBy")).isEqualTo(auth.seedArea().userId("doc1").toString());
    assertThat(got.json()).isEqualTo(created);
  }

  @Test
  void create_adultWithResidentId_hasNoWarnings() {
    Map<String, Object> created = create("doc1", PatientSamples.hypertensive(VILLAGE_1));

    assertThat((List<?>) created.get("warnings")).isEmpty();
  }

  @Test
  void create_youngPatientWithoutId_isStoredWithBothWarnings() {
    Map<String, Object> body = PatientSamples.withoutResidentId(VILLAGE_1);
    // 34 at registration: below the BPHS enrolment age of 35 (domain.md §1.1), flagged not refused.
    LocalDate today = LocalDate.now(PatientService.CHINA);
    body.put("birthDate", today.minusYears(35).plusDays(1).toString());

    Map<String, Object> created = create("doc1", body);

    assertThat(api.get("doc1", PATIENTS + "/" + body.get("id")).status()).isEqualTo(200);
    assertThat(created.get("warnings").toString())
        .contains("RESIDENT_ID_MISSING")
        .contains("BELOW_ENROLMENT_AGE")
        .contains("34");
  }

  @Test
  void create_residentIdOnly_fillsSexAndBirthDateAndNormalisesX() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.remove("sex");
    body.remove("birthDate");
    // A verified example of domain.md §6.1, typed with a lower-case x.
    body.put("residentId", "11010519491231002x");

    Map<String, Object> created = create("doc1", body);

    assertThat(created)
        .containsEntry("residentId", "11010519491231002X")
        .containsEntry("sex", "FEMALE")
        .containsEntry("birthDate", "1949-12-31");
  }

  @Test
  void create_badCheckDigit_400WithFieldError() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.put("residentId", PatientSamples.withWrongCheckDigit((String) body.get("residentId")));

    TestApi.Response r = api.post("doc1", PATIENTS, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).containsEntry("code", "VALIDATION_FAILED");
    assertThat(r.fieldErrors()).containsExactly("residentId:CHECK_DIGIT");
    assertThat(r.at("fieldErrors.0.messageZh")).asString().contains("校验码");
    assertThat(api.get("doc1", PATIENTS + "/" + body.get("id")).status()).isEqualTo(404);
  }

  @Test
  void create_sexAndBirthDateDisagreeWithId_400() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.put("sex", "FEMALE");
    body.put("birthDate", "1958-03-13");

    TestApi.Response r = api.post("doc1", PATIENTS, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors())
        .containsExactlyInAnyOrder("sex:SEX_MISMATCH_ID", "birthDate:BIRTH_DATE_MISMATCH_ID");
  }

  @Test
  void create_withoutIdAndWithoutSex_400Required() {
    Map<String, Object> body = PatientSamples.withoutResidentId(VILLAGE_1);
    body.remove("sex");

    TestApi.Response r = api.post("doc1", PATIENTS, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.fieldErrors()).containsExactly("sex:REQUIRED");
  }

  @Test
  void create_badHealthRecordNumberAndNoCondition_400() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.put("healthRecordNumber", "13012310020000023");
    Map<String, Object> noCondition = PatientSamples.hypertensive(VILLAGE_1);
    noCondition.put("conditions", List.of());

    TestApi.Response badNumber = api.post("doc1", PATIENTS, body);
    TestApi.Response none = api.post("doc1", PATIENTS, noCondition);

    assertThat(badNumber.status()).isEqualTo(400);
    assertThat(badNumber.fieldErrors()).containsExactly("healthRecordNumber:VILLAGE_SEGMENT");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.fieldErrors()).extracting(e -> e.split(":")[0]).containsExactly("conditions");
  }

  @Test
  void create_sameIdSameContent_200WithTheStoredPatient() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    Map<String, Object> first = create("doc1", body);

    TestApi.Response again = api.post("doc1", PATIENTS, body);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first);
  }

  @Test
  void create_sameIdOtherContent_409PatientIdConflict() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    create("doc1", body);
    body.put("name", "王建军");

    TestApi.Response r = api.post("doc1", PATIENTS, body);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json())
        .containsEntry("code", "PATIENT_ID_CONFLICT")
        .containsEntry("help", "docs/errors.md#patient_id_conflict");
  }

  @Test
  void create_residentIdAlreadyInCounty_409EvenFromAnotherTownship() {
    Map<String, Object> first = PatientSamples.hypertensive(VILLAGE_1);
    create("doc1", first);
    Map<String, Object> second = PatientSamples.hypertensive(VILLAGE_3);
    second.put("residentId", first.get("residentId"));

    TestApi.Response r = api.post("doc3", PATIENTS, second);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json()).containsEntry("code", "RESIDENT_ID_DUPLICATE");
    assertThat(r.fieldErrors()).containsExactly("residentId:DUPLICATE");
  }

  @Test
  void create_inAnotherVillageOrAsSupervisor_403() {
    TestApi.Response otherVillage =
        api.post("doc1", PATIENTS, PatientSamples.hypertensive(VILLAGE_2));
    TestApi.Response supervisor =
        api.post("sup1", PATIENTS, PatientSamples.hypertensive(VILLAGE_1));
    TestApi.Response admin = api.post("admin1", PATIENTS, PatientSamples.hypertensive(VILLAGE_1));

    assertThat(otherVillage.status()).isEqualTo(403);
    assertThat(otherVillage.json()).containsEntry("code", "FORBIDDEN");
    assertThat(supervisor.status()).isEqualTo(403);
    assertThat(admin.status()).isEqualTo(403);
  }

  @Test
  void create_withoutToken_401() {
    assertThat(api.post(null, PATIENTS, PatientSamples.hypertensive(VILLAGE_1)).status())
        .isEqualTo(401);
  }

  @Test
  void read_outsideTheCallersArea_403NotFoundOnlyForUnknownIds() {
    Map<String, Object> inTownship1 = create("doc1", PatientSamples.hypertensive(VILLAGE_1));
    String path = PATIENTS + "/" + inTownship1.get("id");

    assertThat(api.get("doc2", path).status()).as("doctor of another village").isEqualTo(403);
    assertThat(api.get("sup2", path).status()).as("supervisor of township 2").isEqualTo(403);
    assertThat(api.get("sup1", path).status()).as("supervisor of township 1").isEqualTo(200);
    assertThat(api.get("admin1", path).status()).as("county admin").isEqualTo(200);
    TestApi.Response unknown = api.get("doc1", PATIENTS + "/0190f5c4-0000-7000-8000-000000000000");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json()).containsEntry("code", "PATIENT_NOT_FOUND");
  }

  @Test
  void update_byOtherVillageDoctorOrSupervisor_403() {
    Map<String, Object> patient = create("doc1", PatientSamples.hypertensive(VILLAGE_1));
    Map<String, Object> update = PatientSamples.updateOf(patient);
    update.put("phone", "13900139000");
    String path = PATIENTS + "/" + patient.get("id");

    assertThat(api.put("doc2", path, update).status()).isEqualTo(403);
    assertThat(api.put("sup1", path, update).status()).isEqualTo(403);
    assertThat(
            api.post("sup1", path + "/status", Map.of("status", "LOST_TO_FOLLOW_UP", "version", 0))
                .status())
        .isEqualTo(403);
    assertThat(api.get("doc1", path).json())
        .containsEntry("phone", "13800138000")
        .containsEntry("version", 0);
  }

  @Test
  void update_changesDemographicsAndBumpsVersion_staleVersion409() {
    Map<String, Object> patient = create("doc1", PatientSamples.hypertensive(VILLAGE_1));
    Map<String, Object> update = PatientSamples.updateOf(patient);
    update.put("phone", "13900139000");
    update.put(
        "conditions",
        List.of(
            PatientSamples.condition("HYPERTENSION", "2015-06-01"),
            PatientSamples.condition("DIABETES", "2024-01-20")));
    String path = PATIENTS + "/" + patient.get("id");

    TestApi.Response updated = api.put("doc1", path, update);
    TestApi.Response stale = api.put("doc1", path, update);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json()).containsEntry("phone", "13900139000").containsEntry("version", 1);
    assertThat(updated.at("conditions.1.disease")).isEqualTo("DIABETES");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json()).containsEntry("code", "CONFLICT");
  }

  @Test
  void update_moveToAVillageTheDoctorDoesNotServe_403() {
    Map<String, Object> patient = create("doc1", PatientSamples.hypertensive(VILLAGE_1));
    Map<String, Object> update = PatientSamples.updateOf(patient);
    update.put("villageCode", VILLAGE_2);

    assertThat(api.put("doc1", PATIENTS + "/" + patient.get("id"), update).status()).isEqualTo(403);
  }

  @Test
  void status_terminateNeedsAReason_andIsRecordedWithDate() {
    Map<String, Object> patient = create("doc1", PatientSamples.hypertensive(VILLAGE_1));
    String path = PATIENTS + "/" + patient.get("id") + "/status";

    TestApi.Response noReason =
        api.post("doc1", path, Map.of("status", "TERMINATED", "version", 0));
    TestApi.Response reasonWhileActive =
        api.post(
            "doc1", path, Map.of("status", "LOST_TO_FOLLOW_UP", "reason", "DEATH", "version", 0));
    TestApi.Response terminated =
        api.post(
            "doc1",
            path,
            Map.of(
                "status",
                "TERMINATED",
                "reason",
                "MOVED_OUT",
                "date",
                "2026-01-15",
                "note",
                "迁往石家庄",
                "version",
                0));
    TestApi.Response stale = api.post("doc1", path, Map.of("status", "ACTIVE", "version", 0));

    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.fieldErrors()).containsExactly("reason:REQUIRED");
    assertThat(reasonWhileActive.fieldErrors()).containsExactly("reason:NOT_ALLOWED");
    assertThat(terminated.status()).isEqualTo(200);
    assertThat(terminated.json().get("status"))
        .isEqualTo(
            Map.of(
                "status",
                "TERMINATED",
                "reason",
                "MOVED_OUT",
                "date",
                "2026-01-15",
                "note",
                "迁往石家庄"));
    assertThat(terminated.json()).containsEntry("version", 1);
    assertThat(stale.status()).isEqualTo(409);
  }

  @Test
  void search_byNameIdNumberAndVillage_withinTheCallersArea() {
    Map<String, Object> a = PatientSamples.hypertensive(VILLAGE_1);
    a.put("name", "孙搜索甲");
    Map<String, Object> b = PatientSamples.diabetic(VILLAGE_2);
    b.put("name", "孙搜索乙");
    Map<String, Object> c = PatientSamples.hypertensive(VILLAGE_3);
    c.put("name", "孙搜索丙");
    create("doc1", a);
    create("doc2", b);
    create("doc3", c);
    String byName = PATIENTS + "?name=" + URLEncoder.encode("搜索", StandardCharsets.UTF_8);

    assertThat(names(api.get("doc1", byName))).containsExactly("孙搜索甲");
    assertThat(names(api.get("sup1", byName))).containsExactlyInAnyOrder("孙搜索甲", "孙搜索乙");
    assertThat(names(api.get("sup2", byName))).containsExactly("孙搜索丙");
    assertThat(names(api.get("admin1", byName))).hasSize(3);
    assertThat(names(api.get("sup1", byName + "&village=" + VILLAGE_2))).containsExactly("孙搜索乙");
    assertThat(names(api.get("sup1", PATIENTS + "?idNumber=" + b.get("residentId"))))
        .containsExactly("孙搜索乙");
    assertThat(names(api.get("sup2", PATIENTS + "?idNumber=" + b.get("residentId")))).isEmpty();
    assertThat(api.get("sup2", PATIENTS + "?village=" + VILLAGE_1).status()).isEqualTo(403);
  }

  @Test
  void search_pages_withTotal() {
    for (int i = 0; i < 3; i++) {
      Map<String, Object> p = PatientSamples.hypertensive(VILLAGE_2);
      p.put("name", "分页" + i);
      create("doc2", p);
    }
    String query =
        PATIENTS + "?name=" + URLEncoder.encode("分页", StandardCharsets.UTF_8) + "&size=2";

    TestApi.Response first = api.get("doc2", query + "&page=0");
    TestApi.Response second = api.get("doc2", query + "&page=1");

    assertThat(first.json())
        .containsEntry("total", 3)
        .containsEntry("page", 0)
        .containsEntry("size", 2);
    assertThat(names(first)).containsExactly("分页0", "分页1");
    assertThat(names(second)).containsExactly("分页2");
    assertThat(api.get("doc2", query + "&size=500").status()).isEqualTo(400);
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(TestApi.Response r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return ((List<Map<String, Object>>) r.json().get("items"))
        .stream().map(p -> (String) p.get("name")).toList();
  }
}
