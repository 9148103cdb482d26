package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;
import static org.suifang.server.testing.TestArea.VILLAGE_2;
import static org.suifang.server.testing.TestArea.VILLAGE_3;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;
import org.suifang.server.users.UserService;

/**
 * The pull part over HTTP (docs/sync-protocol.md#change-types): patients and follow-ups written
 * through the REST API appear in commit order, pages bounded by count and bytes never split a
 * change sequence number, scope comes from the user, and invalid cursors reset.
 */
@MicronautTest(transactional = false)
class ChangeFeedTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject TestAuth auth;

  @Inject TestApi api;

  @Inject TransactionOperations<Connection> transactions;

  @Inject ChangeSequencer sequencer;

  @Inject JsonMapper json;

  @Inject UserService users;

  @Inject CursorSigner signer;

  private TestArea area;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
    // A doctor of two villages, who may move a patient from one to the other.
    if (users.findByUsername("doc12").isEmpty()) {
      auth.createUser(UserCommand.doctor("doc12", "两村医生", TestAuth.PASSWORD, VILLAGE_1, VILLAGE_2));
    }
  }

  /** A registered device of the user whose cursor stands at the head (it has pulled everything). */
  private TestDevice caughtUp(String user) {
    TestDevice device = new TestDevice(api, user, area.userId(user));
    device.register();
    device.pullAll(1000, null);
    return device;
  }

  private String patient(String user, String village) {
    TestApi.Response r = api.post(user, "/api/v1/patients", PatientSamples.hypertensive(village));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  private String followUp(String user, String patientId, int daysAgo) {
    TestApi.Response r =
        api.post(
            user,
            "/api/v1/patients/" + patientId + "/follow-ups",
            FollowUpSamples.hypertensionVisit(TODAY.minusDays(daysAgo), 132, 84));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return (String) r.at("id");
  }

  private static List<String> ids(List<Map<String, Object>> changes) {
    return changes.stream().map(c -> c.get("type") + ":" + c.get("id")).toList();
  }

  private static long seq(Map<String, Object> change) {
    return ((Number) change.get("seq")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> change) {
    return (Map<String, Object>) change.get("data");
  }

  @Test
  void pull_restWrites_appearInCommitOrderWithTheirLatestState() {
    TestDevice tablet = caughtUp("doc1");
    String first = patient("doc1", VILLAGE_1);
    String visit = followUp("doc1", first, 10);
    String second = patient("doc1", VILLAGE_1);
    assertThat(
            api.post("doc1", "/api/v1/follow-ups/" + visit + "/void", Map.of("reason", "录错"))
                .status())
        .isEqualTo(200);

    List<Map<String, Object>> changes = tablet.pullAll(null, null);

    // The void re-stamped the visit after the second patient: only its latest state is delivered.
    assertThat(ids(changes))
        .containsExactly("PATIENT:" + first, "PATIENT:" + second, "FOLLOW_UP:" + visit);
    assertThat(changes).extracting(ChangeFeedTest::seq).isSorted().doesNotHaveDuplicates();
    assertThat(data(changes.get(2)).get("voidReason")).isEqualTo("录错");
    assertThat(tablet.cursor())
        .extracting(c -> ((Map<?, ?>) c).get("seq"))
        .isEqualTo(((Number) changes.get(2).get("seq")).intValue());
  }

  @Test
  void pull_patientData_fieldsStatusVersionsAndScope() {
    TestDevice tablet = caughtUp("doc1");
    Map<String, Object> body = PatientSamples.hypertensive(VILLAGE_1);
    TestApi.Response created = api.post("doc1", "/api/v1/patients", body);

    Map<String, Object> change = tablet.pullAll(null, null).get(0);

    Map<String, Object> data = data(change);
    assertThat(change.get("type")).isEqualTo("PATIENT");
    assertThat(data.get("id")).isEqualTo(body.get("id"));
    assertThat(data.get("name")).isEqualTo("王建国");
    assertThat(data.get("sex")).isEqualTo("MALE");
    assertThat(data.get("birthDate")).isEqualTo("1958-03-12");
    assertThat(data.get("residentId")).isEqualTo(body.get("residentId"));
    assertThat(data.get("villageCode")).isEqualTo(VILLAGE_1);
    assertThat(data.get("countyCode")).isEqualTo(TestArea.COUNTY);
    assertThat(data.get("hypertensionDiagnosedOn")).isEqualTo("2015-06-01");
    assertThat(data).containsEntry("diabetesDiagnosedOn", null);
    assertThat(data.get("status"))
        .isEqualTo(
            new HashMap<>(Map.of("status", "ACTIVE", "date", created.at("status.date"))) {
              {
                put("reason", null);
                put("note", null);
              }
            });
    assertThat(data.get("createdBy")).isEqualTo(area.userId("doc1").toString());
    assertThat(data.get("createdAt")).isEqualTo(created.at("createdAt"));
    assertThat(data.get("inScope")).isEqualTo(true);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> versions =
        (Map<String, Map<String, Object>>) data.get("versions");
    assertThat(versions.keySet()).containsExactlyInAnyOrderElementsOf(ChangeStamps.PATIENT_FIELDS);
    assertThat(versions.get("name").get("deviceId"))
        .isEqualTo(FieldVersion.SERVER_DEVICE.toString());
    assertThat(((Number) versions.get("name").get("hlc")).longValue()).isPositive();
  }

  @Test
  void pull_followUpData_isExactlyTheRestView() {
    String patientId = patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    String visit = followUp("doc1", patientId, 3);

    Map<String, Object> change = tablet.pullAll(null, null).get(0);

    assertThat(data(change)).containsEntry("assessmentMismatch", null);
    assertThat(data(change)).isEqualTo(api.get("doc1", "/api/v1/follow-ups/" + visit).json());
  }

  @Test
  @SuppressWarnings("unchecked")
  void pull_compactChanges_followUpIsTheRestViewWithoutNullsLabelsOrEffectiveClassification() {
    String patientId = patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    String visit = followUp("doc1", patientId, 3);
    Map<String, Object> rest = api.get("doc1", "/api/v1/follow-ups/" + visit).json();

    Map<String, Object> body = tablet.request(List.of());
    body.put("compactChanges", true);
    TestApi.Response r = tablet.send(body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    Map<String, Object> data = data(changes(r).get(0));

    // What the compact form promises: the REST view, nulls left out at every depth, coded values
    // as their codes, effectiveClassification left out.
    Map<String, Object> expected = withoutNulls(rest);
    expected.remove("effectiveClassification");
    expected.put("symptoms", codes(expected.get("symptoms")));
    expected.put("reportedDangerSigns", codes(expected.get("reportedDangerSigns")));
    Map<String, Object> assessment = (Map<String, Object>) expected.get("assessment");
    assessment.put("dangerSigns", codes(assessment.get("dangerSigns")));
    assessment.put(
        "classification", ((Map<String, Object>) assessment.get("classification")).get("code"));
    assessment.put("nextStep", ((Map<String, Object>) assessment.get("nextStep")).get("code"));
    assertThat(data).isEqualTo(expected);
    assertThat(data).doesNotContainKey("assessmentMismatch").doesNotContainKey("amends");
    assertThat(assessment.get("classification")).isInstanceOf(String.class);
    assertThat(rest).containsKey("effectiveClassification").containsEntry("amends", null);
    // The sender of no flag (a tablet from before) still gets the full REST form.
    TestDevice old = new TestDevice(api, "doc1", area.userId("doc1"));
    old.register();
    Map<String, Object> full =
        old.pullAll(1000, null).stream()
            .filter(c -> visit.equals(c.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(data(full)).isEqualTo(rest);
    // A server ignores a member it does not know (how a server from before the flag treats it).
    Map<String, Object> future = old.request(List.of());
    future.put("someFutureMember", true);
    assertThat(old.send(future).status()).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            out.put(k, withoutNulls((Map<String, Object>) m));
          } else if (v instanceof List<?> l) {
            out.put(
                k,
                l.stream()
                    .map(i -> i instanceof Map<?, ?> m ? withoutNulls((Map<String, Object>) m) : i)
                    .toList());
          } else if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> codes(Object labels) {
    return ((List<Map<String, Object>>) labels).stream().map(l -> l.get("code")).toList();
  }

  @Test
  void pull_pagedByCount_sameChangesAsOnePage_noSplitSeq() {
    List<String> patients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String p = patient("doc12", i % 2 == 0 ? VILLAGE_1 : VILLAGE_2);
      patients.add(p);
      followUp("doc12", p, 20);
      followUp("doc12", p, 10);
    }
    // Moving a patient re-stamps its two follow-ups with it: one seq, three rows.
    movePatient("doc12", patients.get(0), VILLAGE_2);

    TestDevice whole = new TestDevice(api, "sup1", area.userId("sup1"));
    whole.register();
    List<Map<String, Object>> all = whole.pullAll(1000, null);
    TestDevice paged = new TestDevice(api, "sup1", area.userId("sup1"));
    paged.register();
    List<List<Map<String, Object>>> pages = pages(paged, 2, null);

    assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(all);
    assertThat(pages.size()).isGreaterThan(all.size() / 3);
    assertSeqsNotSplit(pages);
    assertThat(pages.stream().mapToInt(List::size).max().orElseThrow()).isEqualTo(3);
    for (List<Map<String, Object>> page : pages) {
      if (page.stream().map(ChangeFeedTest::seq).distinct().count() > 1) {
        assertThat(page).hasSizeLessThanOrEqualTo(2);
      }
    }
    List<Map<String, Object>> moved =
        all.stream().filter(c -> seq(c) == seq(all.get(all.size() - 1))).toList();
    assertThat(ids(moved)).hasSize(3).contains("PATIENT:" + patients.get(0));
  }

  @Test
  void pull_pagedByBytes_sameChangesAsOnePage_pagesWithinTheBound() throws IOException {
    String patientId = patient("doc1", VILLAGE_1);
    for (int i = 0; i < 12; i++) {
      followUp("doc1", patientId, 60 - i);
    }
    TestDevice whole = new TestDevice(api, "doc1", area.userId("doc1"));
    whole.register();
    List<Map<String, Object>> all = whole.pullAll(1000, 4 * 1024 * 1024);
    TestDevice paged = new TestDevice(api, "doc1", area.userId("doc1"));
    paged.register();
    int maxBytes = 16 * 1024;

    List<List<Map<String, Object>>> pages = pages(paged, 1000, maxBytes);

    assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(all);
    assertThat(pages.size()).isGreaterThan(1);
    assertSeqsNotSplit(pages);
    for (List<Map<String, Object>> page : pages) {
      long bytes = 0;
      for (Map<String, Object> change : page) {
        bytes += json.writeValueAsBytes(change).length;
      }
      if (page.stream().map(ChangeFeedTest::seq).distinct().count() > 1) {
        // Re-serialising the parsed maps may differ from the server's bytes by a few characters.
        assertThat(bytes).isLessThanOrEqualTo(maxBytes + maxBytes / 20);
      }
    }
  }

  @Test
  void pull_scopeComesFromTheUser() {
    TestDevice doctor = caughtUp("doc1");
    TestDevice supervisor = caughtUp("sup1");
    TestDevice admin = caughtUp("admin1");
    String inVillage1 = patient("doc1", VILLAGE_1);
    String inVillage2 = patient("doc2", VILLAGE_2);
    String inVillage3 = patient("doc3", VILLAGE_3);

    assertThat(ids(doctor.pullAll(null, null))).containsExactly("PATIENT:" + inVillage1);
    assertThat(ids(supervisor.pullAll(null, null)))
        .containsExactly("PATIENT:" + inVillage1, "PATIENT:" + inVillage2);
    assertThat(ids(admin.pullAll(null, null)))
        .containsExactly("PATIENT:" + inVillage1, "PATIENT:" + inVillage2, "PATIENT:" + inVillage3);
    assertThat(((Map<?, ?>) doctor.cursor()).get("scope"))
        .isNotEqualTo(((Map<?, ?>) supervisor.cursor()).get("scope"));
  }

  @Test
  void pull_patientMovedOutOfTheDoctorsVillages_inScopeFalse_newAreaGetsItsFollowUps() {
    String patientId = patient("doc12", VILLAGE_1);
    String visit = followUp("doc12", patientId, 5);
    TestDevice oldArea = caughtUp("doc1");
    TestDevice newArea = caughtUp("doc2");

    movePatient("doc12", patientId, VILLAGE_2);

    List<Map<String, Object>> left = oldArea.pullAll(null, null);
    assertThat(ids(left)).containsExactly("PATIENT:" + patientId);
    assertThat(data(left.get(0))).containsEntry("inScope", false);
    assertThat(data(left.get(0))).containsEntry("villageCode", VILLAGE_2);
    List<Map<String, Object>> arrived = newArea.pullAll(null, null);
    assertThat(ids(arrived)).containsExactly("PATIENT:" + patientId, "FOLLOW_UP:" + visit);
    assertThat(data(arrived.get(0))).containsEntry("inScope", true);
    assertThat(seq(arrived.get(0))).isEqualTo(seq(arrived.get(1)));
  }

  @Test
  void pull_conflictRows_deliveredToTheirPatientsScope() {
    String patientId = patient("doc1", VILLAGE_1);
    TestDevice doctor = caughtUp("doc1");
    TestDevice elsewhere = caughtUp("doc3");
    UUID conflictId = UUID.randomUUID();
    UUID winnerDevice = UUID.randomUUID();
    UUID loserDevice = UUID.randomUUID();
    Instant detectedAt = Instant.parse("2026-11-22T08:00:00Z");
    transactions.executeWrite(
        status -> {
          long seq = sequencer.stamp().seq();
          try (PreparedStatement insert =
              status
                  .getConnection()
                  .prepareStatement(
                      "INSERT INTO sync_conflict (id, patient_id, field, winner_value, winner_hlc,"
                          + " winner_device_id, winner_author_id, loser_value, loser_hlc,"
                          + " loser_device_id, loser_author_id, mutation_id, detected_at, status,"
                          + " change_seq) VALUES (?, ?, 'name', ?, 200, ?, ?, ?, 100, ?, ?, ?, ?,"
                          + " 'OPEN', ?)")) {
            insert.setObject(1, conflictId);
            insert.setObject(2, UUID.fromString(patientId));
            insert.setString(3, "\"张三\"");
            insert.setObject(4, winnerDevice);
            insert.setObject(5, area.userId("doc1"));
            insert.setString(6, "张山");
            insert.setObject(7, loserDevice);
            insert.setObject(8, area.userId("doc2"));
            insert.setObject(9, UUID.randomUUID());
            insert.setTimestamp(10, Timestamp.from(detectedAt));
            insert.setLong(11, seq);
            insert.executeUpdate();
          }
          return seq;
        });

    List<Map<String, Object>> changes = doctor.pullAll(null, null);

    assertThat(ids(changes)).containsExactly("CONFLICT:" + conflictId);
    Map<String, Object> data = data(changes.get(0));
    assertThat(data.get("patientId")).isEqualTo(patientId);
    assertThat(data.get("field")).isEqualTo("name");
    assertThat(data.get("status")).isEqualTo("OPEN");
    assertThat(data.get("detectedAt")).isEqualTo(detectedAt.toString());
    assertThat(data.get("winner"))
        .isEqualTo(
            Map.of(
                "value",
                "张三",
                "hlc",
                200,
                "deviceId",
                winnerDevice.toString(),
                "authorId",
                area.userId("doc1").toString()));
    // Values are stored as JSON; text that is not JSON is delivered as a string.
    assertThat(((Map<?, ?>) data.get("loser")).get("value")).isEqualTo("张山");
    assertThat(elsewhere.pullAll(null, null)).isEmpty();
  }

  @Test
  void pull_afterTheEpochIsRotated_resetRequiredAndThePageStartsOver() {
    String patientId = patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    String oldEpoch = (String) ((Map<?, ?>) tablet.cursor()).get("epoch");

    TestApi.Response rotated = api.post("admin1", "/api/v1/admin/sync/epoch", Map.of());

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.at("epoch")).isNotEqualTo(oldEpoch);
    TestApi.Response r = tablet.pull(1000, null);
    assertThat(r.at("resetRequired")).isEqualTo(true);
    assertThat(ids(changes(r))).contains("PATIENT:" + patientId);
    assertThat(r.at("nextCursor.epoch")).isEqualTo(rotated.at("epoch"));
    assertThat(tablet.pull(1000, null).at("resetRequired")).isEqualTo(false);
  }

  @Test
  void rotateEpoch_asDoctor_403() {
    assertThat(api.post("doc1", "/api/v1/admin/sync/epoch", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void pull_issuedCursorBeyondTheHead_resetRequiredAndTheEpochRotates() {
    patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    // A cursor the server signed before its database was restored from an older backup.
    @SuppressWarnings("unchecked")
    Map<String, Object> issued = (Map<String, Object>) tablet.cursor();
    PullCursor ahead =
        signer.cursor(
            (String) issued.get("epoch"),
            ((Number) issued.get("seq")).longValue() + 1000,
            (String) issued.get("scope"));
    Map<String, Object> cursor = new LinkedHashMap<>();
    cursor.put("epoch", ahead.epoch());
    cursor.put("seq", ahead.seq());
    cursor.put("scope", ahead.scope());
    cursor.put("sig", ahead.sig());
    tablet.cursor(cursor);

    TestApi.Response r = tablet.pull(1000, null);

    assertThat(r.at("resetRequired")).isEqualTo(true);
    assertThat(changes(r)).isNotEmpty();
    assertThat(r.at("nextCursor.epoch")).isNotEqualTo(cursor.get("epoch"));
    TestDevice other = new TestDevice(api, "doc1", area.userId("doc1"));
    assertThat(other.register().at("epoch")).isEqualTo(r.at("nextCursor.epoch"));
  }

  @Test
  void pull_forgedCursorBeyondTheHead_resetsThisDeviceOnly_epochKept() {
    patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    @SuppressWarnings("unchecked")
    Map<String, Object> issued = (Map<String, Object>) tablet.cursor();
    String epoch = (String) issued.get("epoch");
    long seq = ((Number) issued.get("seq")).longValue();
    List<Map<String, Object>> forgeries = new ArrayList<>();
    Map<String, Object> seqRaised = new LinkedHashMap<>(issued);
    seqRaised.put("seq", seq + 1000);
    forgeries.add(seqRaised);
    Map<String, Object> unsigned = new LinkedHashMap<>(seqRaised);
    unsigned.remove("sig");
    forgeries.add(unsigned);
    Map<String, Object> otherSig = new LinkedHashMap<>(seqRaised);
    otherSig.put("sig", issued.get("sig"));
    otherSig.put("seq", seq + 1);
    forgeries.add(otherSig);

    for (Map<String, Object> forged : forgeries) {
      tablet.cursor(forged);

      TestApi.Response r = tablet.pull(1000, null);

      assertThat(r.at("resetRequired")).as(forged.toString()).isEqualTo(true);
      assertThat(changes(r)).isNotEmpty();
      assertThat(r.at("nextCursor.epoch")).as(forged.toString()).isEqualTo(epoch);
    }
    TestDevice other = new TestDevice(api, "doc1", area.userId("doc1"));
    assertThat(other.register().at("epoch")).isEqualTo(epoch);
  }

  @Test
  void pull_cursorOfAnotherScope_resetRequiredEpochKept() {
    patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    @SuppressWarnings("unchecked")
    Map<String, Object> cursor = new LinkedHashMap<>((Map<String, Object>) tablet.cursor());
    cursor.put("scope", "000000000000");
    tablet.cursor(cursor);

    TestApi.Response r = tablet.pull(1000, null);

    assertThat(r.at("resetRequired")).isEqualTo(true);
    assertThat(changes(r)).isNotEmpty();
    assertThat(r.at("nextCursor.epoch")).isEqualTo(cursor.get("epoch"));
    assertThat(r.at("nextCursor.scope")).isNotEqualTo("000000000000");
  }

  @Test
  void sync_pullLimitZero_pushesWithoutPulling_cursorAnsweredBack() {
    String patientId = patient("doc1", VILLAGE_1);
    TestDevice tablet = caughtUp("doc1");
    Object cursor = tablet.cursor();
    patient("doc1", VILLAGE_1);

    TestApi.Response r = tablet.push(List.of(tablet.note(patientId, "push-only")));

    assertThat(r.at("results.0.status")).isEqualTo("APPLIED");
    assertThat(changes(r)).isEmpty();
    assertThat(r.at("nextCursor")).isEqualTo(cursor);
    assertThat(r.at("hasMore")).isEqualTo(true);
    assertThat(r.at("resetRequired")).isEqualTo(false);
  }

  @Test
  void pull_firstSyncWithoutCursor_notAReset() {
    patient("doc1", VILLAGE_1);
    TestDevice tablet = new TestDevice(api, "doc1", area.userId("doc1"));
    tablet.register();

    TestApi.Response r = tablet.pull(1000, null);

    assertThat(r.at("resetRequired")).isEqualTo(false);
    assertThat(changes(r)).isNotEmpty();
  }

  private void movePatient(String user, String patientId, String village) {
    TestApi.Response view = api.get(user, "/api/v1/patients/" + patientId);
    Map<String, Object> update = PatientSamples.updateOf(view.json());
    update.put("villageCode", village);
    TestApi.Response r = api.put(user, "/api/v1/patients/" + patientId, update);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> changes(TestApi.Response r) {
    return (List<Map<String, Object>>) r.at("changes");
  }

  /** Pulls pages until the end, checking each page's cursor; returns the pages. */
  private static List<List<Map<String, Object>>> pages(
      TestDevice device, Integer limit, Integer maxBytes) {
    List<List<Map<String, Object>>> pages = new ArrayList<>();
    long previous = 0;
    for (int round = 0; round < 1000; round++) {
      TestApi.Response r = device.pull(limit, maxBytes);
      List<Map<String, Object>> page = changes(r);
      long next = ((Number) r.at("nextCursor.seq")).longValue();
      for (Map<String, Object> change : page) {
        assertThat(seq(change)).isGreaterThan(previous).isLessThanOrEqualTo(next);
      }
      previous = next;
      if (!page.isEmpty()) {
        pages.add(page);
      }
      if (!Boolean.TRUE.equals(r.at("hasMore"))) {
        return pages;
      }
    }
    throw new AssertionError("no end of the feed after 1000 pages");
  }

  private static void assertSeqsNotSplit(List<List<Map<String, Object>>> pages) {
    Set<Long> seen = new HashSet<>();
    for (List<Map<String, Object>> page : pages) {
      Set<Long> here = new HashSet<>();
      page.forEach(c -> here.add(seq(c)));
      for (long seq : here) {
        assertThat(seen.add(seq)).as("seq " + seq + " split across pages").isTrue();
      }
    }
  }
}
