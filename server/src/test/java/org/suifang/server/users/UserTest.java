package org.suifang.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/** Profiles, creating users with their areas, and the county administrator's user API. */
@MicronautTest(transactional = false)
class UserTest {

  private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestAuth auth;

  @Inject
  UserService users;

  @Inject
  RegionService regions;

  private TestArea area;

  @BeforeEach
  void seed() {
    area = auth.seedArea();
  }

  @Test
  void me_doctor_returnsProfileAndVillages() {
    assertThat(get("doc3", "/api/v1/me")).containsEntry("id", area.userId("doc3").toString())
        .containsEntry("username", "doc3").containsEntry("displayName", "王医生").containsEntry("role", "VILLAGE_DOCTOR")
        .containsEntry("countyCode", TestArea.COUNTY).containsEntry("townshipCode", TestArea.TOWNSHIP_2)
        .containsEntry("villageCodes", List.of(TestArea.VILLAGE_3))
        .containsEntry("facilityId", area.facilityId(TestArea.VILLAGE_3).toString());
  }

  @Test
  void me_supervisorAndAdmin_returnTheirArea() {
    assertThat(get("sup1", "/api/v1/me")).containsEntry("role", "TOWNSHIP_SUPERVISOR")
        .containsEntry("townshipCode", TestArea.TOWNSHIP_1).containsEntry("villageCodes", List.of());
    assertThat(get("admin1", "/api/v1/me")).containsEntry("role", "COUNTY_ADMIN")
        .containsEntry("countyCode", TestArea.COUNTY).containsEntry("townshipCode", null)
        .containsEntry("villageCodes", List.of());
  }

  @Test
  void createUser_doctorWithTwoVillages_derivesTownshipAndCounty() {
    UserView view = users.createUser(
        UserCommand.doctor("Doc.Two", "两村医生", TestAuth.PASSWORD, TestArea.VILLAGE_2, TestArea.VILLAGE_1));

    assertThat(view.username()).isEqualTo("doc.two");
    assertThat(view.townshipCode()).isEqualTo(TestArea.TOWNSHIP_1);
    assertThat(view.countyCode()).isEqualTo(TestArea.COUNTY);
    assertThat(view.villageCodes()).containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2);
    assertThat(get("doc.two", "/api/v1/me")).containsEntry("villageCodes", List.of(TestArea.VILLAGE_1, TestArea.VILLAGE_2));
  }

  @Test
  void createUser_doctorVillagesInTwoTownships_answersInvalidScope() {
    assertFieldError(() -> users.createUser(
        UserCommand.doctor("split", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1, TestArea.VILLAGE_3)),
        "villageCodes", "INVALID_SCOPE");
  }

  @Test
  void createUser_areaNotFittingRole_answersInvalidScope() {
    assertFieldError(() -> users.createUser(UserCommand.doctor("novillage", "x", TestAuth.PASSWORD)),
        "villageCodes", "INVALID_SCOPE");
    assertFieldError(() -> users.createUser(
        new UserCommand("sup9", "x", TestAuth.PASSWORD, Role.TOWNSHIP_SUPERVISOR, null, null, List.of(), null)),
        "townshipCode", "INVALID_SCOPE");
    assertFieldError(() -> users.createUser(new UserCommand("sup9", "x", TestAuth.PASSWORD,
        Role.TOWNSHIP_SUPERVISOR, null, TestArea.TOWNSHIP_1, List.of(TestArea.VILLAGE_1), null)),
        "villageCodes", "INVALID_SCOPE");
    assertFieldError(() -> users.createUser(new UserCommand("admin9", "x", TestAuth.PASSWORD, Role.COUNTY_ADMIN,
        TestArea.COUNTY, TestArea.TOWNSHIP_1, List.of(), null)), "townshipCode", "INVALID_SCOPE");
    assertFieldError(() -> users.createUser(new UserCommand("doc9", "x", TestAuth.PASSWORD, Role.VILLAGE_DOCTOR,
        null, TestArea.TOWNSHIP_2, List.of(TestArea.VILLAGE_1), null)), "townshipCode", "INVALID_SCOPE");
  }

  @Test
  void createUser_unknownOrWrongLevelRegion_answersRegionNotFound() {
    assertFieldError(() -> users.createUser(UserCommand.doctor("doc9", "x", TestAuth.PASSWORD, "130123100299")),
        "villageCodes", "REGION_NOT_FOUND");
    assertFieldError(() -> users.createUser(UserCommand.doctor("doc9", "x", TestAuth.PASSWORD, TestArea.TOWNSHIP_1)),
        "villageCodes", "REGION_NOT_FOUND");
    assertFieldError(() -> users.createUser(UserCommand.supervisor("sup9", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1)),
        "townshipCode", "REGION_NOT_FOUND");
    assertFieldError(() -> users.createUser(UserCommand.admin("admin9", "x", TestAuth.PASSWORD, "130199000000")),
        "countyCode", "REGION_NOT_FOUND");
  }

  @Test
  void createUser_badUsernameOrPassword_answersFieldErrors() {
    assertFieldError(() -> users.createUser(UserCommand.doctor("a b", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1)),
        "username", "INVALID_USERNAME");
    assertFieldError(() -> users.createUser(UserCommand.doctor("ab", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1)),
        "username", "INVALID_USERNAME");
    assertFieldError(() -> users.createUser(UserCommand.doctor("doc9", "x", "short", TestArea.VILLAGE_1)),
        "password", "INVALID_PASSWORD");
    assertFieldError(() -> users.createUser(UserCommand.doctor("doc9", "x", "密码".repeat(13), TestArea.VILLAGE_1)),
        "password", "INVALID_PASSWORD");
  }

  @Test
  void createUser_usernameTakenInOtherCase_answersUsernameTaken() {
    assertThatThrownBy(() -> users.createUser(UserCommand.doctor("DOC1", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(UserError.USERNAME_TAKEN));
  }

  @Test
  void adminApi_asDoctorOrSupervisor_answers403() {
    for (String username : List.of("doc1", "sup1")) {
      HttpClientResponseException e = fails(auth.as(username, HttpRequest.GET("/api/v1/users")));
      assertThat(e.getStatus().getCode()).isEqualTo(403);
      assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "FORBIDDEN");
    }
  }

  @Test
  void adminApi_list_showsUsersOfTheCounty() {
    List<Map<String, Object>> list = client.toBlocking().retrieve(
        auth.as("admin1", HttpRequest.GET("/api/v1/users")), Argument.listOf(MAP));

    assertThat(list).extracting(u -> u.get("username")).contains("admin1", "doc1", "doc2", "doc3", "sup1", "sup2");
    assertThat(list).allSatisfy(u -> assertThat(u).containsEntry("countyCode", TestArea.COUNTY)
        .doesNotContainKeys("passwordHash", "password"));
  }

  @Test
  void adminApi_create_newUserCanLogIn() {
    Map<String, Object> command = Map.of("username", "doc4", "displayName", "周医生", "password", "Secret123!",
        "role", "VILLAGE_DOCTOR", "villageCodes", List.of(TestArea.VILLAGE_2));

    var response = client.toBlocking().exchange(auth.as("admin1", HttpRequest.POST("/api/v1/users", command)), MAP);

    assertThat(response.code()).isEqualTo(201);
    assertThat(response.body()).containsEntry("username", "doc4").containsEntry("townshipCode", TestArea.TOWNSHIP_1);
    assertThat(auth.login("doc4", "Secret123!")).isNotBlank();
  }

  @Test
  void adminApi_createInAnotherCounty_answers403() {
    regions.createRegion(RegionCommand.of("130125000000", RegionLevel.COUNTY, "邻县"));
    regions.createRegion(RegionCommand.of("130125100000", RegionLevel.TOWNSHIP, "邻镇"));
    regions.createRegion(RegionCommand.of("130125100201", RegionLevel.VILLAGE, "邻村"));
    Map<String, Object> command = Map.of("username", "outsider", "displayName", "x", "password", TestAuth.PASSWORD,
        "role", "VILLAGE_DOCTOR", "villageCodes", List.of("130125100201"));

    HttpClientResponseException e = fails(auth.as("admin1", HttpRequest.POST("/api/v1/users", command)));

    assertThat(e.getStatus().getCode()).isEqualTo(403);
    assertThat(users.findByUsername("outsider")).isEmpty();
    UUID outsider = auth.createUser(UserCommand.doctor("outsider", "x", TestAuth.PASSWORD, "130125100201"));
    assertThat(fails(auth.as("admin1", HttpRequest.GET("/api/v1/users/" + outsider))).getStatus().getCode())
        .isEqualTo(404);
  }

  @Test
  void adminApi_createWithMissingFields_answersValidationFailed() {
    HttpClientResponseException e = fails(auth.as("admin1",
        HttpRequest.POST("/api/v1/users", Map.of("username", "x", "role", "VILLAGE_DOCTOR"))));

    assertThat(e.getStatus().getCode()).isEqualTo(400);
    assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "VALIDATION_FAILED");
  }

  @Test
  void adminApi_deactivate_blocksLoginUntilReactivated() {
    UUID id = auth.createUser(UserCommand.doctor("leaving", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1));

    Map<String, Object> view = client.toBlocking().retrieve(
        auth.as("admin1", HttpRequest.POST("/api/v1/users/" + id + "/deactivate", "")), MAP);
    assertThat(view).containsEntry("active", false);
    HttpClientResponseException e = fails(HttpRequest.POST("/api/v1/auth/login",
        Map.of("username", "leaving", "password", TestAuth.PASSWORD)));
    assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "ACCOUNT_DISABLED");

    client.toBlocking().retrieve(auth.as("admin1", HttpRequest.POST("/api/v1/users/" + id + "/activate", "")), MAP);
    assertThat(auth.login("leaving")).isNotBlank();
  }

  @Test
  void adminApi_deactivateSelf_answers403() {
    UUID self = area.userId("admin1");

    HttpClientResponseException e = fails(auth.as("admin1", HttpRequest.POST("/api/v1/users/" + self + "/deactivate", "")));

    assertThat(e.getStatus().getCode()).isEqualTo(403);
  }

  @Test
  void adminApi_setPasswordAndUnlock_letTheUserBackInAndEndOldSessions() {
    UUID id = auth.createUser(UserCommand.doctor("forgetful", "x", TestAuth.PASSWORD, TestArea.VILLAGE_1));
    String oldRefresh = (String) client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
        Map.of("username", "forgetful", "password", TestAuth.PASSWORD)), MAP).get("refreshToken");
    for (int i = 0; i < 5; i++) {
      fails(HttpRequest.POST("/api/v1/auth/login", Map.of("username", "forgetful", "password", "guess-" + i)));
    }
    assertThat(users.findById(id).orElseThrow().lockedUntil()).isNotNull();

    client.toBlocking().exchange(auth.as("admin1",
        HttpRequest.PUT("/api/v1/users/" + id + "/password", Map.of("password", "NewPassw0rd"))));
    client.toBlocking().retrieve(auth.as("admin1", HttpRequest.POST("/api/v1/users/" + id + "/unlock", "")), MAP);

    assertThat(auth.login("forgetful", "NewPassw0rd")).isNotBlank();
    assertThat(fails(HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", oldRefresh)))
        .getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "REFRESH_TOKEN_INVALID");
    assertThat(fails(HttpRequest.POST("/api/v1/auth/login",
        Map.of("username", "forgetful", "password", TestAuth.PASSWORD))).getStatus().getCode()).isEqualTo(401);
  }

  private Map<String, Object> get(String username, String path) {
    return new HashMap<>(client.toBlocking().retrieve(auth.as(username, HttpRequest.GET(path)), MAP));
  }

  private HttpClientResponseException fails(MutableHttpRequest<?> request) {
    try {
      client.toBlocking().exchange(request, MAP);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError(request.getMethod() + " " + request.getPath() + " succeeded");
  }

  private static void assertFieldError(Runnable call, String field, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(CommonError.VALIDATION_FAILED);
      assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.code()).as(Arrays.toString(new Object[] {f.messageEn()})).isEqualTo(code);
      });
    });
  }
}
