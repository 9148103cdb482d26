package org.suifang.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitMode;

/**
 * The worklists of docs/worklists.md on constructed histories; the reference date is 2026-11-20, in
 * the quarter that began 2026-10-01.
 */
class WorklistsTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final LocalDate QUARTER = LocalDate.of(2026, 10, 1);
  static final String V = TestClients.VILLAGE;

  @TempDir File dir;
  TestClients.Harness h;
  SuifangClient client;

  @BeforeEach
  void open() throws SuifangException {
    h = TestClients.offline(dir);
    client = h.client;
  }

  @AfterEach
  void close() throws IOException {
    h.close();
  }

  private Patient patient(String name, Disease... diseases) throws SuifangException {
    PatientRegistration.Builder b =
        PatientRegistration.newBuilder()
            .name(name)
            .sex(Sex.MALE)
            .birthDate(LocalDate.of(1958, 3, 12))
            .villageCode(V)
            .phone("13800138000");
    for (Disease d : diseases) {
      b.condition(d, LocalDate.of(2015, 1, 1));
    }
    return client.patients().register(b.build());
  }

  private Visit clinic(Patient p, LocalDate date, int sbp, int dbp) throws SuifangException {
    return client.followUps().record(p.id(), VisitForms.htn(date, sbp, dbp).build());
  }

  private Visit phone(Patient p, LocalDate date, LocalDate next) throws SuifangException {
    return client.followUps().record(p.id(), VisitForms.htnPhone(date).nextVisitDate(next).build());
  }

  @Test
  void overdue_followsTheTwoRules_sortedMostUrgentFirst() throws SuifangException {
    Patient neverVisited = patient("甲", Disease.HYPERTENSION);
    Patient visitedThisQuarter = patient("乙", Disease.HYPERTENSION);
    clinic(visitedThisQuarter, LocalDate.of(2026, 10, 5), 130, 80);
    Patient onlyPhoneThisQuarter = patient("丙", Disease.HYPERTENSION);
    clinic(onlyPhoneThisQuarter, LocalDate.of(2026, 9, 20), 130, 80);
    phone(onlyPhoneThisQuarter, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
    Patient nextDatePassed = patient("丁", Disease.HYPERTENSION);
    client
        .followUps()
        .record(
            nextDatePassed.id(),
            VisitForms.htn(LocalDate.of(2026, 10, 10), 130, 80)
                .nextVisitDate(LocalDate.of(2026, 11, 15))
                .build());
    Patient dueToday = patient("戊", Disease.HYPERTENSION);
    client
        .followUps()
        .record(
            dueToday.id(),
            VisitForms.htn(LocalDate.of(2026, 10, 10), 130, 80).nextVisitDate(D).build());
    Patient lost = patient("己", Disease.HYPERTENSION);
    client.patients().changeStatus(lost.id(), ManagementStatus.LOST_TO_FOLLOW_UP, null, null, null);
    Patient terminated = patient("庚", Disease.HYPERTENSION);
    client
        .patients()
        .changeStatus(
            terminated.id(), ManagementStatus.TERMINATED, TerminationReason.DEATH, null, null);
    Patient both = patient("辰", Disease.HYPERTENSION, Disease.DIABETES);
    Patient voided = patient("巳", Disease.HYPERTENSION);
    client.followUps().voidVisit(clinic(voided, LocalDate.of(2026, 10, 15), 130, 80).id(), "录错");

    List<OverdueEntry> overdue = client.worklists().overdue(V, D);

    assertThat(overdue)
        .extracting(
            e -> e.patient().name(),
            OverdueEntry::overdueSince,
            OverdueEntry::daysOverdue,
            OverdueEntry::lostToFollowUp)
        .containsExactly(
            tuple("丙", QUARTER, 50L, false),
            tuple("巳", QUARTER, 50L, false),
            tuple("甲", QUARTER, 50L, false),
            tuple("辰", QUARTER, 50L, false),
            tuple("己", QUARTER, 50L, true),
            tuple("丁", LocalDate.of(2026, 11, 15), 5L, false));
    OverdueDisease phoneOnly = overdue.get(0).diseases().get(0);
    assertThat(phoneOnly.reasons()).containsExactly(OverdueReason.NO_FACE_TO_FACE_THIS_PERIOD);
    assertThat(phoneOnly.lastVisitMode()).isEqualTo(VisitMode.PHONE);
    assertThat(phoneOnly.lastFaceToFaceDate()).isEqualTo(LocalDate.of(2026, 9, 20));
    assertThat(phoneOnly.lastClassification()).isEqualTo(Classification.CONTROLLED);
    assertThat(phoneOnly.nextVisitDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(overdue.get(3).diseases())
        .extracting(OverdueDisease::disease)
        .containsExactly(Disease.HYPERTENSION, Disease.DIABETES);
    assertThat(overdue.get(5).diseases().get(0).reasons())
        .containsExactly(OverdueReason.NEXT_VISIT_DATE_PASSED);
    assertThat(overdue.get(4).patient().status()).isEqualTo(ManagementStatus.LOST_TO_FOLLOW_UP);
    assertThat(overdue.get(2).patient().age()).isEqualTo(68);
  }

  @Test
  void overdue_visitsAfterTheReferenceDateAreIgnored() throws SuifangException {
    Patient p = patient("甲", Disease.HYPERTENSION);
    clinic(p, LocalDate.of(2026, 10, 20), 130, 80);

    assertThat(client.worklists().overdue(V, LocalDate.of(2026, 10, 19)))
        .extracting(e -> e.patient().id())
        .containsExactly(p.id());
    assertThat(client.worklists().overdue(V, LocalDate.of(2026, 10, 20))).isEmpty();
  }

  @Test
  void rechecks_latestManagingVisitAskedForIt_laterFaceToFaceClearsIt_phoneDoesNot()
      throws SuifangException {
    Patient open = patient("辛", Disease.HYPERTENSION);
    Visit asked = clinic(open, LocalDate.of(2026, 11, 12), 162, 95);
    Patient cleared = patient("壬", Disease.HYPERTENSION);
    clinic(cleared, LocalDate.of(2026, 10, 20), 162, 95);
    clinic(cleared, LocalDate.of(2026, 11, 3), 130, 80);
    Patient phoned = patient("癸", Disease.HYPERTENSION);
    Visit pastDue = clinic(phoned, LocalDate.of(2026, 11, 1), 162, 95);
    phone(phoned, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 1));
    assertThat(asked.assessment().nextStep()).isEqualTo(NextStep.FIRST_UNCONTROLLED_RECHECK);

    List<DueEntry<RecheckDisease>> rechecks = client.worklists().rechecks(V, D);

    assertThat(rechecks)
        .extracting(e -> e.patient().name(), DueEntry::dueDate, DueEntry::daysLeft, DueEntry::past)
        .containsExactly(
            tuple("癸", LocalDate.of(2026, 11, 15), -5L, true),
            tuple("辛", LocalDate.of(2026, 11, 26), 6L, false));
    RecheckDisease d = rechecks.get(0).diseases().get(0);
    assertThat(d.followUpId()).isEqualTo(pastDue.id());
    assertThat(d.systolic()).isEqualTo(162);
    assertThat(d.diastolic()).isEqualTo(95);
    assertThat(d.classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(d.mode()).isEqualTo(VisitMode.CLINIC);
  }

  @Test
  void referrals_anyLaterVisitClearsThem_phoneIncluded() throws SuifangException {
    Patient urgent = patient("子", Disease.HYPERTENSION);
    Visit referral = clinic(urgent, LocalDate.of(2026, 11, 10), 185, 112);
    Patient followedUp = patient("丑", Disease.HYPERTENSION);
    clinic(followedUp, LocalDate.of(2026, 10, 20), 185, 112);
    phone(followedUp, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 12, 1));
    Patient secondUncontrolled = patient("寅", Disease.HYPERTENSION);
    clinic(secondUncontrolled, LocalDate.of(2026, 10, 1), 162, 95);
    Visit second =
        client
            .followUps()
            .record(
                secondUncontrolled.id(),
                VisitForms.htn(LocalDate.of(2026, 10, 15), 160, 96)
                    .referral(Referral.of("两次控制不满意", "县人民医院", "心内科", null, null))
                    .build());
    assertThat(second.assessment().nextStep()).isEqualTo(NextStep.REFERRAL);

    List<DueEntry<ReferralDisease>> referrals = client.worklists().referrals(V, D);

    assertThat(referrals)
        .extracting(e -> e.patient().name(), DueEntry::dueDate, DueEntry::past)
        .containsExactly(
            tuple("寅", LocalDate.of(2026, 10, 29), true),
            tuple("子", LocalDate.of(2026, 11, 24), false));
    ReferralDisease planned = referrals.get(0).diseases().get(0);
    assertThat(planned.urgent()).isFalse();
    assertThat(planned.nextStep()).isEqualTo(NextStep.REFERRAL);
    assertThat(planned.reason()).isEqualTo("两次控制不满意");
    assertThat(planned.facility()).isEqualTo("县人民医院");
    assertThat(planned.department()).isEqualTo("心内科");
    ReferralDisease u = referrals.get(1).diseases().get(0);
    assertThat(u.urgent()).isTrue();
    assertThat(u.followUpId()).isEqualTo(referral.id());
    assertThat(u.dangerSigns()).containsExactly(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    assertThat(u.daysLeft()).isEqualTo(4);
  }

  @Test
  void annualChecks_neverCheckedFirst_thenOldestCheck() throws SuifangException {
    Patient checkedThisYear = patient("甲", Disease.HYPERTENSION);
    client
        .followUps()
        .record(
            checkedThisYear.id(),
            VisitForms.htn(LocalDate.of(2026, 3, 1), 130, 80).annualCheck(true).build());
    Patient checkedLastYear = patient("乙", Disease.HYPERTENSION);
    client
        .followUps()
        .record(
            checkedLastYear.id(),
            VisitForms.htn(LocalDate.of(2025, 12, 1), 130, 80).annualCheck(true).build());
    Patient phoneCheck = patient("丙", Disease.HYPERTENSION);
    client
        .followUps()
        .record(
            phoneCheck.id(),
            VisitForms.htnPhone(LocalDate.of(2026, 5, 1)).annualCheck(true).build());
    Patient lost = patient("丁", Disease.HYPERTENSION);
    client.patients().changeStatus(lost.id(), ManagementStatus.LOST_TO_FOLLOW_UP, null, null, null);

    List<AnnualCheckEntry> list = client.worklists().annualChecks(V, D);

    assertThat(list)
        .extracting(e -> e.patient().name(), AnnualCheckEntry::lastAnnualCheckDate)
        .containsExactly(tuple("丙", null), tuple("乙", LocalDate.of(2025, 12, 1)));
    assertThat(list.get(0).diseases().get(0).lastFaceToFaceDate())
        .as("a phone visit is no check")
        .isNull();
  }

  @Test
  void settings_monthlyPeriod_changesTheOverdueWindow(@TempDir File otherDir) throws Exception {
    try (SuifangClient monthly =
        SuifangClient.newBuilder()
            .serverUrl("http://127.0.0.1:9/")
            .dataDirectory(otherDir)
            .clock(h.clock)
            .tokenStore(new InMemoryTokenStore(TestClients.session()))
            .worklistSettings(WorklistSettings.of(1, 1, 14, 14))
            .localStore((d, key) -> new org.suifang.client.internal.store.InMemoryStore())
            .build()) {
      for (SuifangClient c : java.util.Arrays.asList(client, monthly)) {
        Patient p =
            c.patients()
                .register(
                    PatientRegistration.newBuilder()
                        .name("甲")
                        .sex(Sex.MALE)
                        .birthDate(LocalDate.of(1958, 3, 12))
                        .villageCode(V)
                        .condition(Disease.HYPERTENSION, LocalDate.of(2015, 1, 1))
                        .build());
        c.followUps().record(p.id(), VisitForms.htn(LocalDate.of(2026, 10, 20), 130, 80).build());
      }

      assertThat(monthly.worklists().overdue(V, D))
          .extracting(OverdueEntry::overdueSince)
          .containsExactly(LocalDate.of(2026, 11, 1));
      assertThat(client.worklists().overdue(V, D))
          .as("quarterly: the October visit counts")
          .isEmpty();
    }
  }
}
