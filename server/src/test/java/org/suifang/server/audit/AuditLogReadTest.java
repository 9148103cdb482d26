package org.suifang.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * Reading the audit log: only county administrators, only their county's users, the filters (dates
 * in China Standard Time), paging, and that every read is itself recorded.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogReadTest {

  static final String OTHER_COUNTY = "130124000000";
  static final String OTHER_TOWNSHIP = "130124100000";

  /** 2026-10-01 10:00 China Standard Time. */
  static final Instant OCT_1 = Instant.parse("2026-10-01T02:00:00Z");

  /** 2026-10-03 01:00 China Standard Time, still 2 October in UTC. */
  static final Instant OCT_3_EARLY = Instant.parse("2026-10-02T17:00:00Z");

  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject AuditLog audit;
  @Inject FakeClock clock;
  @Inject RegionService regions;

  @Inject
  @Client("/")
  HttpClient client;

  TestArea area;
  UUID sup9;

  @BeforeAll
  void seed() {
    area = auth.seedArea();
    regions.createRegion(new RegionCommand(OTHER_COUNTY, RegionLevel.COUNTY, "邻县", null, null));
    regions.createRegion(new RegionCommand(OTHER_TOWNSHIP, RegionLevel.TOWNSHIP, "邻镇", null, null));
    sup9 =
        auth.createUser(UserCommand.supervisor("sup9", "外县督导", TestAuth.PASSWORD, OTHER_TOWNSHIP));
    clock.set(OCT_1);
    audit.record(user("sup1"), null, AuditAction.PATIENT_VIEW, "PATIENT", "p-1", null);
    audit.record(user("sup1"), null, AuditAction.EXPORT, "WORKLIST", "overdue", "village=1");
    clock.set(OCT_3_EARLY);
    audit.record(user("sup2"), null, AuditAction.EXPORT, "WORKLIST", "overdue", "village=3");
    audit.record(otherCountyUser(), null, AuditAction.EXPORT, "WORKLIST", "overdue", "elsewhere");
    clock.reset();
  }

  @Test
  void list_admin_seesOnlyTheirCountyNewestFirst() {
    TestApi.Response r = api.get("admin1", "/api/v1/audit-log?targetType=WORKLIST");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("total")).isEqualTo(2);
    assertThat(entries(r)).extracting(e -> e.get("username")).containsExactly("sup2", "sup1");
    assertThat(entries(r).get(0).get("detail")).isEqualTo("village=3");
    assertThat(Instant.parse((String) entries(r).get(0).get("at"))).isEqualTo(OCT_3_EARLY);
  }

  @Test
  void list_filters() {
    assertThat(usernames("user=SUP1&targetType=PATIENT")).containsExactly("sup1");
    assertThat(usernames("action=EXPORT&targetId=overdue")).containsExactly("sup2", "sup1");
    // 2 October 17:00 UTC is 3 October in China Standard Time.
    assertThat(usernames("targetType=WORKLIST&from=2026-10-03")).containsExactly("sup2");
    assertThat(usernames("targetType=WORKLIST&to=2026-10-02")).containsExactly("sup1");
    assertThat(usernames("targetType=WORKLIST&from=2026-10-01&to=2026-10-01"))
        .containsExactly("sup1");
  }

  @Test
  void list_pages() {
    TestApi.Response first = api.get("admin1", "/api/v1/audit-log?action=EXPORT&size=1");
    TestApi.Response second = api.get("admin1", "/api/v1/audit-log?action=EXPORT&size=1&page=1");

    assertThat(first.at("total")).isEqualTo(2);
    assertThat(entries(first)).extracting(e -> e.get("username")).containsExactly("sup2");
    assertThat(entries(second)).extracting(e -> e.get("username")).containsExactly("sup1");
    assertThat(api.get("admin1", "/api/v1/audit-log?size=201").status()).isEqualTo(400);
  }

  @Test
  void list_isItselfRecorded() {
    api.get("admin1", "/api/v1/audit-log?action=PATIENT_VIEW&targetId=p-1");

    TestApi.Response views = api.get("admin1", "/api/v1/audit-log?action=AUDIT_LOG_VIEW&size=200");
    assertThat(entries(views))
        .extracting(e -> e.get("detail"))
        .contains("action=PATIENT_VIEW targetId=p-1 page=0 size=50");
  }

  @Test
  void list_badFilters_areRefused() {
    TestApi.Response action = api.get("admin1", "/api/v1/audit-log?action=NOPE");
    assertThat(action.status()).isEqualTo(400);
    assertThat(action.fieldErrors()).containsExactly("action:UNKNOWN_ACTION");
    TestApi.Response range = api.get("admin1", "/api/v1/audit-log?from=2026-10-03&to=2026-10-01");
    assertThat(range.fieldErrors()).containsExactly("to:BEFORE_FROM");
    assertThat(api.get("admin1", "/api/v1/audit-log?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void list_notAdmin_isForbidden() {
    assertThat(api.get("sup1", "/api/v1/audit-log").status()).isEqualTo(403);
    assertThat(api.get("doc1", "/api/v1/audit-log").status()).isEqualTo(403);
  }

  @Test
  void page_admin_showsFilteredEntriesInChinese() {
    String html =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/dashboard/audit?action=EXPORT&targetType=WORKLIST")
                    .bearerAuth(auth.login("admin1")));

    assertThat(html)
        .contains("审计日志")
        .contains("village=3")
        .contains("village=1")
        .doesNotContain("elsewhere")
        .contains("导出")
        .contains("共 2 条");
    assertThat(html).contains("<option value=\"EXPORT\" selected=\"selected\">");
  }

  @Test
  void page_supervisor_isForbiddenPage() {
    try {
      client
          .toBlocking()
          .retrieve(HttpRequest.GET("/dashboard/audit").bearerAuth(auth.login("sup1")));
      throw new AssertionError("expected 403");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(403);
      assertThat(e.getResponse().getBody(String.class))
          .hasValueSatisfying(b -> assertThat(b).contains("<html"));
    }
  }

  private List<Object> usernames(String query) {
    TestApi.Response r = api.get("admin1", "/api/v1/audit-log?" + query);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return entries(r).stream().map(e -> e.get("username")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(TestApi.Response r) {
    return (List<Map<String, Object>>) r.at("entries");
  }

  private CurrentUser user(String username) {
    return new CurrentUser(
        area.userIds().get(username),
        username,
        Role.TOWNSHIP_SUPERVISOR,
        TestArea.COUNTY,
        username.equals("sup1") ? TestArea.TOWNSHIP_1 : TestArea.TOWNSHIP_2,
        Set.of());
  }

  private CurrentUser otherCountyUser() {
    return new CurrentUser(
        sup9,
        "sup9",
        Role.TOWNSHIP_SUPERVISOR,
        OTHER_COUNTY,
        OTHER_TOWNSHIP,
        new LinkedHashSet<>());
  }
}
