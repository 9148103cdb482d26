package org.suifang.server.reports;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.suifang.rules.Disease;

/** The rows the indicators are computed from, as read by {@link IndicatorRepository}. */
final class IndicatorFacts {

  private IndicatorFacts() {}

  /**
   * A patient of the area who is not a merged duplicate.
   *
   * @param registeredOn the China Standard Time date of {@code created_at}
   * @param status ACTIVE, LOST_TO_FOLLOW_UP or TERMINATED (the current status)
   * @param statusDate since when the status holds
   * @param registeredBy the user who registered the patient
   */
  record PatientFact(
      UUID id,
      String villageCode,
      boolean hypertension,
      boolean diabetes,
      LocalDate registeredOn,
      String status,
      LocalDate statusDate,
      UUID registeredBy) {

    boolean has(Disease disease) {
      return disease == Disease.HYPERTENSION ? hypertension : diabetes;
    }
  }

  /**
   * A current follow-up (not voided, not superseded by an amendment) of a patient of the area.
   *
   * @param mode CLINIC, HOME or PHONE
   * @param annualCheck the visit also served as the annual health check
   * @param ageAtVisit the patient's age on the visit date
   * @param controlled the stored BPHS control assessment ({@code bphs_controlled}); null when not
   *     measured
   * @param receivedAt server receipt time, to order visits of the same date
   */
  record VisitFact(
      UUID id,
      UUID patientId,
      Disease disease,
      LocalDate date,
      String mode,
      boolean annualCheck,
      int ageAtVisit,
      @Nullable Boolean controlled,
      Instant receivedAt) {

    /** Newest first: by date, then receipt time, then id. */
    static final Comparator<VisitFact> NEWEST_FIRST =
        Comparator.comparing(VisitFact::date)
            .thenComparing(VisitFact::receivedAt)
            .thenComparing(VisitFact::id)
            .reversed();

    boolean faceToFace() {
      return !"PHONE".equals(mode);
    }
  }
}
