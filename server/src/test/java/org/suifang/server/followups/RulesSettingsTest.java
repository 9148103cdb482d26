package org.suifang.server.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.server.testing.TestArea.VILLAGE_1;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.suifang.server.testing.FollowUpSamples;
import org.suifang.server.testing.PatientSamples;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * With {@code suifang.rules.elderly-split=false} a 68-year-old is held to 140/90, and the stored
 * rule-set id says so.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.rules.elderly-split", value = "false")
class RulesSettingsTest {

  @Inject
  TestAuth auth;

  @Inject
  TestApi api;

  @Test
  void record_elderlySplitOff_145Over85IsUncontrolledAt68() {
    auth.seedArea();
    String patientId = (String) api.post("doc1", "/api/v1/patients", PatientSamples.hypertensive(VILLAGE_1))
        .json().get("id");
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

    TestApi.Response r = api.post("doc1", "/api/v1/patients/" + patientId + "/follow-ups",
        FollowUpSamples.hypertensionVisit(yesterday, 145, 85));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.at("assessment.ruleSetId")).isEqualTo("bphs-2017+no-age-split");
    assertThat(r.at("assessment.ageAtVisit")).isEqualTo(68);
    assertThat(r.at("assessment.bphsControlled")).isEqualTo(false);
    assertThat(r.at("assessment.classification.code")).isEqualTo("UNCONTROLLED");
  }
}
