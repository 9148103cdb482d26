package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/**
 * Tablets round-tripping through {@code POST /api/v1/sync} with the real mutation handlers of the
 * patients and follow-ups features: what one tablet pushes, another pulls, with the versions,
 * conflicts and re-stamps the push made.
 */
@MicronautTest(transactional = false)
class SyncRoundTripTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject TestAuth auth;

  @Inject TestApi api;

  private TestArea area;
  private TestDevice tabletA;
  private TestDevice tabletB;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    tabletA = new TestDevice(api, "doc1", area.userId("doc1"));
    tabletA.register();
    tabletA.pullAll(1000, null);
    tabletB = new TestDevice(api, "doc1", area.userId("doc1"));
    tabletB.register();
    tabletB.pullAll(1000, null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> change) {
    return (Map<String, Object>) change.get("data");
  }

  private String createOnA() {
    Map<String, Object> patient = PatientSamples.hypertensive(VILLAGE_1);
    TestApi.Response r = tabletA.push(List.of(tabletA.mutation("PATIENT_CREATE", patient)));
    assertThat(r.at("results.0.status")).as(String.valueOf(r.body())).isEqualTo("APPLIED");
    return (String) patient.get("id");
  }

  private Map<String, Object> phoneUpdate(
      TestDevice device, String patientId, String phone, Object base) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId);
    payload.put("fields", Map.of("phone", phone));
    payload.put("base", Map.of("phone", base));
    return device.mutation("PATIENT_UPDATE", payload);
  }

  @Test
  void pushedPatientAndVisit_pulledByAnotherTablet_withTheTabletsVersions() {
    Map<String, Object> patient = PatientSamples.hypertensive(VILLAGE_1);
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("patientId", patient.get("id"));
    visit.put("followUp", FollowUpSamples.hypertensionVisit(TODAY.minusDays(1), 134, 82));

    TestApi.Response pushed =
        tabletA.push(
            List.of(
                tabletA.mutation("PATIENT_CREATE", patient),
                tabletA.mutation("FOLLOW_UP_RECORD", visit)));

    assertThat(pushed.at("results.0.status"))
        .as(String.valueOf(pushed.body()))
        .isEqualTo("APPLIED");
    assertThat(pushed.at("results.1.status"))
        .as(String.valueOf(pushed.body()))
        .isEqualTo("APPLIED");
    long visitSeq = ((Number) pushed.at("results.1.changeSeq")).longValue();
    assertThat(((Number) pushed.at("ackChangeSeq")).longValue()).isEqualTo(visitSeq);

    List<Map<String, Object>> changes = tabletB.pullAll(1000, null);

    assertThat(changes)
        .extracting(c -> c.get("type") + ":" + c.get("id"))
        .containsExactly(
            "PATIENT:" + patient.get("id"),
            "FOLLOW_UP:" + ((Map<?, ?>) visit.get("followUp")).get("id"));
    assertThat(((Number) changes.get(1).get("seq")).longValue()).isEqualTo(visitSeq);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> versions =
        (Map<String, Map<String, Object>>) data(changes.get(0)).get("versions");
    assertThat(versions.get("name").get("deviceId")).isEqualTo(tabletA.id.toString());
    assertThat(data(changes.get(1)).get("doctorId")).isEqualTo(area.userId("doc1").toString());
  }

  @Test
  void oneRequest_moreVisitsThanABatch_aRepeatAndARejection_eachStoredOnceAndAnsweredAgainAlike() {
    String patientId = createOnA();
    List<Map<String, Object>> mutations = new java.util.ArrayList<>();
    List<Map<String, Object>> forms = new java.util.ArrayList<>();
    for (int i = 0; i < 14; i++) {
      Map<String, Object> form =
          FollowUpSamples.hypertensionVisit(TODAY.minusDays(60 - i), i == 5 ? 999 : 130, 80);
      forms.add(form);
      mutations.add(tabletA.visit(patientId, form));
    }
    // The third mutation again under the next seq (a tablet that re-queued it): a duplicate of
    // the result the batch holds, not a second visit.
    Map<String, Object> again = new LinkedHashMap<>(mutations.get(2));
    again.put("deviceSeq", ((Number) mutations.get(13).get("deviceSeq")).longValue() + 1);
    mutations.add(again);

    TestApi.Response r = tabletA.push(mutations);

    List<Long> seqs = new java.util.ArrayList<>();
    for (int i = 0; i < 14; i++) {
      String status = (String) r.at("results." + i + ".status");
      assertThat(status).as(i + ": " + r.body()).isEqualTo(i == 5 ? "REJECTED" : "APPLIED");
      if (i != 5) {
        seqs.add(((Number) r.at("results." + i + ".changeSeq")).longValue());
      }
    }
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
    assertThat(r.at("results.14.duplicate")).isEqualTo(true);
    assertThat(r.at("results.14.changeSeq")).isEqualTo(r.at("results.2.changeSeq"));
    assertThat(r.at("ackedThroughSeq")).isEqualTo(r.at("results.14.deviceSeq"));

    TestApi.Response second = tabletA.send(tabletA.request(mutations));

    assertThat(second.status()).isEqualTo(200);
    for (int i = 0; i < 15; i++) {
      assertThat(second.at("results." + i + ".duplicate")).as(String.valueOf(i)).isEqualTo(true);
      assertThat(second.at("results." + i + ".status")).isEqualTo(r.at("results." + i + ".status"));
      assertThat(second.at("results." + i + ".changeSeq"))
          .isEqualTo(r.at("results." + i + ".changeSeq"));
    }
    assertThat(second.at("results.5.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + forms.get(5).get("id")).status())
        .isEqualTo(404);
    List<Map<String, Object>> changes = tabletB.pullAll(1000, null);
    assertThat(changes).filteredOn(c -> "FOLLOW_UP".equals(c.get("type"))).hasSize(13);
  }

  @Test
  void oneRequest_aVisitUnderASeqTheBatchHoldsForAnother_409_theVisitsBeforeItCommitted() {
    String patientId = createOnA();
    List<Map<String, Object>> mutations = new java.util.ArrayList<>();
    List<Object> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> form =
          FollowUpSamples.hypertensionVisit(TODAY.minusDays(30 - i), 130, 80);
      ids.add(form.get("id"));
      mutations.add(tabletA.visit(patientId, form));
    }
    mutations.get(2).put("deviceSeq", mutations.get(1).get("deviceSeq"));

    TestApi.Response r = tabletA.send(tabletA.request(mutations));

    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(409);
    assertThat(r.at("code")).isEqualTo("DEVICE_IDENTITY_CONFLICT");
    List<Map<String, Object>> changes = tabletB.pullAll(1000, null);
    assertThat(changes)
        .filteredOn(c -> "FOLLOW_UP".equals(c.get("type")))
        .extracting(c -> c.get("id"))
        .containsExactly(ids.get(0), ids.get(1));
  }

  @Test
  void oneRequest_rejectedVisitBetweenTwo_othersApplied_eachItsOwnChangeSeq_pulledWithIt() {
    String patientId = createOnA();
    List<Map<String, Object>> forms =
        List.of(
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(30), 134, 82),
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(20), 999, 82),
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(10), 128, 80));
    List<Map<String, Object>> mutations = new java.util.ArrayList<>();
    for (Map<String, Object> form : forms) {
      mutations.add(tabletA.visit(patientId, form));
    }

    TestApi.Response r = tabletA.push(mutations);

    assertThat(
            List.of(r.at("results.0.status"), r.at("results.1.status"), r.at("results.2.status")))
        .as(String.valueOf(r.body()))
        .containsExactly("APPLIED", "REJECTED", "APPLIED");
    assertThat(r.at("results.1.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(r.at("results.1.changeSeq")).isNull();
    long first = ((Number) r.at("results.0.changeSeq")).longValue();
    long third = ((Number) r.at("results.2.changeSeq")).longValue();
    assertThat(third).isGreaterThan(first);
    assertThat(((Number) r.at("ackChangeSeq")).longValue()).isEqualTo(third);
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + forms.get(1).get("id")).status())
        .isEqualTo(404);

    List<Map<String, Object>> changes = tabletB.pullAll(1000, null);

    assertThat(changes)
        .filteredOn(c -> "FOLLOW_UP".equals(c.get("type")))
        .extracting(c -> c.get("id") + "@" + c.get("seq"))
        .containsExactly(
            forms.get(0).get("id") + "@" + first, forms.get(2).get("id") + "@" + third);
  }

  @Test
  void oneRequest_visitsAroundAPatientEdit_stampedInTheRequestsOrder_pulledWithTheirSeqs() {
    // Visits at a batch's head are stamped at its end, a patient edit as it applies: the numbers
    // still follow the request's order.
    String patientId = createOnA();
    Object base =
        ((Map<?, ?>) data(tabletB.pullAll(1000, null).get(0)).get("versions")).get("phone");
    List<Map<String, Object>> forms =
        List.of(
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(30), 134, 82),
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(20), 136, 84),
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(10), 128, 80));
    List<Map<String, Object>> mutations = new java.util.ArrayList<>();
    for (Map<String, Object> form : forms) {
      if (mutations.size() == 2) {
        mutations.add(phoneUpdate(tabletA, patientId, "13800000001", base));
      }
      mutations.add(tabletA.visit(patientId, form));
    }

    TestApi.Response r = tabletA.push(mutations);

    List<Long> seqs = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      assertThat(r.at("results." + i + ".status"))
          .as(String.valueOf(r.body()))
          .isEqualTo("APPLIED");
      seqs.add(((Number) r.at("results." + i + ".changeSeq")).longValue());
    }
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
    assertThat(((Number) r.at("ackChangeSeq")).longValue()).isEqualTo(seqs.get(3));

    List<Map<String, Object>> changes = tabletB.pullAll(1000, null);

    assertThat(changes)
        .filteredOn(c -> "FOLLOW_UP".equals(c.get("type")))
        .extracting(c -> c.get("id") + "@" + c.get("seq"))
        .containsExactly(
            forms.get(0).get("id") + "@" + seqs.get(0),
            forms.get(1).get("id") + "@" + seqs.get(1),
            forms.get(2).get("id") + "@" + seqs.get(3));
    assertThat(changes)
        .filteredOn(c -> "PATIENT".equals(c.get("type")))
        .extracting(c -> ((Number) c.get("seq")).longValue())
        .containsExactly(seqs.get(2));
  }

  @Test
  void concurrentEditsOfOneField_oneConflictRow_pulledAsAConflictChange() {
    String patientId = createOnA();
    List<Map<String, Object>> seen = tabletB.pullAll(1000, null);
    Object base = ((Map<?, ?>) data(seen.get(0)).get("versions")).get("phone");

    TestApi.Response first =
        tabletA.push(List.of(phoneUpdate(tabletA, patientId, "13900000001", base)));
    TestApi.Response second =
        tabletB.push(List.of(phoneUpdate(tabletB, patientId, "13900000002", base)));

    assertThat(first.at("results.0.conflicts")).isEqualTo(0);
    assertThat(second.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(second.at("results.0.conflicts")).isEqualTo(1);
    TestDevice supervisor = new TestDevice(api, "sup1", area.userId("sup1"));
    supervisor.register();
    List<Map<String, Object>> changes = supervisor.pullAll(1000, null);
    List<Map<String, Object>> conflicts =
        changes.stream().filter(c -> "CONFLICT".equals(c.get("type"))).toList();
    assertThat(conflicts).hasSize(1);
    Map<String, Object> conflict = data(conflicts.get(0));
    assertThat(conflict.get("patientId")).isEqualTo(patientId);
    assertThat(conflict.get("field")).isEqualTo("phone");
    assertThat(
            List.of(
                ((Map<?, ?>) conflict.get("winner")).get("value"),
                ((Map<?, ?>) conflict.get("loser")).get("value")))
        .containsExactlyInAnyOrder("13900000001", "13900000002");
    Map<String, Object> pulledPatient =
        changes.stream().filter(c -> patientId.equals(c.get("id"))).findFirst().orElseThrow();
    assertThat(data(pulledPatient).get("phone"))
        .isEqualTo(((Map<?, ?>) conflict.get("winner")).get("value"));
  }

  @Test
  void editFromATabletTwoYearsAhead_storedWithTheServersReStamp() {
    String patientId = createOnA();
    Object base =
        ((Map<?, ?>) data(tabletA.pullAll(1000, null).get(0)).get("versions")).get("phone");
    Map<String, Object> update = phoneUpdate(tabletA, patientId, "13900000009", base);
    update.put("hlc", Hlc.ofWallMillis(Instant.now().plus(Duration.ofDays(730)).toEpochMilli()));

    TestApi.Response r = tabletA.push(List.of(update));

    assertThat(r.at("results.0.status")).as(String.valueOf(r.body())).isEqualTo("APPLIED");
    assertThat(r.at("results.0.clockSuspect")).isEqualTo(true);
    Map<String, Object> pulled = tabletB.pullAll(1000, null).get(0);
    Map<?, ?> phoneVersion = (Map<?, ?>) ((Map<?, ?>) data(pulled).get("versions")).get("phone");
    assertThat(phoneVersion.get("hlc")).isEqualTo(r.at("results.0.hlc"));
    assertThat(phoneVersion.get("deviceId")).isEqualTo(tabletA.id.toString());
    assertThat(data(pulled).get("phone")).isEqualTo("13900000009");
  }

  @Test
  void visitVoidedTwice_bothApplied_theFirstVoidStands() {
    String patientId = createOnA();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(2), 128, 80);
    tabletA.push(List.of(tabletA.visit(patientId, form)));

    TestApi.Response r =
        tabletA.push(
            List.of(
                tabletA.mutation(
                    "FOLLOW_UP_VOID", Map.of("followUpId", form.get("id"), "reason", "录错")),
                tabletA.mutation(
                    "FOLLOW_UP_VOID", Map.of("followUpId", form.get("id"), "reason", "重复"))));

    assertThat(r.at("results.0.status")).as(String.valueOf(r.body())).isEqualTo("APPLIED");
    assertThat(r.at("results.1.status")).as(String.valueOf(r.body())).isEqualTo("APPLIED");
    assertThat(api.get("doc1", "/api/v1/follow-ups/" + form.get("id")).at("voidReason"))
        .isEqualTo("录错");
  }

  @Test
  void oneRequest_visitsOfOnePatientAmongOthers_assessedAsWhenEachCameAlone() {
    // A batch inserts its new visits at its end; a visit must still be assessed against the
    // earlier visits of its patient in the same request, as when each came in a request of its own.
    String batched = createOnA();
    String alone = createOnA();
    String other = createOnA();
    int[][] pressures = {{168, 102}, {152, 96}, {128, 78}, {171, 104}};
    List<Map<String, Object>> mutations = new java.util.ArrayList<>();
    List<String> batchedIds = new java.util.ArrayList<>();
    List<Map<String, Object>> forms = new java.util.ArrayList<>();
    for (int i = 0; i < pressures.length; i++) {
      LocalDate date = TODAY.minusDays(120 - 30L * i);
      Map<String, Object> form =
          FollowUpSamples.hypertensionVisit(date, pressures[i][0], pressures[i][1]);
      forms.add(form);
      batchedIds.add((String) form.get("id"));
      mutations.add(tabletA.visit(batched, form));
      mutations.add(
          tabletA.visit(other, FollowUpSamples.hypertensionVisit(date.plusDays(1), 170, 104)));
    }
    TestApi.Response r = tabletA.push(mutations);
    for (int i = 0; i < mutations.size(); i++) {
      assertThat(r.at("results." + i + ".status")).as(i + ": " + r.body()).isEqualTo("APPLIED");
    }
    List<String> aloneIds = new java.util.ArrayList<>();
    for (Map<String, Object> form : forms) {
      Map<String, Object> copy = FollowUpSamples.copyWithNewId(form);
      aloneIds.add((String) copy.get("id"));
      TestApi.Response one = tabletA.push(List.of(tabletA.visit(alone, copy)));
      assertThat(one.at("results.0.status")).as(String.valueOf(one.body())).isEqualTo("APPLIED");
    }

    Map<Object, Map<String, Object>> pulled = new LinkedHashMap<>();
    for (Map<String, Object> change : tabletB.pullAll(1000, null)) {
      pulled.put(change.get("id"), data(change));
    }
    for (int i = 0; i < forms.size(); i++) {
      assertThat(pulled.get(batchedIds.get(i)).get("assessment"))
          .as("visit " + i)
          .isEqualTo(pulled.get(aloneIds.get(i)).get("assessment"));
    }
    // The second uncontrolled visit in a row is assessed otherwise than the first.
    assertThat(pulled.get(batchedIds.get(1)).get("assessment"))
        .isNotEqualTo(pulled.get(batchedIds.get(0)).get("assessment"));
  }

  @Test
  void oneRequest_aVisitItsRepeatItsAmendmentAndAVoid_eachSeesTheVisitsBeforeIt() {
    String patientId = createOnA();
    Map<String, Object> form = FollowUpSamples.hypertensionVisit(TODAY.minusDays(9), 128, 80);
    Map<String, Object> clash = new LinkedHashMap<>(form);
    clash.put("systolic", 150);
    Map<String, Object> corrected = FollowUpSamples.copyWithNewId(form);
    corrected.put("systolic", 126);
    Map<String, Object> amendment = FollowUpSamples.amendment(corrected, "录错血压");
    amendment.put("originalId", form.get("id"));
    Map<String, Object> second = FollowUpSamples.hypertensionVisit(TODAY.minusDays(3), 130, 82);

    TestApi.Response r =
        tabletA.push(
            List.of(
                tabletA.visit(patientId, form),
                // The same visit again under a new mutation (a re-queued form): a no-op.
                tabletA.visit(patientId, form),
                // Another form under the same id: refused.
                tabletA.visit(patientId, clash),
                tabletA.mutation("FOLLOW_UP_AMEND", amendment),
                // Amending the superseded original again: refused.
                tabletA.mutation("FOLLOW_UP_AMEND", amendment(form, "再改")),
                tabletA.visit(patientId, second),
                tabletA.mutation(
                    "FOLLOW_UP_VOID", Map.of("followUpId", second.get("id"), "reason", "重复"))));

    List<String> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(r.at("results." + i + ".status") + " " + r.at("results." + i + ".code"));
    }
    assertThat(statuses)
        .as(String.valueOf(r.body()))
        .containsExactly(
            "APPLIED null",
            "APPLIED null",
            "REJECTED FOLLOW_UP_ID_CONFLICT",
            "APPLIED null",
            "REJECTED FOLLOW_UP_SUPERSEDED",
            "APPLIED null",
            "APPLIED null");
    TestApi.Response history = api.get("doc1", "/api/v1/patients/" + patientId + "/follow-ups");
    assertThat(history.at("items"))
        .as(String.valueOf(history.body()))
        .asList()
        .extracting(f -> ((Map<?, ?>) f).get("id") + " " + ((Map<?, ?>) f).get("state"))
        .containsExactlyInAnyOrder(
            second.get("id") + " VOIDED",
            corrected.get("id") + " CURRENT",
            form.get("id") + " SUPERSEDED");
    // Each applied write has its own number, in the request's order.
    List<Long> seqs = new java.util.ArrayList<>();
    for (int i : new int[] {0, 3, 5, 6}) {
      seqs.add(((Number) r.at("results." + i + ".changeSeq")).longValue());
    }
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
  }

  private static Map<String, Object> amendment(Map<String, Object> original, String reason) {
    Map<String, Object> amendment =
        FollowUpSamples.amendment(FollowUpSamples.copyWithNewId(original), reason);
    amendment.put("originalId", original.get("id"));
    return amendment;
  }

  @Test
  void invalidPatientCreate_rejectedWithTheRestApisFieldErrors_queueMovesOn() {
    Map<String, Object> bad = PatientSamples.hypertensive(VILLAGE_1);
    bad.put("residentId", PatientSamples.withWrongCheckDigit((String) bad.get("residentId")));
    Map<String, Object> good = PatientSamples.hypertensive(VILLAGE_1);

    TestApi.Response r =
        tabletA.push(
            List.of(
                tabletA.mutation("PATIENT_CREATE", bad), tabletA.mutation("PATIENT_CREATE", good)));

    assertThat(r.at("results.0.status")).isEqualTo("REJECTED");
    assertThat(r.at("results.0.code")).isEqualTo("VALIDATION_FAILED");
    assertThat((List<?>) r.at("results.0.fieldErrors")).isNotEmpty();
    assertThat(r.at("results.1.status")).isEqualTo("APPLIED");
    assertThat(r.at("ackedThroughSeq")).isEqualTo(2);
    assertThat(api.get("doc1", "/api/v1/patients/" + bad.get("id")).status()).isEqualTo(404);
  }
}
