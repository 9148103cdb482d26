package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import org.suifang.rules.Disease;
import org.suifang.server.reports.IndicatorFacts.PatientFact;
import org.suifang.server.reports.IndicatorFacts.VisitFact;

/**
 * The indicator rules of domain.md §5 for one patient and disease; pure, no I/O. The definitions
 * are documented in docs/dashboard.md#overview-and-indicators, and every setting in {@link
 * StandardManagementSettings} and {@link IndicatorConfiguration}.
 */
final class IndicatorCalculator {

  private final StandardManagementSettings settings;
  private final boolean countTerminatedInPeriod;

  IndicatorCalculator(StandardManagementSettings settings, boolean countTerminatedInPeriod) {
    this.settings = settings;
    this.countTerminatedInPeriod = countTerminatedInPeriod;
  }

  /**
   * What one managed patient contributes to a disease's figures.
   *
   * @param due the face-to-face visits required in the period
   * @param done the counted visits done in the period
   * @param standard 规范管理: the counted visits meet the requirement
   * @param controlled the latest face-to-face visit of the period met the BPHS target, and the
   *     patient was not lost to follow-up at the period end
   */
  record Outcome(int due, int done, boolean standard, boolean controlled) {}

  /**
   * Returns the patient's outcome for the disease in the period, or null when the patient is not in
   * the period's denominator (年内同期管理的患者人数) for it.
   *
   * @param visits the patient's current visits of this disease, any order, any dates
   * @param today today in China Standard Time: a quarter that has not begun is never required
   */
  @Nullable
  Outcome outcome(
      PatientFact p, Disease disease, List<VisitFact> visits, Period period, LocalDate today) {
    if (!managed(p, disease, period)) {
      return null;
    }
    List<Period> required =
        period.quarters().stream().filter(q -> required(p, q, period, today)).toList();
    int done = 0;
    boolean everyQuarterVisited = true;
    boolean[] visitedQuarter = new boolean[required.size()];
    boolean healthCheck = false;
    LocalDate yearStart = LocalDate.of(period.end().getYear(), 1, 1);
    VisitFact latestFaceToFace = null;
    for (VisitFact v : visits) {
      if (v.disease() != disease) {
        continue;
      }
      if (v.faceToFace()
          && v.annualCheck()
          && !v.date().isBefore(yearStart)
          && !v.date().isAfter(period.end())) {
        healthCheck = true;
      }
      if (!period.contains(v.date())) {
        continue;
      }
      if (v.faceToFace()
          && (latestFaceToFace == null
              || VisitFact.NEWEST_FIRST.compare(v, latestFaceToFace) < 0)) {
        latestFaceToFace = v;
      }
      if (!counts(v)) {
        continue;
      }
      done++;
      for (int i = 0; i < required.size(); i++) {
        if (required.get(i).contains(v.date())) {
          visitedQuarter[i] = true;
        }
      }
    }
    for (boolean visited : visitedQuarter) {
      everyQuarterVisited &= visited;
    }
    boolean standard =
        !required.isEmpty()
            && done >= required.size()
            && (!settings.quarterlySpacing() || everyQuarterVisited)
            && (!settings.requireHealthCheck() || healthCheck);
    boolean lostAtEnd =
        "LOST_TO_FOLLOW_UP".equals(p.status()) && !p.statusDate().isAfter(period.end());
    boolean controlled =
        !lostAtEnd
            && latestFaceToFace != null
            && Boolean.TRUE.equals(latestFaceToFace.controlled());
    return new Outcome(required.size(), done, standard, controlled);
  }

  /**
   * In the denominator: has the disease, registered on or before the period end, and not terminated
   * before the period start (nor within the period, unless the setting keeps them).
   * Lost-to-follow-up patients stay in.
   */
  boolean managed(PatientFact p, Disease disease, Period period) {
    if (!p.has(disease) || p.registeredOn().isAfter(period.end())) {
      return false;
    }
    if (!"TERMINATED".equals(p.status()) || p.statusDate().isAfter(period.end())) {
      return true;
    }
    if (p.statusDate().isBefore(period.start())) {
      return false;
    }
    return countTerminatedInPeriod;
  }

  /** A quarter of the period needs a face-to-face visit from this patient. */
  private boolean required(PatientFact p, Period quarter, Period period, LocalDate today) {
    if (quarter.start().isAfter(today)) {
      return false;
    }
    if (settings.proRate()) {
      if (p.registeredOn().isAfter(quarter.end())) {
        return false;
      }
      // Kept in the denominator after a termination within the period: nothing is due after it.
      if ("TERMINATED".equals(p.status())
          && period.contains(p.statusDate())
          && quarter.start().isAfter(p.statusDate())) {
        return false;
      }
    }
    return true;
  }

  /** A visit of the period that counts towards visits done. */
  private boolean counts(VisitFact v) {
    if (!v.faceToFace() && !settings.countPhoneVisits()) {
      return false;
    }
    return !(v.annualCheck() && v.ageAtVisit() >= 65 && !settings.annualCheckCounts());
  }
}
