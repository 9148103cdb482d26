package org.suifang.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.patients.SyncMutations;
import org.suifang.server.sync.Hlc;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * The read-only review lists through the real HTTP API: rejected mutations (pushed through {@code
 * POST /api/v1/sync}), assessment mismatches and classification overrides, scoped to the caller's
 * township or county.
 */
@MicronautTest(transactional = false)
class ReviewListsTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject SyncMutations sql;

  private TestArea area;
  private final UUID device = UUID.randomUUID();
  private long seq;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
  }

  private String patient() {
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    body.put("name", "审核" + UUID.randomUUID().toString().substring(0, 6));
    TestApi.Response r = api.post("doc1", "/api/v1/patients", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  private Map<String, Object> push(String type, Map<String, Object> payload) {
    if (seq == 0) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("deviceId", device.toString());
      d.put("appVersion", "0.3.0");
      d.put("platform", "Android 8.1");
      d.put("model", "Lenovo TB-X104F");
      assertThat(api.post("doc1", "/api/v1/devices", d).status()).isEqualTo(200);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mutationId", UUID.randomUUID().toString());
    m.put("deviceSeq", ++seq);
    m.put("hlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    m.put("authorId", area.userId("doc1").toString());
    m.put("type", type);
    m.put("schemaVersion", 1);
    m.put("createdAt", Instant.now().toString());
    m.put("payload", payload);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", device.toString());
    body.put("cursor", null);
    body.put("schemaVersion", 1);
    body.put("appVersion", "0.3.0");
    body.put("clientHlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    body.put("clientTime", Instant.now().toString());
    body.put("pendingCount", 1);
    body.put("mutations", List.of(m));
    body.put("pullLimit", 0);
    TestApi.Response r = api.post("doc1", "/api/v1/sync", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return m;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> find(String user, String list, String key, String value) {
    TestApi.Response r = api.get(user, "/api/v1/review/" + list + "?size=100");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    for (Map<String, Object> item : (List<Map<String, Object>>) r.at("items")) {
      if (value.equals(item.get(key))) {
        return item;
      }
    }
    return null;
  }

  @Test
  @SuppressWarnings("unchecked")
  void rejection_listedWithReasonAuthorDeviceAndPatient_onlyInTheArea() {
    String patientId = patient();
    Map<String, Object> m =
        push(
            "PATIENT_UPDATE",
            Map.of("patientId", patientId, "fields", Map.of("phone", "not a phone")));

    Map<String, Object> item =
        find("sup1", "rejections", "mutationId", (String) m.get("mutationId"));

    assertThat(item).isNotNull();
    assertThat(item.get("type")).isEqualTo("PATIENT_UPDATE");
    assertThat(item.get("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(((Map<String, Object>) item.get("reason")).get("zh")).isNotNull();
    assertThat((List<Map<String, Object>>) item.get("fieldErrors"))
        .extracting(e -> e.get("field"))
        .containsExactly("fields.phone");
    assertThat(item.get("device")).isEqualTo("Lenovo TB-X104F");
    assertThat(item.get("authorId")).isEqualTo(area.userId("doc1").toString());
    assertThat(item.get("authorName")).isNotNull();
    assertThat(item.get("patientId")).isEqualTo(patientId);
    assertThat(item.get("patientName")).asString().startsWith("审核");
    assertThat(item.get("processedAt")).isNotNull();
    assertThat(find("admin1", "rejections", "mutationId", (String) m.get("mutationId")))
        .isNotNull();
    assertThat(find("sup2", "rejections", "mutationId", (String) m.get("mutationId"))).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void mismatchAndOverride_listedWithBothClassifications_onlyInTheArea() {
    String patientId = patient();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(2), 150, 95);
    Map<String, Object> tablet = new LinkedHashMap<>();
    tablet.put("ruleSetId", "bphs-2017");
    tablet.put("dangerSigns", List.of());
    tablet.put("urgentReferral", false);
    tablet.put("classification", "CONTROLLED");
    tablet.put("nextStep", "ROUTINE");
    tablet.put("nextDueDate", TODAY.plusDays(88).toString());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId);
    payload.put("followUp", form);
    payload.put("clientAssessment", tablet);
    push("FOLLOW_UP_RECORD", payload);
    String visitId = (String) form.get("id");
    assertThat(
            sql.row(
                    "SELECT assessment_mismatch FROM follow_up WHERE id = ?",
                    UUID.fromString(visitId))
                .get("assessment_mismatch"))
        .asString()
        .contains("classification");

    Map<String, Object> overridden = FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 160, 95);
    overridden.put("classificationOverride", "CONTROLLED");
    overridden.put("overrideReason", "家庭自测血压连续一周达标");
    TestApi.Response recorded =
        api.post("doc1", "/api/v1/patients/" + patientId + "/follow-ups", overridden);
    assertThat(recorded.status()).as(String.valueOf(recorded.body())).isEqualTo(201);

    Map<String, Object> mismatch = find("sup1", "assessment-mismatches", "followUpId", visitId);
    assertThat(mismatch).isNotNull();
    assertThat(mismatch.get("patientId")).isEqualTo(patientId);
    assertThat(mismatch.get("visitDate")).isEqualTo(TODAY.minusDays(2).toString());
    assertThat(mismatch.get("doctorName")).isNotNull();
    assertThat(mismatch.get("mismatch")).asString().contains("classification");
    assertThat(((Map<String, Object>) mismatch.get("serverClassification")).get("code"))
        .isEqualTo("UNCONTROLLED");
    assertThat(((Map<String, Object>) mismatch.get("tabletClassification")).get("code"))
        .isEqualTo("CONTROLLED");
    assertThat(((Map<String, Object>) mismatch.get("tabletClassification")).get("labelZh"))
        .isEqualTo("控制满意");

    Map<String, Object> override =
        find("sup1", "overrides", "followUpId", (String) overridden.get("id"));
    assertThat(override).isNotNull();
    assertThat(((Map<String, Object>) override.get("rulesClassification")).get("code"))
        .isEqualTo("UNCONTROLLED");
    assertThat(((Map<String, Object>) override.get("doctorClassification")).get("code"))
        .isEqualTo("CONTROLLED");
    assertThat(override.get("reason")).isEqualTo("家庭自测血压连续一周达标");

    assertThat(find("sup2", "assessment-mismatches", "followUpId", visitId)).isNull();
    assertThat(find("sup2", "overrides", "followUpId", (String) overridden.get("id"))).isNull();
    assertThat(find("admin1", "overrides", "followUpId", (String) overridden.get("id")))
        .isNotNull();
    TestApi.Response counts = api.get("sup1", "/api/v1/review/counts");
    assertThat(counts.status()).isEqualTo(200);
    assertThat(((Number) counts.at("mismatches")).longValue()).isPositive();
    assertThat(((Number) counts.at("overrides")).longValue()).isPositive();
  }

  @Test
  void lists_badQuery_400_doctor_403() {
    assertThat(api.get("sup1", "/api/v1/review/conflicts?status=DONE").status()).isEqualTo(400);
    assertThat(api.get("sup1", "/api/v1/review/conflicts?size=1000").status()).isEqualTo(400);
    assertThat(api.get("doc1", "/api/v1/review/overrides").status()).isEqualTo(403);
    assertThat(api.get(null, "/api/v1/review/overrides").status()).isEqualTo(401);
  }
}
