package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suifang.client.Conflict;
import org.suifang.client.Patient;
import org.suifang.client.PatientQuery;
import org.suifang.client.PatientRegistration;
import org.suifang.client.PatientUpdate;
import org.suifang.client.SyncReport;
import org.suifang.client.Visit;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * The review queue end to end: a supervisor resolves a conflict or merges a duplicate through the
 * JSON API, and real {@code SuifangClient} tablets see the outcome on their next sync.
 */
@MicronautTest(transactional = false)
class ReviewE2eTest {
  @Inject TestAuth auth;

  @Inject ServerProbe server;

  @TempDir File tmp;

  private Tablet a;
  private Tablet b;

  @BeforeEach
  void tablets() throws Exception {
    auth.seedArea();
    server.createDoctor("doc1r", "钱医生", VILLAGE_1);
    a = Tablet.open("tablet-a", server.url(), new File(tmp, "a"));
    b = Tablet.open("tablet-b", server.url(), new File(tmp, "b"));
    a.client().login("doc1", TestAuth.PASSWORD);
    b.client().login("doc1r", TestAuth.PASSWORD);
    a.syncOk();
    b.syncOk();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private TestApi api() {
    return server.api();
  }

  /** Two offline edits of the phone, synced: one open conflict. Returns its JSON view. */
  private Map<String, Object> conflictOnPhone(Patient p) throws Exception {
    a.offline();
    b.offline();
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000001").build());
    b.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000002").build());
    a.online();
    b.online();
    a.syncOk();
    b.syncOk();
    a.syncOk();
    Map<String, Object> conflict = openConflictOf("sup1", p.id());
    assertThat(conflict).as("sup1 sees the conflict").isNotNull();
    return conflict;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> openConflictOf(String user, UUID patientId) {
    TestApi.Response r = api().get(user, "/api/v1/review/conflicts?status=OPEN&size=100");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(r.at("items")).as(String.valueOf(r.body())).isNotNull();
    for (Map<String, Object> c : (List<Map<String, Object>>) r.at("items")) {
      if (patientId.toString().equals(c.get("patientId"))) {
        return c;
      }
    }
    return null;
  }

  private static List<Conflict> conflictsOf(Tablet t, UUID patientId) {
    List<Conflict> out = new ArrayList<>();
    for (Conflict c : t.client().conflicts()) {
      if (c.patientId().equals(patientId)) {
        out.add(c);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "supervisor keeps the {0}")
  @ValueSource(strings = {"WINNER", "LOSER"})
  @SuppressWarnings("unchecked")
  void resolve_chosenValueWinsEverywhere_conflictResolvedOnTablets(String choice) throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    b.syncOk();
    Map<String, Object> conflict = conflictOnPhone(p);
    String id = (String) conflict.get("id");
    assertThat(conflict.get("field")).isEqualTo("phone");
    assertThat(conflict.get("fieldLabel")).isEqualTo(Map.of("zh", "联系电话", "en", "Phone"));
    assertThat(conflict.get("patientName")).isEqualTo("王建国");
    assertThat(conflict.get("villageName")).isNotNull();
    Map<String, Object> winner = (Map<String, Object>) conflict.get("winner");
    Map<String, Object> loser = (Map<String, Object>) conflict.get("loser");
    assertThat(List.of(winner.get("value"), loser.get("value")))
        .containsExactlyInAnyOrder("13900000001", "13900000002");
    assertThat(List.of(winner.get("authorName"), loser.get("authorName")))
        .containsExactlyInAnyOrder(
            "钱医生",
            (String)
                server
                    .rows("SELECT display_name FROM app_user WHERE username = 'doc1'")
                    .get(0)
                    .get("display_name"));
    assertThat(List.of(winner.get("device"), loser.get("device")))
        .containsExactlyInAnyOrder("tablet-a", "tablet-b");
    assertThat(winner.get("deviceTime")).isNotNull();
    assertThat(conflict.get("detectedAt")).isNotNull();
    String chosen = (String) (choice.equals("WINNER") ? winner : loser).get("value");

    TestApi.Response resolved =
        api()
            .post(
                "sup1",
                "/api/v1/review/conflicts/" + id + "/resolve",
                Map.of("choice", choice, "note", "电话核实过"));

    assertThat(resolved.status()).as(String.valueOf(resolved.body())).isEqualTo(200);
    assertThat(resolved.at("status")).isEqualTo("RESOLVED");
    assertThat(resolved.at("resolution.choice")).isEqualTo(choice);
    assertThat(resolved.at("resolution.value")).isEqualTo(chosen);
    assertThat(resolved.at("resolution.note")).isEqualTo("电话核实过");
    assertThat(resolved.at("resolution.resolvedByName")).isNotNull();
    assertThat(server.patient("sup1", p.id()).get("phone")).isEqualTo(chosen);
    // The chosen value is a server write, newer than both sides.
    String versions =
        (String)
            server
                .rows("SELECT field_versions FROM patient WHERE id = ?", p.id())
                .get(0)
                .get("field_versions");
    assertThat(versions).contains("\"phone\":{\"hlc\":").contains("00000000-0000-0000-0000");
    assertThat(
            server.count(
                "SELECT count(*) FROM audit_log WHERE action = 'CONFLICT_RESOLVE'"
                    + " AND target_id = ? AND username = 'sup1'",
                id))
        .isEqualTo(1);
    assertThat(openConflictOf("sup1", p.id())).isNull();

    SyncReport ra = a.syncOk();
    SyncReport rb = b.syncOk();

    assertThat(ra.pulled()).isPositive();
    assertThat(rb.pulled()).isPositive();
    for (Tablet t : List.of(a, b)) {
      assertThat(t.client().patients().get(p.id()).phone()).as(t.name).isEqualTo(chosen);
      List<Conflict> conflicts = conflictsOf(t, p.id());
      assertThat(conflicts).as(t.name).hasSize(1);
      Conflict c = conflicts.get(0);
      assertThat(c.status()).isEqualTo("RESOLVED");
      assertThat(c.resolution()).isNotNull();
      assertThat(c.resolution().choice()).isEqualTo(choice);
      assertThat(c.resolution().value()).isEqualTo("\"" + chosen + "\"");
      assertThat(c.resolution().note()).isEqualTo("电话核实过");
      assertThat(c.resolution().resolvedAt()).isNotNull();
    }

    // Resolving again: refused, nothing written twice.
    TestApi.Response again =
        api()
            .post(
                "sup1",
                "/api/v1/review/conflicts/" + id + "/resolve",
                Map.of("choice", choice.equals("WINNER") ? "LOSER" : "WINNER"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.at("code")).isEqualTo("CONFLICT_ALREADY_RESOLVED");
    assertThat(server.patient("sup1", p.id()).get("phone")).isEqualTo(chosen);
    assertThat(
            server.count(
                "SELECT count(*) FROM audit_log WHERE action = 'CONFLICT_RESOLVE' AND target_id = ?",
                id))
        .isEqualTo(1);
    TestApi.Response resolvedList = api().get("sup1", "/api/v1/review/conflicts?status=RESOLVED");
    assertThat(resolvedList.status()).isEqualTo(200);
    assertThat(resolvedList.at("total")).isNotEqualTo(0);
  }

  @Test
  void resolve_otherTownship_forbidden_doctor_forbidden_adminAllowed() throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    b.syncOk();
    String id = (String) conflictOnPhone(p).get("id");

    assertThat(openConflictOf("sup2", p.id())).as("sup2 sees nothing of township 1").isNull();
    TestApi.Response bySup2 =
        api()
            .post("sup2", "/api/v1/review/conflicts/" + id + "/resolve", Map.of("choice", "LOSER"));
    assertThat(bySup2.status()).isEqualTo(403);
    assertThat(bySup2.at("code")).isEqualTo("FORBIDDEN");
    for (String path :
        List.of(
            "/api/v1/review/conflicts",
            "/api/v1/review/merge-candidates",
            "/api/v1/review/rejections",
            "/api/v1/review/assessment-mismatches",
            "/api/v1/review/overrides",
            "/api/v1/review/counts")) {
      assertThat(api().get("doc1", path).status()).as(path).isEqualTo(403);
    }
    assertThat(
            api()
                .post(
                    "doc1",
                    "/api/v1/review/conflicts/" + id + "/resolve",
                    Map.of("choice", "LOSER"))
                .status())
        .isEqualTo(403);
    TestApi.Response bad =
        api().post("sup1", "/api/v1/review/conflicts/" + id + "/resolve", Map.of("choice", "BOTH"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(
            api()
                .post(
                    "sup1",
                    "/api/v1/review/conflicts/" + UUID.randomUUID() + "/resolve",
                    Map.of("choice", "LOSER"))
                .at("code"))
        .isEqualTo("CONFLICT_NOT_FOUND");
    assertThat(server.conflicts(p.id())).isEqualTo(1);
    assertThat(openConflictOf("sup1", p.id())).isNotNull();
    assertThat(server.count("SELECT count(*) FROM audit_log WHERE target_id = ?", id)).isZero();

    assertThat(openConflictOf("admin1", p.id())).isNotNull();
    TestApi.Response byAdmin =
        api()
            .post(
                "admin1", "/api/v1/review/conflicts/" + id + "/resolve", Map.of("choice", "LOSER"));
    assertThat(byAdmin.status()).as(String.valueOf(byAdmin.body())).isEqualTo(200);
  }

  @Test
  void resolve_fieldWrittenAgainSince_409Outdated_nothingChanges() throws Exception {
    Patient p = a.client().patients().register(Samples.hypertensive(VILLAGE_1).build());
    a.syncOk();
    b.syncOk();
    String id = (String) conflictOnPhone(p).get("id");
    b.syncOk();
    a.client().patients().update(p.id(), PatientUpdate.newBuilder().phone("13900000009").build());
    a.syncOk();

    TestApi.Response r =
        api()
            .post("sup1", "/api/v1/review/conflicts/" + id + "/resolve", Map.of("choice", "LOSER"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.at("code")).isEqualTo("CONFLICT_OUTDATED");
    assertThat(server.patient("sup1", p.id()).get("phone")).isEqualTo("13900000009");
    assertThat(openConflictOf("sup1", p.id())).isNotNull();
    assertThat(server.count("SELECT count(*) FROM audit_log WHERE target_id = ?", id)).isZero();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> openCandidateOf(String user, UUID patientId) {
    TestApi.Response r = api().get(user, "/api/v1/review/merge-candidates?size=100");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    for (Map<String, Object> c : (List<Map<String, Object>>) r.at("items")) {
      Map<String, Object> pa = (Map<String, Object>) c.get("a");
      Map<String, Object> pb = (Map<String, Object>) c.get("b");
      if (patientId.toString().equals(pa.get("id")) || patientId.toString().equals(pb.get("id"))) {
        return c;
      }
    }
    return null;
  }

  private static List<UUID> ids(List<Visit> visits) {
    List<UUID> ids = new ArrayList<>();
    for (Visit v : visits) {
      ids.add(v.id());
    }
    return ids;
  }

  private static final List<String> OVERDUE_LISTS =
      List.of(
          "/api/v1/villages/" + VILLAGE_1 + "/worklists/overdue?size=200",
          "/api/v1/reports/worklists/overdue?size=200");

  @Test
  @SuppressWarnings("unchecked")
  void merge_offlineVisitForTheDuplicate_landsOnTheSurvivorOnce_tabletsConverge() throws Exception {
    // Tablet a registers the patient without an address; tablet b registers the same person again
    // (same resident ID number) with an address, and records a visit for that duplicate.
    PatientRegistration first = Samples.hypertensive(VILLAGE_1).address(null).build();
    Patient survivor = a.client().patients().register(first);
    a.syncOk();
    b.syncOk();
    Patient duplicate =
        b.client()
            .patients()
            .register(
                Samples.hypertensive(VILLAGE_1)
                    .residentId(first.residentId())
                    .address("东关村5组2号")
                    .build());
    Visit before =
        b.client()
            .followUps()
            .record(
                duplicate.id(), Samples.htnVisit(Samples.today().minusDays(5), 150, 95).build());
    b.syncOk();
    a.syncOk();
    assertThat(a.client().patients().find(duplicate.id())).isNotNull();
    // Tablet b goes offline and records another visit for the duplicate.
    b.offline();
    Visit offline =
        b.client()
            .followUps()
            .record(
                duplicate.id(), Samples.htnVisit(Samples.today().minusDays(1), 132, 84).build());
    b.client()
        .patients()
        .update(duplicate.id(), PatientUpdate.newBuilder().phone("13600000006").build());

    Map<String, Object> candidate = openCandidateOf("sup1", duplicate.id());
    assertThat(candidate).isNotNull();
    assertThat(candidate.get("reason")).isEqualTo("RESIDENT_ID");
    Map<String, Object> sideOfDuplicate =
        duplicate.id().toString().equals(((Map<String, Object>) candidate.get("a")).get("id"))
            ? (Map<String, Object>) candidate.get("a")
            : (Map<String, Object>) candidate.get("b");
    assertThat(sideOfDuplicate.get("visits")).isEqualTo(1);
    assertThat(sideOfDuplicate.get("address")).isEqualTo("东关村5组2号");
    assertThat(openCandidateOf("sup2", duplicate.id())).isNull();
    String candidateId = (String) candidate.get("id");
    assertThat(
            api()
                .post(
                    "sup2",
                    "/api/v1/review/merge-candidates/" + candidateId + "/merge",
                    Map.of("survivorId", survivor.id().toString()))
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .post(
                    "sup1",
                    "/api/v1/review/merge-candidates/" + candidateId + "/merge",
                    Map.of("survivorId", UUID.randomUUID().toString()))
                .fieldErrors())
        .containsExactly("survivorId:NOT_IN_PAIR");

    // Before the merge the survivor, never visited, is overdue; the duplicate, visited, is not.
    for (String list : OVERDUE_LISTS) {
      assertThat(api().get("sup1", list).body().toString())
          .as(list)
          .contains(survivor.id().toString())
          .doesNotContain(duplicate.id().toString());
    }

    TestApi.Response merged =
        api()
            .post(
                "sup1",
                "/api/v1/review/merge-candidates/" + candidateId + "/merge",
                Map.of("survivorId", survivor.id().toString(), "note", "同一人"));

    assertThat(merged.status()).as(String.valueOf(merged.body())).isEqualTo(200);
    assertThat(merged.at("status")).isEqualTo("MERGED");
    assertThat(merged.at("survivorId")).isEqualTo(survivor.id().toString());
    assertThat(
            server.count(
                "SELECT count(*) FROM audit_log WHERE action = 'PATIENT_MERGE' AND target_id = ?",
                duplicate.id().toString()))
        .isEqualTo(1);
    assertThat(server.followUpRows(duplicate.id())).isZero();
    assertThat(server.followUpRows(survivor.id())).isEqualTo(1);
    // The survivor's empty address took the duplicate's.
    assertThat(server.patient("sup1", survivor.id()).get("address")).isEqualTo("东关村5组2号");
    assertThat(
            api()
                .post(
                    "sup1",
                    "/api/v1/review/merge-candidates/" + candidateId + "/merge",
                    Map.of("survivorId", survivor.id().toString()))
                .at("code"))
        .isEqualTo("MERGE_CANDIDATE_CLOSED");

    // GET of the duplicate: a permanent redirect to the survivor.
    HttpResponse<String> raw =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "api/v1/patients/" + duplicate.id()))
                    .header("Authorization", "Bearer " + auth.login("sup1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(301);
    assertThat(raw.headers().firstValue("Location")).hasValue("/api/v1/patients/" + survivor.id());
    assertThat(raw.body()).contains("PATIENT_MERGED");
    // Searches leave the duplicate out.
    TestApi.Response search = api().get("sup1", "/api/v1/patients?idNumber=" + first.residentId());
    assertThat(search.at("total")).isEqualTo(1);
    assertThat(((List<Map<String, Object>>) search.at("items")).get(0).get("id"))
        .isEqualTo(survivor.id().toString());
    // Worklists: the survivor's overdue entry went away with the visit it took over, and the
    // duplicate (which has that visit on record) is not listed in its place.
    for (String list : OVERDUE_LISTS) {
      assertThat(api().get("sup1", list).body().toString())
          .as(list)
          .doesNotContain(survivor.id().toString())
          .doesNotContain(duplicate.id().toString());
    }

    // The offline tablet comes back: its visit for the duplicate lands on the survivor, once.
    b.online();
    SyncReport back = b.syncOk();
    SyncReport again = b.syncOk();
    a.syncOk();

    assertThat(back.pushed()).isEqualTo(2);
    assertThat(back.rejected()).isEmpty();
    assertThat(again.pushed()).isZero();
    assertThat(server.followUpRows(duplicate.id())).isZero();
    assertThat(server.followUpRows(survivor.id())).isEqualTo(2);
    assertThat(server.patient("sup1", survivor.id()).get("phone")).isEqualTo("13600000006");
    assertThat(server.historyIds("sup1", survivor.id()))
        .containsExactlyInAnyOrder(before.id(), offline.id());
    for (Tablet t : List.of(a, b)) {
      Patient seen = t.client().patients().get(duplicate.id());
      assertThat(seen.id()).as(t.name + ": the duplicate redirects").isEqualTo(survivor.id());
      assertThat(seen.address()).isEqualTo("东关村5组2号");
      // The offline edit of the duplicate's phone was applied to the survivor.
      assertThat(seen.phone()).isEqualTo("13600000006");
      assertThat(
              t.client()
                  .patients()
                  .search(PatientQuery.newBuilder().residentId(first.residentId()).build()))
          .as(t.name)
          .extracting(Patient::id)
          .containsExactly(survivor.id());
      assertThat(ids(t.client().followUps().history(survivor.id())))
          .as(t.name)
          .containsExactlyInAnyOrder(before.id(), offline.id());
      assertThat(ids(t.client().followUps().history(duplicate.id())))
          .as(t.name)
          .containsExactlyInAnyOrder(before.id(), offline.id());
      assertThat(t.pending()).isZero();
    }
  }

  @Test
  void mergeAndDismiss_otherTownshipForbidden_dismissAudited() throws Exception {
    PatientRegistration first = Samples.hypertensive(VILLAGE_1).build();
    Patient one = a.client().patients().register(first);
    Patient two =
        a.client()
            .patients()
            .register(Samples.hypertensive(VILLAGE_1).residentId(first.residentId()).build());
    a.syncOk();
    Map<String, Object> candidate = openCandidateOf("sup1", one.id());
    String id = (String) candidate.get("id");

    assertThat(
            api()
                .post("sup2", "/api/v1/review/merge-candidates/" + id + "/dismiss", Map.of())
                .status())
        .isEqualTo(403);
    TestApi.Response dismissed =
        api()
            .post(
                "sup1",
                "/api/v1/review/merge-candidates/" + id + "/dismiss",
                Map.of("note", "双胞胎"));

    assertThat(dismissed.status()).as(String.valueOf(dismissed.body())).isEqualTo(200);
    assertThat(dismissed.at("status")).isEqualTo("DISMISSED");
    assertThat(dismissed.at("note")).isEqualTo("双胞胎");
    assertThat(openCandidateOf("sup1", one.id())).isNull();
    assertThat(
            server.count(
                "SELECT count(*) FROM audit_log WHERE action = 'MERGE_DISMISS' AND target_id = ?",
                id))
        .isEqualTo(1);
    assertThat(server.patient("sup1", two.id()).get("id")).isEqualTo(two.id().toString());
    assertThat(
            api()
                .post(
                    "sup1",
                    "/api/v1/review/merge-candidates/" + id + "/merge",
                    Map.of("survivorId", one.id().toString()))
                .at("code"))
        .isEqualTo("MERGE_CANDIDATE_CLOSED");
  }
}
