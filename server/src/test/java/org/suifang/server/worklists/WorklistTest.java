package org.suifang.server.worklists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.suifang.rules.Disease;
import org.suifang.server.testing.FakeClock;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestArea;
import org.suifang.server.testing.TestAuth;
import org.suifang.server.worklists.WorklistFixtures.Visit;

/**
 * The four worklists and their summary over real HTTP and a real database. One scenario is seeded
 * for the class through the patients and follow-ups API (so every visit is assessed by the rules):
 * "today" is {@link #TODAY} (a Tuesday in the fourth quarter of 2026), and each patient below
 * exercises one rule at its boundary.
 */
@MicronautTest(transactional = false)
@Property(name = "suifang.test.fake-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistTest {

  static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
  static final LocalDate QUARTER_START = LocalDate.of(2026, 10, 1);

  /** 12:00 China Standard Time on {@link #TODAY}. */
  static final Instant NOW = Instant.parse("2026-10-20T04:00:00Z");

  static final Disease HTN = Disease.HYPERTENSION;
  static final Disease DM = Disease.DIABETES;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TestAuth auth;

  @Inject WorklistFixtures fixtures;

  @Inject TestApi api;

  @Inject FakeClock clock;

  final Map<String, String> tokens = new HashMap<>();

  // Overdue
  UUID seenLastDayOfPreviousQuarter;
  UUID seenFirstDayOfQuarter;
  UUID phoneOnlyThisQuarter;
  UUID voidedVisitThisQuarter;
  UUID amendedIntoPreviousQuarter;
  UUID amendedIntoThisQuarter;
  UUID nextVisitDatePassed;
  UUID bothDiseasesDiabetesOverdue;
  UUID neverVisited;
  UUID lostToFollowUp;
  UUID terminated;
  // Rechecks
  UUID recheckPending;
  UUID recheckDueToday;
  UUID recheckClearedByClinicVisit;
  UUID recheckNotClearedByPhone;
  // Referrals
  UUID referralAfterTwoUncontrolled;
  UUID urgentReferral;
  UUID urgentReferralClearedByPhone;
  UUID urgentReferralDiabetes;
  // Annual checks
  UUID checkedThisYear;
  UUID checkedOnNewYearsDay;
  UUID checkedOnNewYearsEve;
  UUID neverChecked;
  // Another village
  UUID villageTwoPatient;

  @BeforeAll
  void seed() {
    auth.seedArea();
    // Tokens are issued by the server's clock but checked against the real time: log in (and let
    // TestApi cache the fixtures' tokens) before the clock goes back to the scenario's "today".
    for (String user : List.of("doc1", "doc2", "doc3", "sup1", "sup2", "admin1")) {
      tokens.put(user, auth.login(user));
      api.get(user, "/api/v1/me");
    }
    clock.set(NOW);

    seenLastDayOfPreviousQuarter = patient("王一", HTN);
    visit(seenLastDayOfPreviousQuarter, Visit.htn(d(2026, 9, 30), 128, 82));
    seenFirstDayOfQuarter = patient("王二", HTN);
    visit(seenFirstDayOfQuarter, Visit.htn(QUARTER_START, 128, 82));
    phoneOnlyThisQuarter = patient("王三", HTN);
    visit(phoneOnlyThisQuarter, Visit.htn(d(2026, 9, 15), 128, 82));
    visit(phoneOnlyThisQuarter, Visit.phone(HTN, d(2026, 10, 10)));
    voidedVisitThisQuarter = patient("王四", HTN);
    visit(voidedVisitThisQuarter, Visit.htn(d(2026, 8, 1), 128, 82));
    fixtures.voidVisit(
        voidedVisitThisQuarter, visit(voidedVisitThisQuarter, Visit.htn(d(2026, 10, 5), 128, 82)));
    amendedIntoPreviousQuarter = patient("王五", HTN);
    UUID original = visit(amendedIntoPreviousQuarter, Visit.htn(d(2026, 10, 5), 128, 82));
    fixtures.amend(amendedIntoPreviousQuarter, original, Visit.htn(d(2026, 9, 28), 128, 82));
    amendedIntoThisQuarter = patient("王六", HTN);
    original = visit(amendedIntoThisQuarter, Visit.htn(d(2026, 9, 28), 128, 82));
    fixtures.amend(amendedIntoThisQuarter, original, Visit.htn(d(2026, 10, 2), 128, 82));
    nextVisitDatePassed = patient("王七", HTN);
    visit(
        nextVisitDatePassed,
        Visit.htn(d(2026, 10, 2), 162, 96)); // first uncontrolled: next date 10-16
    bothDiseasesDiabetesOverdue = patient("王八", HTN, DM);
    visit(bothDiseasesDiabetesOverdue, Visit.htn(d(2026, 10, 3), 128, 82));
    visit(bothDiseasesDiabetesOverdue, Visit.dm(d(2026, 9, 20), 6.1));
    neverVisited = patient("王九", HTN);
    lostToFollowUp = patient("王十", HTN);
    visit(lostToFollowUp, Visit.htn(d(2025, 11, 2), 128, 82));
    fixtures.status(lostToFollowUp, "LOST_TO_FOLLOW_UP");
    terminated = patient("王终", HTN, DM);
    visit(terminated, Visit.htn(d(2026, 10, 12), 162, 96)); // would be a recheck
    visit(terminated, Visit.dm(d(2026, 10, 12), 17.5)); // would be an urgent referral
    fixtures.status(terminated, "TERMINATED");

    recheckPending = patient("李一", HTN);
    visit(recheckPending, Visit.htn(d(2026, 10, 10), 162, 96));
    recheckDueToday = patient("李二", HTN);
    visit(recheckDueToday, Visit.htn(d(2026, 10, 6), 162, 96));
    recheckClearedByClinicVisit = patient("李三", HTN);
    visit(recheckClearedByClinicVisit, Visit.htn(d(2026, 10, 1), 162, 96));
    visit(recheckClearedByClinicVisit, Visit.htn(d(2026, 10, 14), 132, 84).home());
    recheckNotClearedByPhone = patient("李四", HTN);
    visit(recheckNotClearedByPhone, Visit.htn(d(2026, 10, 1), 162, 96));
    visit(recheckNotClearedByPhone, Visit.phone(HTN, d(2026, 10, 10)));

    referralAfterTwoUncontrolled = patient("赵一", HTN);
    visit(referralAfterTwoUncontrolled, Visit.htn(d(2026, 9, 20), 162, 96));
    visit(referralAfterTwoUncontrolled, Visit.htn(d(2026, 10, 4), 166, 98));
    urgentReferral = patient("赵二", HTN);
    visit(urgentReferral, Visit.htn(d(2026, 10, 15), 185, 100));
    urgentReferralClearedByPhone = patient("赵三", HTN);
    visit(urgentReferralClearedByPhone, Visit.htn(d(2026, 10, 8), 185, 100));
    visit(urgentReferralClearedByPhone, Visit.phone(HTN, d(2026, 10, 12)));
    urgentReferralDiabetes = patient("赵四", DM);
    visit(urgentReferralDiabetes, Visit.dm(d(2026, 10, 11), 17.2));

    checkedThisYear = patient("孙一", HTN);
    visit(checkedThisYear, Visit.htn(d(2026, 3, 1), 128, 82).asAnnualCheck());
    checkedOnNewYearsDay = patient("孙二", HTN);
    visit(checkedOnNewYearsDay, Visit.htn(d(2026, 1, 1), 128, 82).asAnnualCheck());
    checkedOnNewYearsEve = patient("孙三", HTN);
    visit(checkedOnNewYearsEve, Visit.htn(d(2025, 12, 31), 128, 82).asAnnualCheck());
    neverChecked = patient("孙四", HTN);
    visit(neverChecked, Visit.htn(d(2026, 10, 9), 128, 82));

    villageTwoPatient = fixtures.patient(TestArea.VILLAGE_2, "周一", HTN);
  }

  @BeforeEach
  void resetClock() {
    clock.set(NOW);
  }

  // ---- overdue

  @Test
  void overdue_visitOnLastDayOfPreviousQuarter_isOverdueSinceQuarterStart() {
    Map<String, Object> item = item(list("doc1", "overdue", TODAY), seenLastDayOfPreviousQuarter);
    assertThat(item).containsEntry("overdueSince", "2026-10-01").containsEntry("daysOverdue", 19);
    Map<String, Object> disease = only(item);
    assertThat(disease)
        .containsEntry("disease", "HYPERTENSION")
        .containsEntry("reasons", List.of("NO_FACE_TO_FACE_THIS_PERIOD"))
        .containsEntry("lastFaceToFaceDate", "2026-09-30")
        .containsEntry("lastClassification", "CONTROLLED")
        .containsEntry("nextVisitDate", "2026-12-29");
    assertThat(patientOf(item)).containsEntry("phone", "13800000000").containsEntry("name", "王一");
  }

  @Test
  void overdue_visitOnFirstDayOfQuarter_isNotOverdue() {
    assertThat(ids(list("doc1", "overdue", TODAY)))
        .doesNotContain(seenFirstDayOfQuarter.toString());
  }

  @Test
  void overdue_onLastDayOfPreviousQuarter_visitThatDayCounts() {
    assertThat(ids(list("doc1", "overdue", d(2026, 9, 30))))
        .doesNotContain(seenLastDayOfPreviousQuarter.toString())
        .contains(seenFirstDayOfQuarter.toString()); // not yet visited on that date
  }

  @Test
  void overdue_phoneVisitThisQuarter_doesNotClearIt() {
    Map<String, Object> disease = only(item(list("doc1", "overdue", TODAY), phoneOnlyThisQuarter));
    assertThat(disease)
        .containsEntry("lastVisitDate", "2026-10-10")
        .containsEntry("lastVisitMode", "PHONE")
        .containsEntry("lastFaceToFaceDate", "2026-09-15");
  }

  @Test
  void overdue_voidedVisit_doesNotCount() {
    Map<String, Object> disease =
        only(item(list("doc1", "overdue", TODAY), voidedVisitThisQuarter));
    assertThat(disease).containsEntry("lastFaceToFaceDate", "2026-08-01");
  }

  @Test
  void overdue_amendedVisit_onlyTheCorrectionCounts() {
    Map<String, Object> page = list("doc1", "overdue", TODAY);
    assertThat(only(item(page, amendedIntoPreviousQuarter)))
        .containsEntry("lastFaceToFaceDate", "2026-09-28");
    assertThat(ids(page)).doesNotContain(amendedIntoThisQuarter.toString());
  }

  @Test
  void overdue_nextVisitDatePassed_countsFromThatDate() {
    assertThat(ids(list("doc1", "overdue", d(2026, 10, 16))))
        .doesNotContain(nextVisitDatePassed.toString());
    Map<String, Object> item = item(list("doc1", "overdue", d(2026, 10, 17)), nextVisitDatePassed);
    assertThat(item).containsEntry("overdueSince", "2026-10-16").containsEntry("daysOverdue", 1);
    assertThat(only(item))
        .containsEntry("reasons", List.of("NEXT_VISIT_DATE_PASSED"))
        .containsEntry("lastClassification", "UNCONTROLLED");
  }

  @Test
  void overdue_bothDiseases_listedOnceWithTheOverdueDisease() {
    Map<String, Object> page = list("doc1", "overdue", TODAY);
    assertThat(ids(page)).containsOnlyOnce(bothDiseasesDiabetesOverdue.toString());
    assertThat(only(item(page, bothDiseasesDiabetesOverdue))).containsEntry("disease", "DIABETES");
  }

  @Test
  void overdue_neverVisited_isOverdueSinceQuarterStart() {
    Map<String, Object> item = item(list("doc1", "overdue", TODAY), neverVisited);
    assertThat(item).containsEntry("overdueSince", "2026-10-01");
    assertThat(only(item)).doesNotContainKey("lastFaceToFaceDate");
  }

  @Test
  void overdue_lostToFollowUp_listedAndFlagged() {
    Map<String, Object> page = list("doc1", "overdue", TODAY);
    assertThat(item(page, lostToFollowUp))
        .containsEntry("lostToFollowUp", true)
        .containsEntry("overdueSince", "2026-01-31"); // its next date: 2025-11-02 + 90 days
    assertThat(item(page, seenLastDayOfPreviousQuarter)).containsEntry("lostToFollowUp", false);
  }

  @Test
  void overdue_sortedMostOverdueFirst() {
    List<Map<String, Object>> items = items(list("doc1", "overdue", TODAY));
    assertThat(items)
        .extracting(i -> ((Number) i.get("daysOverdue")).intValue())
        .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(items.get(0)).containsEntry("lostToFollowUp", true);
  }

  @Test
  void overdue_defaultDate_isTodayInChinaStandardTime() {
    clock.set(Instant.parse("2026-09-30T16:30:00Z")); // 2026-10-01 00:30 in Beijing
    Map<String, Object> page = list("doc1", "overdue", null);
    assertThat(page)
        .containsEntry("date", "2026-10-01")
        .containsEntry("periodStart", "2026-10-01")
        .containsEntry("periodEnd", "2026-12-31")
        .containsEntry("yearStart", "2026-01-01");
    assertThat(ids(page)).contains(seenLastDayOfPreviousQuarter.toString());
  }

  @Test
  void overdue_pages_byPatientWithTotal() {
    Map<String, Object> all = list("doc1", "overdue", TODAY);
    int total = ((Number) all.get("total")).intValue();
    assertThat(total).isEqualTo(items(all).size()).isGreaterThan(4);
    Map<String, Object> first =
        get("doc1", path("overdue", TestArea.VILLAGE_1) + "?date=" + TODAY + "&size=2");
    Map<String, Object> second =
        get("doc1", path("overdue", TestArea.VILLAGE_1) + "?date=" + TODAY + "&size=2&page=1");
    Map<String, Object> beyond =
        get("doc1", path("overdue", TestArea.VILLAGE_1) + "?date=" + TODAY + "&size=2&page=99");
    assertThat(ids(first)).containsExactlyElementsOf(ids(all).subList(0, 2));
    assertThat(ids(second)).containsExactlyElementsOf(ids(all).subList(2, 4));
    assertThat(first).containsEntry("total", total);
    assertThat(second)
        .containsEntry("total", total)
        .containsEntry("page", 1)
        .containsEntry("size", 2);
    assertThat(items(beyond)).isEmpty();
    assertThat(beyond).containsEntry("total", total);
  }

  // ---- rechecks

  @Test
  void rechecks_firstUncontrolled_dueInFourteenDays() {
    Map<String, Object> item = item(list("doc1", "rechecks", TODAY), recheckPending);
    assertThat(item)
        .containsEntry("dueDate", "2026-10-24")
        .containsEntry("daysLeft", 4)
        .containsEntry("past", false);
    assertThat(only(item))
        .containsEntry("visitDate", "2026-10-10")
        .containsEntry("classification", "UNCONTROLLED")
        .containsEntry("systolic", 162)
        .containsEntry("diastolic", 96);
  }

  @Test
  void rechecks_dueToday_isNotYetPast() {
    assertThat(item(list("doc1", "rechecks", TODAY), recheckDueToday))
        .containsEntry("dueDate", "2026-10-20")
        .containsEntry("daysLeft", 0)
        .containsEntry("past", false);
  }

  @Test
  void rechecks_laterFaceToFaceVisit_clearsIt() {
    assertThat(ids(list("doc1", "rechecks", TODAY)))
        .doesNotContain(recheckClearedByClinicVisit.toString());
    assertThat(ids(list("doc1", "rechecks", d(2026, 10, 13))))
        .contains(recheckClearedByClinicVisit.toString());
  }

  @Test
  void rechecks_laterPhoneVisit_doesNotClearIt() {
    assertThat(item(list("doc1", "rechecks", TODAY), recheckNotClearedByPhone))
        .containsEntry("dueDate", "2026-10-15")
        .containsEntry("daysLeft", -5)
        .containsEntry("past", true);
  }

  @Test
  void rechecks_secondUncontrolledOrDangerSign_isAReferralInstead() {
    assertThat(ids(list("doc1", "rechecks", TODAY)))
        .doesNotContain(referralAfterTwoUncontrolled.toString(), urgentReferral.toString());
    assertThat(ids(list("doc1", "rechecks", d(2026, 10, 3))))
        .contains(referralAfterTwoUncontrolled.toString());
  }

  @Test
  void rechecks_sortedByDueDate() {
    assertThat(items(list("doc1", "rechecks", TODAY)))
        .extracting(i -> (String) i.get("dueDate"))
        .isSorted();
  }

  // ---- referrals

  @Test
  void referrals_secondUncontrolled_referralFollowUpOverdue() {
    Map<String, Object> item = item(list("doc1", "referrals", TODAY), referralAfterTwoUncontrolled);
    assertThat(item)
        .containsEntry("dueDate", "2026-10-18")
        .containsEntry("daysLeft", -2)
        .containsEntry("past", true);
    assertThat(only(item))
        .containsEntry("referralDate", "2026-10-04")
        .containsEntry("nextStep", "REFERRAL")
        .containsEntry("urgent", false)
        .containsEntry("classification", "UNCONTROLLED");
  }

  @Test
  void referrals_dangerSign_urgentReferralDueInFourteenDays() {
    Map<String, Object> item = item(list("doc1", "referrals", TODAY), urgentReferral);
    assertThat(item)
        .containsEntry("dueDate", "2026-10-29")
        .containsEntry("daysLeft", 9)
        .containsEntry("past", false);
    assertThat(only(item))
        .containsEntry("urgent", true)
        .containsEntry("nextStep", "URGENT_REFERRAL")
        .containsEntry("dangerSigns", List.of("BLOOD_PRESSURE_VERY_HIGH"));
    assertThat(only(item(list("doc1", "referrals", TODAY), urgentReferralDiabetes)))
        .containsEntry("disease", "DIABETES")
        .containsEntry("dangerSigns", List.of("GLUCOSE_VERY_HIGH"));
  }

  @Test
  void referrals_laterPhoneFollowUp_clearsIt() {
    assertThat(ids(list("doc1", "referrals", TODAY)))
        .doesNotContain(urgentReferralClearedByPhone.toString());
    assertThat(ids(list("doc1", "referrals", d(2026, 10, 11))))
        .contains(urgentReferralClearedByPhone.toString());
  }

  @Test
  void referrals_sortedByDueDate() {
    assertThat(items(list("doc1", "referrals", TODAY)))
        .extracting(i -> (String) i.get("dueDate"))
        .isSorted();
  }

  // ---- annual checks

  @Test
  void annualChecks_checkOnNewYearsDayCounts_checkOnNewYearsEveDoesNot() {
    Map<String, Object> page = list("doc1", "annual-checks", TODAY);
    assertThat(ids(page))
        .doesNotContain(checkedThisYear.toString(), checkedOnNewYearsDay.toString());
    assertThat(item(page, checkedOnNewYearsEve)).containsEntry("lastAnnualCheckDate", "2025-12-31");
    assertThat(item(page, neverChecked)).doesNotContainKey("lastAnnualCheckDate");
  }

  @Test
  void annualChecks_neverCheckedFirst() {
    List<String> ids = ids(list("doc1", "annual-checks", TODAY));
    assertThat(ids.indexOf(neverChecked.toString()))
        .isLessThan(ids.indexOf(checkedOnNewYearsEve.toString()));
  }

  // ---- status

  @Test
  void terminatedPatient_isOnNoList() {
    for (String list : List.of("overdue", "rechecks", "referrals", "annual-checks")) {
      assertThat(ids(list("doc1", list, TODAY))).as(list).doesNotContain(terminated.toString());
    }
  }

  @Test
  void lostToFollowUpPatient_isOnlyOnTheOverdueList() {
    for (String list : List.of("rechecks", "referrals", "annual-checks")) {
      assertThat(ids(list("doc1", list, TODAY))).as(list).doesNotContain(lostToFollowUp.toString());
    }
  }

  // ---- summary

  @Test
  void summary_countsAgreeWithTheLists() {
    Map<String, Object> summary = get("doc1", "/api/v1/worklists/summary?date=" + TODAY);
    List<Map<String, Object>> villages = maps(summary.get("villages"));
    assertThat(villages).extracting(v -> v.get("villageCode")).containsExactly(TestArea.VILLAGE_1);
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) villages.get(0).get("counts");
    assertThat(counts)
        .containsEntry("overdue", list("doc1", "overdue", TODAY).get("total"))
        .containsEntry("overdueLostToFollowUp", 1)
        .containsEntry("rechecks", list("doc1", "rechecks", TODAY).get("total"))
        .containsEntry("rechecksPastDue", 2) // and the patient whose next date passed
        .containsEntry("referrals", list("doc1", "referrals", TODAY).get("total"))
        .containsEntry("referralsPastDue", 1)
        .containsEntry("annualChecks", list("doc1", "annual-checks", TODAY).get("total"));
    assertThat(summary.get("totals")).isEqualTo(counts);
  }

  @Test
  void summary_supervisorSeesTownship_adminSeesCounty() {
    assertThat(maps(get("sup1", "/api/v1/worklists/summary").get("villages")))
        .extracting(v -> v.get("villageCode"))
        .containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2);
    assertThat(maps(get("sup2", "/api/v1/worklists/summary").get("villages")))
        .extracting(v -> v.get("villageCode"))
        .containsExactly(TestArea.VILLAGE_3);
    List<Map<String, Object>> county =
        maps(get("admin1", "/api/v1/worklists/summary?date=" + TODAY).get("villages"));
    assertThat(county)
        .extracting(v -> v.get("villageCode"))
        .containsExactly(TestArea.VILLAGE_1, TestArea.VILLAGE_2, TestArea.VILLAGE_3);
    assertThat(county.get(1))
        .containsEntry("villageName", "南街村")
        .containsEntry("townshipCode", TestArea.TOWNSHIP_1)
        .extracting(v -> v.get("counts"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("overdue", 1)
        .containsEntry("annualChecks", 1)
        .containsEntry("rechecks", 0);
  }

  // ---- access

  @Test
  void access_doctorOfAnotherVillage_forbidden() {
    assertError("doc1", path("overdue", TestArea.VILLAGE_2), HttpStatus.FORBIDDEN, "FORBIDDEN");
    assertError("doc3", path("referrals", TestArea.VILLAGE_1), HttpStatus.FORBIDDEN, "FORBIDDEN");
  }

  @Test
  void access_supervisorOfTownshipTwo_forbiddenInTownshipOne() {
    assertError("sup2", path("overdue", TestArea.VILLAGE_1), HttpStatus.FORBIDDEN, "FORBIDDEN");
    assertError(
        "sup2", path("annual-checks", TestArea.VILLAGE_2), HttpStatus.FORBIDDEN, "FORBIDDEN");
  }

  @Test
  void access_supervisorOwnTownship_andAdminWholeCounty_allowed() {
    assertThat(ids(get("sup1", path("overdue", TestArea.VILLAGE_2))))
        .containsExactly(villageTwoPatient.toString());
    assertThat(ids(get("sup1", path("rechecks", TestArea.VILLAGE_1) + "?date=" + TODAY)))
        .contains(recheckPending.toString());
    assertThat(get("admin1", path("referrals", TestArea.VILLAGE_3))).containsEntry("total", 0);
  }

  @Test
  void overdue_oneVillageAfterAnother_eachGetsItsOwnList() {
    // Guards against H2 re-using a cached statement's parameters (h2database issue #4228).
    List<String> villageOne = ids(get("sup1", path("overdue", TestArea.VILLAGE_1)));
    List<String> villageTwo = ids(get("sup1", path("overdue", TestArea.VILLAGE_2)));
    assertThat(villageOne)
        .contains(neverVisited.toString())
        .doesNotContain(villageTwoPatient.toString());
    assertThat(villageTwo).containsExactly(villageTwoPatient.toString());
  }

  @Test
  void access_unknownVillage_notFound() {
    assertError(
        "admin1", path("overdue", "130123100299"), HttpStatus.NOT_FOUND, "VILLAGE_NOT_FOUND");
    assertError(
        "sup1", path("overdue", TestArea.TOWNSHIP_1), HttpStatus.NOT_FOUND, "VILLAGE_NOT_FOUND");
  }

  @Test
  void access_withoutToken_unauthorized() {
    HttpClientResponseException e =
        catchThrowableOfType(
            HttpClientResponseException.class,
            () ->
                client.toBlocking().retrieve(HttpRequest.GET(path("overdue", TestArea.VILLAGE_1))));
    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
  }

  @Test
  void request_pageTooLargeOrBadDate_badRequest() {
    assertError(
        "doc1",
        path("overdue", TestArea.VILLAGE_1) + "?size=500",
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED");
    assertError(
        "doc1",
        path("overdue", TestArea.VILLAGE_1) + "?date=20-10-2026",
        HttpStatus.BAD_REQUEST,
        "MALFORMED_REQUEST");
  }

  // ---- helpers

  private UUID patient(String name, Disease... diseases) {
    return fixtures.patient(TestArea.VILLAGE_1, name, diseases);
  }

  private UUID visit(UUID patient, Visit visit) {
    return fixtures.visit(patient, visit);
  }

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static String path(String list, String village) {
    return "/api/v1/villages/" + village + "/worklists/" + list;
  }

  private Map<String, Object> list(String user, String list, LocalDate date) {
    return get(user, path(list, TestArea.VILLAGE_1) + (date == null ? "" : "?date=" + date));
  }

  private Map<String, Object> get(String user, String uri) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET(uri).bearerAuth(token(user)),
            Argument.mapOf(String.class, Object.class));
  }

  private String token(String user) {
    return java.util.Objects.requireNonNull(tokens.get(user), user);
  }

  private void assertError(String user, String uri, HttpStatus status, String code) {
    HttpClientResponseException e =
        catchThrowableOfType(HttpClientResponseException.class, () -> get(user, uri));
    assertThat(e).as(uri).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
    @SuppressWarnings("unchecked")
    Map<String, Object> body = e.getResponse().getBody(Map.class).orElseThrow();
    assertThat(body).containsEntry("code", code).containsEntry("status", status.getCode());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return (List<Map<String, Object>>) list;
  }

  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return maps(page.get("items"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> patientOf(Map<String, Object> item) {
    return (Map<String, Object>) item.get("patient");
  }

  private static List<String> ids(Map<String, Object> page) {
    return items(page).stream().map(i -> (String) patientOf(i).get("id")).toList();
  }

  private static Map<String, Object> item(Map<String, Object> page, UUID patient) {
    return items(page).stream()
        .filter(i -> patient.toString().equals(patientOf(i).get("id")))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("patient " + patient + " not on the list " + ids(page)));
  }

  private static Map<String, Object> only(Map<String, Object> item) {
    List<Map<String, Object>> diseases = maps(item.get("diseases"));
    assertThat(diseases).hasSize(1);
    return diseases.get(0);
  }
}
