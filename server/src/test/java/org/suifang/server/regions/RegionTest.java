package org.suifang.server.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;

/** The region tree and facilities each role sees, and the checks on new regions. */
@MicronautTest(transactional = false)
class RegionTest {

  private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestAuth auth;

  @Inject
  RegionService regions;

  @BeforeEach
  void seed() {
    auth.seedArea();
  }

  @Test
  void regions_asDoctor_showsOwnVillageInsideTownshipAndCounty() {
    Map<String, Object> county = get("doc1", "/api/v1/regions");

    assertThat(county).containsEntry("code", TestArea.COUNTY).containsEntry("level", "COUNTY")
        .containsEntry("name", "示范县");
    assertThat(codes(county)).containsExactly(TestArea.TOWNSHIP_1);
    Map<String, Object> township = child(county, 0);
    assertThat(codes(township)).containsExactly(TestArea.VILLAGE_1);
    assertThat(names(township.get("facilities"))).containsExactly("东关镇卫生院");
    Map<String, Object> village = child(township, 0);
    assertThat(village).containsEntry("name", "东关村").containsEntry("urbanRuralCode", "121")
        .containsEntry("healthRecordSegment", "101").containsEntry("parentCode", TestArea.TOWNSHIP_1);
    assertThat(names(village.get("facilities"))).containsExactly("东关村卫生室");
  }

  @Test
  void regions_asSupervisor_showsTheirTownshipWithAllItsVillages() {
    Map<String, Object> county = get("sup1", "/api/v1/regions");

    assertThat(codes(county)).containsExactly(TestArea.TOWNSHIP_1);
    assertThat(codes(child(county, 0))).containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2);
  }

  @Test
  void regions_asCountyAdmin_showsTheWholeCounty() {
    Map<String, Object> county = get("admin1", "/api/v1/regions");

    assertThat(codes(county)).containsExactly(TestArea.TOWNSHIP_1, TestArea.TOWNSHIP_2);
    assertThat(codes(child(county, 0))).containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2);
    assertThat(codes(child(county, 1))).containsExactly(TestArea.VILLAGE_3);
  }

  @Test
  void region_inScope_answersItsVisibleSubtree() {
    assertThat(codes(get("sup2", "/api/v1/regions/" + TestArea.TOWNSHIP_2))).containsExactly(TestArea.VILLAGE_3);
    assertThat(get("doc2", "/api/v1/regions/" + TestArea.VILLAGE_2)).containsEntry("name", "南街村");
    assertThat(codes(get("doc2", "/api/v1/regions/" + TestArea.TOWNSHIP_1))).containsExactly(TestArea.VILLAGE_2);
  }

  @Test
  void region_outOfScope_answers403WithErrorShape() {
    HttpClientResponseException e = getFails("doc1", "/api/v1/regions/" + TestArea.VILLAGE_3);

    assertThat(e.getStatus().getCode()).isEqualTo(403);
    assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("status", 403)
        .containsEntry("code", "FORBIDDEN").containsEntry("help", "docs/errors.md#forbidden")
        .containsKeys("messageZh", "messageEn");
    assertThat(getFails("doc1", "/api/v1/regions/" + TestArea.VILLAGE_2).getStatus().getCode()).isEqualTo(403);
    assertThat(getFails("sup1", "/api/v1/regions/" + TestArea.TOWNSHIP_2).getStatus().getCode()).isEqualTo(403);
    assertThat(getFails("sup1", "/api/v1/regions/" + TestArea.VILLAGE_3).getStatus().getCode()).isEqualTo(403);
  }

  @Test
  void region_unknownCode_answers404() {
    HttpClientResponseException e = getFails("admin1", "/api/v1/regions/130123100299");

    assertThat(e.getStatus().getCode()).isEqualTo(404);
    assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "NOT_FOUND");
  }

  @Test
  void regions_withoutToken_answers401() {
    HttpClientResponseException e = getFails(null, "/api/v1/regions");

    assertThat(e.getStatus().getCode()).isEqualTo(401);
    assertThat(e.getResponse().getBody(MAP).orElseThrow()).containsEntry("code", "UNAUTHENTICATED");
  }

  @Test
  void facilities_perRole_listThoseInVisibleRegions() {
    assertThat(names(getList("doc3", "/api/v1/facilities"))).containsExactlyInAnyOrder("西岭乡卫生院", "西岭村卫生室");
    assertThat(names(getList("sup1", "/api/v1/facilities")))
        .containsExactlyInAnyOrder("东关镇卫生院", "东关村卫生室", "南街村卫生室");
    assertThat(getList("admin1", "/api/v1/facilities")).hasSize(5);
  }

  @Test
  void createRegion_malformedCode_answersInvalidRegionCode() {
    assertFieldError(() -> regions.createRegion(RegionCommand.of("13012310020", RegionLevel.VILLAGE, "x")),
        "code", "INVALID_REGION_CODE");
    assertFieldError(() -> regions.createRegion(RegionCommand.of("130123000201", RegionLevel.VILLAGE, "x")),
        "code", "INVALID_REGION_CODE");
  }

  @Test
  void createRegion_levelNotMatchingCode_answersLevelMismatch() {
    assertFieldError(() -> regions.createRegion(RegionCommand.of("130123300000", RegionLevel.VILLAGE, "x")),
        "level", "LEVEL_MISMATCH");
  }

  @Test
  void createRegion_parentMissing_answersParentNotFound() {
    assertFieldError(() -> regions.createRegion(RegionCommand.of("130123300201", RegionLevel.VILLAGE, "x")),
        "code", "PARENT_NOT_FOUND");
    assertFieldError(() -> regions.createRegion(RegionCommand.of("130199100000", RegionLevel.TOWNSHIP, "x")),
        "code", "PARENT_NOT_FOUND");
  }

  @Test
  void createRegion_badOptionalCodes_answersFieldErrors() {
    assertFieldError(() -> regions.createRegion(
        new RegionCommand("130123100203", RegionLevel.VILLAGE, "x", "999", null)), "urbanRuralCode",
        "INVALID_URBAN_RURAL_CODE");
    assertFieldError(() -> regions.createRegion(
        new RegionCommand("130123100203", RegionLevel.VILLAGE, "x", null, "200")), "healthRecordSegment",
        "INVALID_HEALTH_RECORD_SEGMENT");
    assertFieldError(() -> regions.createRegion(
        new RegionCommand("130123300000", RegionLevel.TOWNSHIP, "x", null, "101")), "healthRecordSegment",
        "INVALID_HEALTH_RECORD_SEGMENT");
  }

  @Test
  void createRegion_existingCode_answersRegionAlreadyExists() {
    assertThatThrownBy(() -> regions.createRegion(RegionCommand.of(TestArea.VILLAGE_1, RegionLevel.VILLAGE, "x")))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo(RegionError.REGION_ALREADY_EXISTS));
  }

  @Test
  void createRegion_validCountyTownshipVillage_areStoredWithParents() {
    // A county of its own, so that the standard area seen by the other tests stays as it is.
    regions.createRegion(RegionCommand.of("130124000000", RegionLevel.COUNTY, "另一县"));
    regions.createRegion(RegionCommand.of("130124200000", RegionLevel.TOWNSHIP, "北岭乡"));
    RegionView v = regions.createRegion(new RegionCommand("130124200202", RegionLevel.VILLAGE, " 北岭村 ", "220", "901"));

    assertThat(v).isEqualTo(new RegionView("130124200202", RegionLevel.VILLAGE, "北岭村", "130124200000",
        "130124000000", "220", "901"));
    assertThat(regions.find("130124200000").orElseThrow().parentCode()).isEqualTo("130124000000");
    assertThat(regions.find("130124000000").orElseThrow().parentCode()).isNull();
  }

  @Test
  void createFacility_kindNotMatchingRegionLevel_answersRegionNotFound() {
    assertFieldError(() -> regions.createFacility(
        new FacilityCommand("x", FacilityKind.VILLAGE_CLINIC, TestArea.TOWNSHIP_1)), "regionCode", "REGION_NOT_FOUND");
    assertFieldError(() -> regions.createFacility(
        new FacilityCommand("x", FacilityKind.TOWNSHIP_HEALTH_CENTRE, "130123900000")), "regionCode",
        "REGION_NOT_FOUND");
  }

  private static void assertFieldError(Runnable call, String field, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(CommonError.VALIDATION_FAILED);
      assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.code()).isEqualTo(code);
      });
    });
  }

  private Map<String, Object> get(String username, String path) {
    return client.toBlocking().retrieve(auth.as(username, HttpRequest.GET(path)), MAP);
  }

  private List<Object> getList(String username, String path) {
    return client.toBlocking().retrieve(auth.as(username, HttpRequest.GET(path)), Argument.listOf(Object.class));
  }

  private HttpClientResponseException getFails(String username, String path) {
    try {
      client.toBlocking().exchange(username == null ? HttpRequest.GET(path) : auth.as(username, HttpRequest.GET(path)),
          MAP);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("GET " + path + " succeeded");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, int index) {
    return ((List<Map<String, Object>>) node.get("children")).get(index);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> codes(Map<String, Object> node) {
    return ((List<Map<String, Object>>) node.get("children")).stream().map(c -> c.get("code")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> names(Object facilities) {
    return ((List<Map<String, Object>>) facilities).stream().map(f -> f.get("name")).toList();
  }
}
