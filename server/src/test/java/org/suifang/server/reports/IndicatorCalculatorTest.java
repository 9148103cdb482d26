package org.suifang.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suifang.rules.Disease;
import org.suifang.server.reports.IndicatorCalculator.Outcome;
import org.suifang.server.reports.IndicatorFacts.PatientFact;
import org.suifang.server.reports.IndicatorFacts.VisitFact;

/** Each setting of the definition of 规范管理, on one patient, with plain constructors. */
class IndicatorCalculatorTest {

  static final Period YEAR = Period.year(2026);
  static final LocalDate TODAY = LocalDate.of(2026, 12, 31);
  static final StandardManagementSettings DEFAULTS = StandardManagementSettings.DEFAULTS;

  final UUID patientId = UUID.randomUUID();

  @Test
  void defaults_midYearPatient_proRatedQuarterlyVisits() {
    // Registered 2026-05-20: Q2, Q3 and Q4 are required; one visit in each.
    PatientFact p = patient("2026-05-20", "ACTIVE", "2026-05-20");
    List<VisitFact> visits = visits("2026-06-01 CLINIC", "2026-08-01 HOME", "2026-11-01 CLINIC");
    assertThat(outcome(DEFAULTS, false, p, visits)).isEqualTo(new Outcome(3, 3, true, true));
  }

  @Test
  void proRateOff_fourQuartersRegardless() {
    PatientFact p = patient("2026-05-20", "ACTIVE", "2026-05-20");
    List<VisitFact> visits = visits("2026-06-01 CLINIC", "2026-08-01 HOME", "2026-11-01 CLINIC");
    assertThat(outcome(settings(false, true, false, true, false), false, p, visits))
        .isEqualTo(new Outcome(4, 3, false, true));
  }

  @Test
  void quarterlySpacingOff_onlyTheCountMatters() {
    PatientFact p = patient("2025-01-01", "ACTIVE", "2025-01-01");
    List<VisitFact> visits =
        visits("2026-01-10 CLINIC", "2026-02-10 CLINIC", "2026-03-10 CLINIC", "2026-11-01 CLINIC");
    assertThat(outcome(DEFAULTS, false, p, visits).standard()).isFalse();
    assertThat(outcome(settings(true, false, false, true, false), false, p, visits).standard())
        .isTrue();
  }

  @Test
  void countPhoneVisits_phoneCallsCountButNeverForControl() {
    PatientFact p = patient("2025-01-01", "ACTIVE", "2025-01-01");
    List<VisitFact> visits =
        visits("2026-01-10 PHONE", "2026-04-10 PHONE", "2026-07-10 CLINIC", "2026-10-10 PHONE");
    assertThat(outcome(DEFAULTS, false, p, visits)).isEqualTo(new Outcome(4, 1, false, true));
    assertThat(outcome(settings(true, true, true, true, false), false, p, visits))
        .isEqualTo(new Outcome(4, 4, true, true));
  }

  @Test
  void annualCheckOfAnOlderPatient_countsUnlessSwitchedOff() {
    PatientFact p = patient("2025-01-01", "ACTIVE", "2025-01-01");
    List<VisitFact> visits = new ArrayList<>(visits("2026-01-10 CLINIC", "2026-04-10 CLINIC"));
    visits.add(visit("2026-07-10", "CLINIC", true, 70));
    visits.add(visit("2026-10-10", "CLINIC", false, 70));
    assertThat(outcome(DEFAULTS, false, p, visits).standard()).isTrue();
    assertThat(outcome(settings(true, true, false, false, false), false, p, visits))
        .isEqualTo(new Outcome(4, 3, false, true));
    // Below 65 the check is an ordinary visit whatever the setting.
    List<VisitFact> younger = new ArrayList<>(visits("2026-01-10 CLINIC", "2026-04-10 CLINIC"));
    younger.add(visit("2026-07-10", "CLINIC", true, 60));
    younger.add(visit("2026-10-10", "CLINIC", false, 60));
    assertThat(outcome(settings(true, true, false, false, false), false, p, younger).standard())
        .isTrue();
  }

  @Test
  void requireHealthCheck_needsAnAnnualCheckInTheYear() {
    PatientFact p = patient("2025-01-01", "ACTIVE", "2025-01-01");
    List<VisitFact> visits =
        visits("2026-01-10 CLINIC", "2026-04-10 CLINIC", "2026-07-10 CLINIC", "2026-10-10 CLINIC");
    StandardManagementSettings checkRequired = settings(true, true, false, true, true);
    assertThat(outcome(checkRequired, false, p, visits).standard()).isFalse();
    List<VisitFact> checked = new ArrayList<>(visits);
    checked.add(visit("2026-05-10", "CLINIC", true, 50));
    assertThat(outcome(checkRequired, false, p, checked).standard()).isTrue();
  }

  @Test
  void terminatedInPeriod_outByDefault_inWithTheSetting_dueUntilTermination() {
    PatientFact p = patient("2025-01-01", "TERMINATED", "2026-05-15");
    List<VisitFact> visits = visits("2026-01-10 CLINIC", "2026-04-10 CLINIC");
    assertThat(outcome(DEFAULTS, false, p, visits)).isNull();
    // Kept: Q1 and Q2 (terminated within Q2) are due, Q3 and Q4 are not.
    assertThat(outcome(DEFAULTS, true, p, visits)).isEqualTo(new Outcome(2, 2, true, true));
    // Terminated before the period: out either way.
    PatientFact before = patient("2024-01-01", "TERMINATED", "2025-12-31");
    assertThat(outcome(DEFAULTS, true, before, visits)).isNull();
  }

  @Test
  void quarterNotBegun_isNotDue() {
    PatientFact p = patient("2025-01-01", "ACTIVE", "2025-01-01");
    Outcome o =
        new IndicatorCalculator(DEFAULTS, false)
            .outcome(
                p,
                Disease.HYPERTENSION,
                visits("2026-01-10 CLINIC", "2026-04-10 CLINIC"),
                YEAR,
                LocalDate.of(2026, 5, 1));
    assertThat(o).isEqualTo(new Outcome(2, 2, true, true));
  }

  @Test
  void lostToFollowUp_notControlledOnlyFromTheirStatusDate() {
    List<VisitFact> visits = visits("2026-07-10 CLINIC");
    PatientFact lost = patient("2025-01-01", "LOST_TO_FOLLOW_UP", "2026-10-01");
    assertThat(outcome(DEFAULTS, false, lost, visits).controlled()).isFalse();
    assertThat(
            new IndicatorCalculator(DEFAULTS, false)
                .outcome(lost, Disease.HYPERTENSION, visits, Period.quarter(2026, 3), TODAY)
                .controlled())
        .isTrue();
  }

  private Outcome outcome(
      StandardManagementSettings s, boolean keepTerminated, PatientFact p, List<VisitFact> visits) {
    return new IndicatorCalculator(s, keepTerminated)
        .outcome(p, Disease.HYPERTENSION, visits, YEAR, TODAY);
  }

  private static StandardManagementSettings settings(
      boolean proRate, boolean spacing, boolean phone, boolean annualCheck, boolean healthCheck) {
    return new StandardManagementSettings(proRate, spacing, phone, annualCheck, healthCheck);
  }

  private PatientFact patient(String registered, String status, String statusDate) {
    return new PatientFact(
        patientId,
        "130123100201",
        true,
        false,
        LocalDate.parse(registered),
        status,
        LocalDate.parse(statusDate),
        UUID.randomUUID());
  }

  /** Controlled visits "date MODE" (phone visits unmeasured), of a 50-year-old. */
  private List<VisitFact> visits(String... specs) {
    List<VisitFact> out = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split(" ");
      out.add(visit(parts[0], parts[1], false, 50));
    }
    return out;
  }

  private VisitFact visit(String date, String mode, boolean annualCheck, int age) {
    return new VisitFact(
        UUID.randomUUID(),
        patientId,
        Disease.HYPERTENSION,
        LocalDate.parse(date),
        mode,
        annualCheck,
        age,
        "PHONE".equals(mode) ? null : Boolean.TRUE,
        Instant.parse(date + "T02:00:00Z"));
  }
}
