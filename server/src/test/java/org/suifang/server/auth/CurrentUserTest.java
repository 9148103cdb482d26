package org.suifang.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The access-scope rules of {@link CurrentUser} and how it is read from token claims. */
class CurrentUserTest {

  private static final String COUNTY = "130123000000";
  private static final String TOWNSHIP_1 = "130123100000";
  private static final String VILLAGE_1 = "130123100201";
  private static final String VILLAGE_2 = "130123100202";
  private static final String VILLAGE_3 = "130123200201";
  private static final String OTHER_COUNTY_VILLAGE = "130124100201";

  private static final CurrentUser DOCTOR = new CurrentUser(UUID.randomUUID(), "doc1", Role.VILLAGE_DOCTOR, COUNTY,
      TOWNSHIP_1, Set.of(VILLAGE_1));
  private static final CurrentUser SUPERVISOR = new CurrentUser(UUID.randomUUID(), "sup1", Role.TOWNSHIP_SUPERVISOR,
      COUNTY, TOWNSHIP_1, Set.of());
  private static final CurrentUser ADMIN = new CurrentUser(UUID.randomUUID(), "admin1", Role.COUNTY_ADMIN, COUNTY,
      null, Set.of());

  @Test
  void doctor_readsAndWritesOnlyOwnVillages() {
    assertThat(DOCTOR.canRead(VILLAGE_1)).isTrue();
    assertThat(DOCTOR.canWrite(VILLAGE_1)).isTrue();
    assertThat(DOCTOR.canRead(VILLAGE_2)).isFalse();
    assertThat(DOCTOR.canWrite(VILLAGE_2)).isFalse();
    assertThat(DOCTOR.canRead(VILLAGE_3)).isFalse();
    assertThat(DOCTOR.canRead(OTHER_COUNTY_VILLAGE)).isFalse();
  }

  @Test
  void doctorWithTwoVillages_readsAndWritesBoth() {
    CurrentUser doctor = new CurrentUser(UUID.randomUUID(), "doc9", Role.VILLAGE_DOCTOR, COUNTY, TOWNSHIP_1,
        Set.of(VILLAGE_1, VILLAGE_2));

    assertThat(doctor.canWrite(VILLAGE_1)).isTrue();
    assertThat(doctor.canWrite(VILLAGE_2)).isTrue();
    assertThat(doctor.canRead(VILLAGE_3)).isFalse();
  }

  @Test
  void supervisor_readsWholeTownshipButWritesNothing() {
    assertThat(SUPERVISOR.canRead(VILLAGE_1)).isTrue();
    assertThat(SUPERVISOR.canRead(VILLAGE_2)).isTrue();
    assertThat(SUPERVISOR.canRead(VILLAGE_3)).isFalse();
    assertThat(SUPERVISOR.canRead(OTHER_COUNTY_VILLAGE)).isFalse();
    assertThat(SUPERVISOR.canWrite(VILLAGE_1)).isFalse();
  }

  @Test
  void countyAdmin_readsWholeCountyButWritesNothing() {
    assertThat(ADMIN.canRead(VILLAGE_1)).isTrue();
    assertThat(ADMIN.canRead(VILLAGE_3)).isTrue();
    assertThat(ADMIN.canRead(OTHER_COUNTY_VILLAGE)).isFalse();
    assertThat(ADMIN.canWrite(VILLAGE_1)).isFalse();
  }

  @Test
  void anyone_nullVillage_neitherReadsNorWrites() {
    for (CurrentUser user : List.of(DOCTOR, SUPERVISOR, ADMIN)) {
      assertThat(user.canRead(null)).isFalse();
      assertThat(user.canWrite(null)).isFalse();
    }
  }

  @Test
  void from_tokenClaims_buildsTheUser() {
    UUID id = UUID.randomUUID();
    Authentication auth = Authentication.build("doc1", List.of("VILLAGE_DOCTOR"), Map.of(
        CurrentUser.CLAIM_USER_ID, id.toString(), CurrentUser.CLAIM_COUNTY, COUNTY,
        CurrentUser.CLAIM_TOWNSHIP, TOWNSHIP_1, CurrentUser.CLAIM_VILLAGES, List.of(VILLAGE_1, VILLAGE_2)));

    assertThat(CurrentUserBinder.from(auth)).contains(new CurrentUser(id, "doc1", Role.VILLAGE_DOCTOR, COUNTY,
        TOWNSHIP_1, Set.of(VILLAGE_1, VILLAGE_2)));
  }

  @Test
  void from_claimsMissingOrRoleUnknown_isEmpty() {
    String id = UUID.randomUUID().toString();
    assertThat(CurrentUserBinder.from(Authentication.build("x", List.of("VILLAGE_DOCTOR"),
        Map.of(CurrentUser.CLAIM_COUNTY, COUNTY)))).isEmpty();
    assertThat(CurrentUserBinder.from(Authentication.build("x", List.of("ROOT"),
        Map.of(CurrentUser.CLAIM_USER_ID, id, CurrentUser.CLAIM_COUNTY, COUNTY)))).isEmpty();
    assertThat(CurrentUserBinder.from(Authentication.build("x", List.of("COUNTY_ADMIN", "VILLAGE_DOCTOR"),
        Map.of(CurrentUser.CLAIM_USER_ID, id, CurrentUser.CLAIM_COUNTY, COUNTY)))).isEmpty();
  }
}
