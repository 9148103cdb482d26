package org.suifang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PageSession;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.users.UserCommand;

/**
 * Every route the router knows × every caller (anonymous, village doctor, township supervisor,
 * county administrator) × in and out of the caller's area, over real HTTP.
 *
 * <p>The routes come from {@link Router#uriRoutes()}, so a new endpoint without a row in {@link
 * #table} fails {@link #table_coversEveryRoute()}. The table is written by hand from docs/api.md
 * and docs/auth.md: who may call the route and whether it is scoped to an area. A caller outside
 * the route's roles must be denied (401 for anonymous callers on the API, a redirect to the login
 * form on dashboard pages, 403 for a wrong role); a caller with the role must be denied (403, the
 * project's convention for "outside your area") on the other side's data, and must not be denied on
 * their own. The dashboard pages are called with the session cookie, the API with the bearer token;
 * a session cookie alone is refused on the API except where docs/auth.md allows it.
 *
 * <p>Out of scope means: for doc1 (village 1) the patients and village of doc2 (village 2, same
 * township); for sup1 (township 1) those of township 2; for admin1 those of a second county that
 * this test adds next to the standard area.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** Who calls. */
  enum Caller {
    ANONYMOUS(null),
    DOCTOR("doc1"),
    SUPERVISOR("sup1"),
    ADMIN("admin1");

    final String username;

    Caller(String username) {
      this.username = username;
    }
  }

  /** The data a request is about: one village (and its township) with its fixtures. */
  record Side(
      String doctor,
      String village,
      String township,
      UUID patient,
      UUID followUp,
      Map<String, Object> followUpForm,
      UUID candidate,
      UUID survivor,
      UUID user) {}

  /** One request: a JSON body or a form (with the caller's CSRF token added), or neither. */
  record Req(String method, String path, Object json, Map<String, String> form) {}

  /** A row of the table: who may call the route, and whether it is limited to their area. */
  record Rule(Set<Caller> allowed, boolean scoped, int outOfScope, Function<Side, Req> request) {}

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> USERS =
      EnumSet.of(Caller.DOCTOR, Caller.SUPERVISOR, Caller.ADMIN);
  private static final Set<Caller> DOCTORS = EnumSet.of(Caller.DOCTOR);
  private static final Set<Caller> SUPERVISION = EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN);
  private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

  private static final String COUNTY_2 = "130124000000";
  private static final String TOWNSHIP_4 = "130124100000";
  private static final String VILLAGE_4 = "130124100201";

  private static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

  @Inject EmbeddedServer server;
  @Inject Router router;
  @Inject TestAuth auth;
  @Inject TestApi api;
  @Inject JsonMapper json;
  @Inject RegionService regions;

  RawHttp http;
  TestArea area;
  Side village1;
  Side village2;
  Side township2;
  Side county2;
  final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  final Map<Caller, PageSession> browsers = new EnumMap<>(Caller.class);
  final Map<Caller, String> csrf = new EnumMap<>(Caller.class);
  final Map<String, Rule> table = new TreeMap<>();

  @BeforeAll
  void seed() {
    http = new RawHttp(server.getURL());
    area = auth.seedArea();
    // A second county, so that the county administrator has another side too.
    regions.createRegion(new RegionCommand(COUNTY_2, RegionLevel.COUNTY, "邻县", null, null));
    regions.createRegion(new RegionCommand(TOWNSHIP_4, RegionLevel.TOWNSHIP, "邻镇", null, null));
    regions.createRegion(new RegionCommand(VILLAGE_4, RegionLevel.VILLAGE, "邻村", "121", "101"));
    auth.createUser(UserCommand.doctor("doc8", "吴医生", TestAuth.PASSWORD, VILLAGE_4));
    auth.createUser(UserCommand.supervisor("sup8", "郑督导", TestAuth.PASSWORD, TOWNSHIP_4));
    // The accounts the administrator's user-management routes act on, one per county.
    UUID doc9 =
        auth.createUser(UserCommand.doctor("doc9", "周医生", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    UUID doc7 = auth.createUser(UserCommand.doctor("doc7", "冯医生", TestAuth.PASSWORD, VILLAGE_4));
    village1 = side("doc1", TestArea.VILLAGE_1, TestArea.TOWNSHIP_1, "sup1", doc9);
    village2 = side("doc2", TestArea.VILLAGE_2, TestArea.TOWNSHIP_1, null, null);
    township2 = side("doc3", TestArea.VILLAGE_3, TestArea.TOWNSHIP_2, "sup2", null);
    county2 = side("doc8", VILLAGE_4, TOWNSHIP_4, "sup8", doc7);
    for (Caller caller : Caller.values()) {
      signIn(caller);
      if (caller.username != null) {
        tokens.put(caller, auth.login(caller.username));
      }
    }
    fillTable();
  }

  /**
   * Gives the caller a browser: a dashboard session for supervisors and administrators, the login
   * form's pre-session for the others (doctors are refused a session); keeps its CSRF token.
   */
  private void signIn(Caller caller) {
    PageSession browser = new PageSession(server.getURL());
    if (caller == Caller.SUPERVISOR || caller == Caller.ADMIN) {
      assertThat(browser.login(caller.username, TestAuth.PASSWORD, "/dashboard").statusCode())
          .isEqualTo(303);
      csrf.put(caller, PageSession.csrfToken(browser.get("/dashboard")));
    } else {
      csrf.put(caller, PageSession.csrfToken(browser.get("/login")));
    }
    browsers.put(caller, browser);
  }

  /**
   * Registers a patient with a follow-up as the doctor, and two patients that make a merge
   * candidate (same name, birth date and village); finds the candidate as the supervisor.
   */
  private Side side(String doctor, String village, String township, String supervisor, UUID user) {
    Map<String, Object> patient = PatientSamples.diabetic(village);
    UUID patientId = UUID.fromString(created(api.post(doctor, "/api/v1/patients", patient)));
    Map<String, Object> form = FollowUpSamples.diabetesVisit(YESTERDAY, 6.5);
    UUID followUpId =
        UUID.fromString(
            created(api.post(doctor, "/api/v1/patients/" + patientId + "/follow-ups", form)));
    UUID candidate = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    if (supervisor != null) {
      survivor =
          UUID.fromString(
              created(api.post(doctor, "/api/v1/patients", PatientSamples.hypertensive(village))));
      created(api.post(doctor, "/api/v1/patients", PatientSamples.hypertensive(village)));
      TestApi.Response list = api.get(supervisor, "/api/v1/review/merge-candidates");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) list.json().get("items");
      assertThat(items).as("merge candidates of %s", supervisor).hasSize(1);
      candidate = UUID.fromString((String) items.get(0).get("id"));
    }
    return new Side(
        doctor,
        village,
        township,
        patientId,
        followUpId,
        form,
        candidate,
        survivor,
        user == null ? UUID.randomUUID() : user);
  }

  private static String created(TestApi.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    return (String) response.json().get("id");
  }

  /** The expectation table: one row per method and route template. */
  private void fillTable() {
    // Platform endpoints (docs/api.md "Platform endpoints"); Micronaut's other built-in
    // management endpoints are switched off, so they have no route.
    rule("GET /health", EVERYONE, false, s -> get("/health"));
    rule("GET /health/{selector}", EVERYONE, false, s -> get("/health/liveness"));
    rule("GET /prometheus", EVERYONE, false, s -> get("/prometheus"));

    // Login and tokens (docs/auth.md "Endpoints").
    rule(
        "POST /api/v1/auth/login",
        EVERYONE,
        false,
        s -> post("/api/v1/auth/login", Map.of("username", "doc2", "password", TestAuth.PASSWORD)));
    rule(
        "POST /api/v1/auth/refresh",
        EVERYONE,
        false,
        s -> post("/api/v1/auth/refresh", Map.of("refreshToken", freshRefreshToken())));
    rule(
        "POST /api/v1/auth/logout",
        EVERYONE,
        false,
        s -> post("/api/v1/auth/logout", Map.of("refreshToken", freshRefreshToken())));
    rule("GET /api/v1/me", USERS, false, s -> get("/api/v1/me"));
    rule("GET /api/v1/regions", USERS, false, s -> get("/api/v1/regions"));
    rule("GET /api/v1/regions/{code}", USERS, true, s -> get("/api/v1/regions/" + s.village()));
    rule("GET /api/v1/facilities", USERS, false, s -> get("/api/v1/facilities"));

    // User administration: the county administrator, for accounts of their county.
    rule("GET /api/v1/users", ADMINS, false, s -> get("/api/v1/users"));
    rule(
        "POST /api/v1/users",
        ADMINS,
        true,
        s ->
            post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "new" + UUID.randomUUID().toString().substring(0, 8),
                    "displayName",
                    "新医生",
                    "password",
                    TestAuth.PASSWORD,
                    "role",
                    "VILLAGE_DOCTOR",
                    "villageCodes",
                    List.of(s.village()))));
    rule("GET /api/v1/users/{id}", ADMINS, true, s -> get("/api/v1/users/" + s.user()));
    for (String action : List.of("deactivate", "activate", "unlock")) {
      rule(
          "POST /api/v1/users/{id}/" + action,
          ADMINS,
          true,
          s -> post("/api/v1/users/" + s.user() + "/" + action, Map.of()));
    }
    rule(
        "PUT /api/v1/users/{id}/password",
        ADMINS,
        true,
        s -> put("/api/v1/users/" + s.user() + "/password", Map.of("password", "N3w-Passw0rd")));

    // Patients and follow-ups: everyone reads their area, only doctors write their villages.
    rule(
        "POST /api/v1/patients",
        DOCTORS,
        true,
        s -> post("/api/v1/patients", PatientSamples.diabetic(s.village())));
    rule("GET /api/v1/patients", USERS, true, s -> get("/api/v1/patients?village=" + s.village()));
    rule("GET /api/v1/patients/{id}", USERS, true, s -> get("/api/v1/patients/" + s.patient()));
    rule(
        "PUT /api/v1/patients/{id}",
        DOCTORS,
        true,
        s -> put("/api/v1/patients/" + s.patient(), patientUpdate(s)));
    rule(
        "POST /api/v1/patients/{id}/status",
        DOCTORS,
        true,
        s ->
            post(
                "/api/v1/patients/" + s.patient() + "/status",
                Map.of(
                    "status",
                    "LOST_TO_FOLLOW_UP",
                    "version",
                    patientView(s).get("version"),
                    "date",
                    YESTERDAY.toString())));
    rule(
        "POST /api/v1/patients/{patientId}/follow-ups",
        DOCTORS,
        true,
        s ->
            post(
                "/api/v1/patients/" + s.patient() + "/follow-ups",
                FollowUpSamples.diabetesVisit(YESTERDAY, 7.0)));
    rule(
        "GET /api/v1/patients/{patientId}/follow-ups",
        USERS,
        true,
        s -> get("/api/v1/patients/" + s.patient() + "/follow-ups"));
    rule(
        "GET /api/v1/follow-ups/{id}", USERS, true, s -> get("/api/v1/follow-ups/" + s.followUp()));
    rule(
        "POST /api/v1/follow-ups/{id}/amend",
        DOCTORS,
        true,
        s ->
            post(
                "/api/v1/follow-ups/" + s.followUp() + "/amend",
                FollowUpSamples.amendment(
                    FollowUpSamples.copyWithNewId(s.followUpForm()), "wrong glucose value")));
    rule(
        "POST /api/v1/follow-ups/{id}/void",
        DOCTORS,
        true,
        s -> post("/api/v1/follow-ups/" + s.followUp() + "/void", Map.of("reason", "twice")));

    // Worklists: a village's lists (readers of the village), the dashboard lists (supervision).
    for (String list : List.of("overdue", "rechecks", "referrals", "annual-checks")) {
      rule(
          "GET /api/v1/villages/{villageCode}/worklists/" + list,
          USERS,
          true,
          s -> get("/api/v1/villages/" + s.village() + "/worklists/" + list));
    }
    rule("GET /api/v1/worklists/summary", USERS, false, s -> get("/api/v1/worklists/summary"));
    for (String list : List.of("overdue", "referrals", "danger-signs", "at-risk")) {
      for (String suffix : List.of("", ".csv")) {
        rule(
            "GET /api/v1/reports/worklists/" + list + suffix,
            SUPERVISION,
            true,
            s -> get("/api/v1/reports/worklists/" + list + suffix + "?village=" + s.village()));
      }
    }

    // Indicators, population estimates, sync health, audit log.
    rule(
        "GET /api/v1/reports/indicators",
        SUPERVISION,
        true,
        s -> get("/api/v1/reports/indicators?area=" + s.township()));
    rule(
        "GET /api/v1/reports/indicators/trend",
        SUPERVISION,
        true,
        s -> get("/api/v1/reports/indicators/trend?area=" + s.township()));
    rule(
        "GET /api/v1/reports/indicators.csv",
        SUPERVISION,
        true,
        s -> get("/api/v1/reports/indicators.csv?area=" + s.township()));
    rule(
        "GET /api/v1/admin/population-estimates",
        SUPERVISION,
        false,
        s -> get("/api/v1/admin/population-estimates"));
    rule(
        "PUT /api/v1/admin/population-estimates/{townshipCode}/{year}",
        ADMINS,
        true,
        s ->
            put(
                "/api/v1/admin/population-estimates/" + s.township() + "/2026",
                Map.of("hypertension", 1200, "diabetes", 400)));
    rule(
        "GET /api/v1/reports/sync-health",
        SUPERVISION,
        true,
        s -> get("/api/v1/reports/sync-health?township=" + s.township()));
    rule(
        "GET /api/v1/reports/sync-health.csv",
        SUPERVISION,
        true,
        s -> get("/api/v1/reports/sync-health.csv?township=" + s.township()));
    rule("GET /api/v1/audit-log", ADMINS, false, s -> get("/api/v1/audit-log"));

    // Review queue: lists are filtered to the caller's area; decisions on another area are 403.
    for (String list :
        List.of("counts", "conflicts", "merge-candidates", "rejections", "assessment-mismatches")) {
      rule("GET /api/v1/review/" + list, SUPERVISION, false, s -> get("/api/v1/review/" + list));
    }
    rule("GET /api/v1/review/overrides", SUPERVISION, false, s -> get("/api/v1/review/overrides"));
    // No conflict fixture (conflicts need two devices' concurrent edits): role cells only.
    rule(
        "POST /api/v1/review/conflicts/{id}/resolve",
        SUPERVISION,
        false,
        s -> post("/api/v1/review/conflicts/" + UUID.randomUUID() + "/resolve", choice()));
    rule(
        "POST /api/v1/review/merge-candidates/{id}/merge",
        SUPERVISION,
        true,
        s ->
            post(
                "/api/v1/review/merge-candidates/" + s.candidate() + "/merge",
                Map.of("survivorId", s.survivor().toString())));
    rule(
        "POST /api/v1/review/merge-candidates/{id}/dismiss",
        SUPERVISION,
        true,
        s ->
            post(
                "/api/v1/review/merge-candidates/" + s.candidate() + "/dismiss",
                Map.of("note", "two people")));

    // Sync (tablets): any user; what a push may change is checked per record (sync tests).
    rule(
        "POST /api/v1/devices",
        USERS,
        false,
        s -> post("/api/v1/devices", Map.of("deviceId", UUID.randomUUID().toString())));
    rule("POST /api/v1/sync", USERS, false, s -> post("/api/v1/sync", Map.of()));
    rule(
        "POST /api/v1/admin/sync/epoch",
        ADMINS,
        false,
        s -> post("/api/v1/admin/sync/epoch", Map.of()));

    // The dashboard (docs/dashboard.md): supervisors and administrators, never doctors.
    rule("GET /", EVERYONE, false, s -> get("/"));
    rule("GET /login", EVERYONE, false, s -> get("/login"));
    rule(
        "POST /login",
        EVERYONE,
        false,
        s -> form("/login", Map.of("username", "sup2", "password", TestAuth.PASSWORD)));
    rule("POST /logout", EVERYONE, false, s -> form("/logout", Map.of()));
    rule("GET /lang", EVERYONE, false, s -> get("/lang?to=en"));
    rule("GET /dashboard", SUPERVISION, true, s -> get("/dashboard?area=" + s.township()));
    rule("GET /dashboard/review", SUPERVISION, false, s -> get("/dashboard/review"));
    rule(
        "POST /dashboard/review/conflicts/{id}/resolve",
        SUPERVISION,
        false,
        s ->
            form(
                "/dashboard/review/conflicts/" + UUID.randomUUID() + "/resolve",
                Map.of("choice", "WINNER")));
    rule(
        "POST /dashboard/review/merge-candidates/{id}/merge",
        SUPERVISION,
        true,
        s ->
            form(
                "/dashboard/review/merge-candidates/" + s.candidate() + "/merge",
                Map.of("survivorId", s.survivor().toString())));
    rule(
        "POST /dashboard/review/merge-candidates/{id}/dismiss",
        SUPERVISION,
        true,
        s -> form("/dashboard/review/merge-candidates/" + s.candidate() + "/dismiss", Map.of()));
    rule(
        "GET /dashboard/sync-health",
        SUPERVISION,
        true,
        s -> get("/dashboard/sync-health?township=" + s.township()));
    rule(
        "GET /dashboard/worklists/{list}",
        SUPERVISION,
        true,
        s -> get("/dashboard/worklists/overdue?village=" + s.village()));
    rule(
        "GET /dashboard/worklists/{list}/export.csv",
        SUPERVISION,
        true,
        s -> get("/dashboard/worklists/overdue/export.csv?village=" + s.village()));
    rule(
        "GET /dashboard/worklists/{list}/export-unmasked",
        SUPERVISION,
        true,
        s -> get("/dashboard/worklists/overdue/export-unmasked?village=" + s.village()));
    rule(
        "POST /dashboard/worklists/{list}/export-unmasked",
        SUPERVISION,
        true,
        s ->
            form(
                "/dashboard/worklists/overdue/export-unmasked",
                Map.of("confirm", "yes", "village", s.village())));
    rule(
        "GET /dashboard/patients/{id}",
        SUPERVISION,
        true,
        s -> get("/dashboard/patients/" + s.patient()));
    rule(
        "POST /dashboard/patients/{id}/resident-id",
        SUPERVISION,
        true,
        s -> form("/dashboard/patients/" + s.patient() + "/resident-id", Map.of()));
    rule("GET /dashboard/audit", ADMINS, false, s -> get("/dashboard/audit"));
  }

  private void rule(String key, Set<Caller> allowed, boolean scoped, Function<Side, Req> request) {
    // An account of another county is "not found" (UserAdminController: no probing of other
    // counties); everything else of another area is 403 FORBIDDEN.
    int outOfScope = key.contains(" /api/v1/users/{id}") ? 404 : 403;
    if (table.put(key, new Rule(allowed, scoped, outOfScope, request)) != null) {
      throw new IllegalStateException("two rows for " + key);
    }
  }

  @Test
  void table_coversEveryRoute() {
    Set<String> missing = new TreeSet<>();
    for (String key : routeKeys()) {
      if (!table.containsKey(ruleKey(key))) {
        missing.add(key);
      }
    }
    assertThat(missing)
        .as("routes without a row in the authorization matrix (add one to fillTable())")
        .isEmpty();
    Set<String> stale = new TreeSet<>(table.keySet());
    routeKeys().forEach(k -> stale.remove(ruleKey(k)));
    assertThat(stale).as("rows for routes that no longer exist").isEmpty();
  }

  @Test
  void everyRoute_everyCallerAndScope_deniedOrAllowedAsDocumented() {
    List<Cell> denied = new ArrayList<>();
    List<Cell> allowed = new ArrayList<>();
    for (String key : routeKeys()) {
      Rule rule = table.get(ruleKey(key));
      if (rule == null) {
        continue; // reported by table_coversEveryRoute
      }
      String method = key.substring(0, key.indexOf(' '));
      for (Caller caller : Caller.values()) {
        if (!rule.allowed().contains(caller)) {
          denied.add(new Cell(key, method, caller, village1, rule, Expect.ROLE));
          continue;
        }
        if (method.equals("HEAD")) {
          // HEAD runs the GET handler: its allowed and scope cells would repeat the GET ones.
          continue;
        }
        allowed.add(new Cell(key, method, caller, village1, rule, Expect.ALLOWED));
        Side other = otherSide(caller);
        if (rule.scoped() && other != null) {
          denied.add(new Cell(key, method, caller, other, rule, Expect.SCOPE));
        }
      }
    }
    // Refusals first: an allowed cell may change what another cell sees (a merge, a sign-out).
    allowed.sort(
        (a, b) -> Boolean.compare(a.key().endsWith("/logout"), b.key().endsWith("/logout")));
    List<String> failures = new ArrayList<>();
    for (Cell cell : denied) {
      check(cell, failures);
    }
    for (Cell cell : allowed) {
      check(cell, failures);
    }
    long scopeCells = denied.stream().filter(c -> c.expect() == Expect.SCOPE).count();
    System.out.printf(
        "Authorization matrix: %d routes, %d cells (%d denied by role or login, %d denied as out of"
            + " scope, %d allowed)%n",
        routeKeys().size(),
        denied.size() + allowed.size(),
        denied.size() - scopeCells,
        scopeCells,
        allowed.size());
    assertThat(failures).as("cells that broke the documented rule").isEmpty();
  }

  @Test
  void sessionCookie_onTheJsonApi_isRefusedExceptOnReportsAndAuditLogReads() {
    // Fresh sessions: the matrix test signs its sessions out at the end.
    signIn(Caller.SUPERVISOR);
    signIn(Caller.ADMIN);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String key : routeKeys()) {
      String method = key.substring(0, key.indexOf(' '));
      Rule rule = table.get(ruleKey(key));
      if (rule == null || !key.contains(" /api/v1/") || rule.allowed().contains(Caller.ANONYMOUS)) {
        continue;
      }
      String path = rule.request().apply(village1).path();
      boolean read = method.equals("GET") || method.equals("HEAD");
      boolean cookieAllowed =
          read && (path.startsWith("/api/v1/reports/") || path.startsWith("/api/v1/audit-log"));
      if (cookieAllowed) {
        continue;
      }
      for (Caller caller : List.of(Caller.SUPERVISOR, Caller.ADMIN)) {
        Req req = rule.request().apply(village1);
        HttpResponse<String> response =
            http.send(method, req.path(), cookieHeaders(caller, req), body(req));
        checked++;
        if (response.statusCode() != 401) {
          failures.add(key + " with " + caller + "'s session cookie: " + response.statusCode());
        }
      }
    }
    System.out.printf("Session cookie on the JSON API: %d requests refused%n", checked);
    assertThat(checked).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  enum Expect {
    ROLE,
    SCOPE,
    ALLOWED
  }

  record Cell(String key, String method, Caller caller, Side side, Rule rule, Expect expect) {}

  private void check(Cell cell, List<String> failures) {
    Req req = cell.rule().request().apply(cell.side());
    String path = req.path();
    boolean browser = isBrowserPath(path.split("\\?")[0]);
    Map<String, String> headers = new LinkedHashMap<>();
    if (browser) {
      headers.putAll(cookieHeaders(cell.caller(), req));
    }
    if (tokens.containsKey(cell.caller())
        && !(browser && browsers.get(cell.caller()).cookies.containsKey("SUIFANG_SESSION"))) {
      headers.put("Authorization", "Bearer " + tokens.get(cell.caller()));
    }
    if (req.json() != null) {
      headers.put("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        http.send(cell.method(), path, headers, body(req, cell.caller()));
    int status = response.statusCode();
    String location = response.headers().firstValue("location").orElse("");
    String what =
        cell.method() + " " + path + " as " + cell.caller() + " (" + cell.expect() + "): " + status;
    if (status >= 500) {
      failures.add(what + " " + response.body());
      return;
    }
    boolean toLogin = status == 303 && location.startsWith("/login?next=");
    switch (cell.expect()) {
      case ALLOWED -> {
        if (status == 401 || status == 403 || toLogin) {
          failures.add(what + " " + response.body());
        }
      }
      case ROLE, SCOPE -> {
        boolean headRequest = cell.method().equals("HEAD");
        if (cell.caller() == Caller.ANONYMOUS) {
          // A form post without a session goes to the bare login form (no "next" for a POST),
          // unless the CSRF check refuses it first.
          boolean postRefused =
              cell.method().equals("POST")
                  && ((status == 303 && location.equals("/login")) || status == 403);
          boolean ok =
              browser
                  ? toLogin || postRefused
                  : status == 401 && (headRequest || errorCode(response, "UNAUTHENTICATED"));
          if (!ok) {
            failures.add(what + " " + location + " " + response.body());
          }
        } else if (cell.expect() == Expect.SCOPE && cell.rule().outOfScope() == 404) {
          if (status != 404 || !errorCode(response, "NOT_FOUND")) {
            failures.add(what + " " + response.body());
          }
        } else if (status != 403
            || (!browser && !headRequest && !errorCode(response, "FORBIDDEN"))) {
          failures.add(what + " " + response.body());
        }
      }
    }
  }

  private boolean errorCode(HttpResponse<String> response, String code) {
    try {
      Map<String, Object> body =
          json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
      return code.equals(body.get("code")) && body.get("messageEn") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private Map<String, String> cookieHeaders(Caller caller, Req req) {
    Map<String, String> headers = new LinkedHashMap<>();
    PageSession browser = browsers.get(caller);
    if (!browser.cookies.isEmpty()) {
      headers.put(
          "Cookie",
          browser.cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    if (req.json() != null) {
      headers.put("Content-Type", "application/json");
    }
    if (req.form() != null) {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
    }
    return headers;
  }

  private String body(Req req) {
    return body(req, null);
  }

  private String body(Req req, Caller caller) {
    if (req.json() != null) {
      try {
        return json.writeValueAsString(req.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (req.form() != null) {
      Map<String, String> fields = new LinkedHashMap<>(req.form());
      if (caller != null) {
        fields.put("csrfToken", csrf.get(caller));
      }
      return fields.entrySet().stream()
          .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
    }
    return null;
  }

  private Side otherSide(Caller caller) {
    return switch (caller) {
      case DOCTOR -> village2;
      case SUPERVISOR -> township2;
      case ADMIN -> county2;
      default -> null;
    };
  }

  private Set<String> routeKeys() {
    return router
        .uriRoutes()
        .map(AuthorizationMatrixTest::routeKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String routeKey(UriRouteInfo<?, ?> route) {
    return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString();
  }

  /** HEAD routes follow the rule of their GET route, sent as HEAD. */
  private static String ruleKey(String routeKey) {
    return routeKey.startsWith("HEAD ") ? "GET " + routeKey.substring(5) : routeKey;
  }

  /** The browser routes of DashboardSessions.isBrowserPath (package-private in web). */
  private static boolean isBrowserPath(String path) {
    return path.equals("/")
        || path.equals("/dashboard")
        || path.startsWith("/dashboard/")
        || path.equals("/login")
        || path.equals("/logout")
        || path.equals("/lang");
  }

  private String freshRefreshToken() {
    TestApi.Response login =
        api.post(
            null, "/api/v1/auth/login", Map.of("username", "doc2", "password", TestAuth.PASSWORD));
    return (String) login.json().get("refreshToken");
  }

  private Map<String, Object> patientView(Side s) {
    return api.get(s.doctor(), "/api/v1/patients/" + s.patient()).json();
  }

  private Map<String, Object> patientUpdate(Side s) {
    Map<String, Object> update = PatientSamples.updateOf(patientView(s));
    update.put("phone", "13800000000");
    return update;
  }

  private static Map<String, Object> choice() {
    return Map.of("choice", "WINNER");
  }

  private static Req get(String path) {
    return new Req("GET", path, null, null);
  }

  private static Req post(String path, Object body) {
    return new Req("POST", path, body, null);
  }

  private static Req put(String path, Object body) {
    return new Req("PUT", path, body, null);
  }

  private static Req form(String path, Map<String, String> fields) {
    return new Req("POST", path, null, fields);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
