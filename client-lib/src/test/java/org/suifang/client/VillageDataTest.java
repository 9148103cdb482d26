package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.client.bench.VillageData;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/** The benchmarks' generated village is what they claim: valid, full and the size. */
class VillageDataTest {

  @TempDir File dir;

  @Test
  void village_isValid_andAboutTenThousandVisits() throws Exception {
    VillageData village = VillageData.generate(42, TestClients.VILLAGE);
    assertThat(village.patients()).hasSize(500);
    assertThat(village.visitCount()).isBetween(9_000, 11_000);
    Set<String> ids = new HashSet<>();
    for (VillageData.PatientPlan p : village.patients()) {
      assertThat(ids.add(p.registration.residentId())).isTrue();
    }
    long both =
        village.patients().stream().filter(p -> p.registration.conditions().size() == 2).count();
    assertThat(both).isEqualTo(50);

    // Every registration and visit passes the SDK's checks: 20 patients of each kind (hypertension
    // only, both, diabetes only), about 1,200 visits.
    try (TestClients.Harness h = TestClients.offline(dir)) {
      h.clock.set(java.time.Instant.parse("2026-11-20T09:00:00Z"));
      List<VillageData.PatientPlan> sample = new ArrayList<>(village.patients().subList(0, 20));
      sample.addAll(village.patients().subList(350, 370));
      sample.addAll(village.patients().subList(480, 500));
      for (VillageData.PatientPlan p : sample) {
        Patient patient = h.client.patients().register(p.registration);
        for (VisitForm form : p.visits) {
          Visit visit = h.client.followUps().record(patient.id(), form);
          assertThat(visit.form().medications()).isNotEmpty();
          if (form.disease() == Disease.DIABETES && form.mode() != VisitMode.PHONE) {
            assertThat(visit.form().fastingGlucose()).isNotNull();
          }
        }
      }
    }
  }

  @Test
  void sameSeed_sameVillage() {
    VillageData a = VillageData.generate(7, TestClients.VILLAGE);
    VillageData b = VillageData.generate(7, TestClients.VILLAGE);
    assertThat(a.patients().get(123).registration.residentId())
        .isEqualTo(b.patients().get(123).registration.residentId());
    assertThat(a.patients().get(123).registration.toString())
        .isEqualTo(b.patients().get(123).registration.toString());
    assertThat(a.patients().get(123).visits).isEqualTo(b.patients().get(123).visits);
  }
}
