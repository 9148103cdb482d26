package org.suifang.rules;

import java.time.LocalDate;
import javax.annotation.Nullable;

/** Object mother for visits, patients and previous visits used across the rules tests. */
final class VisitSamples {
  /** The date of every sample visit. */
  static final LocalDate VISIT_DATE = LocalDate.of(2025, 6, 16);

  static final Assessor BPHS = new Assessor(RuleSets.BPHS_2017);

  private VisitSamples() {}

  /** Returns a patient whose birthday is on the visit date, so the age at the visit is exact. */
  static PatientContext patientAged(int age) {
    return PatientContext.newBuilder()
        .birthDate(VISIT_DATE.minusYears(age))
        .sex(Sex.FEMALE)
        .hasHypertension(true)
        .hasDiabetes(true)
        .build();
  }

  /** Returns a patient whose birthday for {@code age + 1} is the day after the visit. */
  static PatientContext patientAgedDayBeforeBirthday(int age) {
    return patientAged(age + 1).toBuilder()
        .birthDate(VISIT_DATE.minusYears(age + 1).plusDays(1))
        .build();
  }

  static PatientContext pregnantPatient() {
    return patientAged(36).toBuilder().pregnantOrBreastfeeding(true).build();
  }

  static VisitInput.Builder clinic() {
    return VisitInput.newBuilder().visitDate(VISIT_DATE).mode(VisitMode.CLINIC);
  }

  static VisitInput.Builder phone() {
    return VisitInput.newBuilder().visitDate(VISIT_DATE).mode(VisitMode.PHONE);
  }

  /** Returns a clinic visit with blood pressure and fasting glucose, either may be null. */
  static VisitInput.Builder clinic(
      @Nullable Integer systolic, @Nullable Integer diastolic, @Nullable Double fastingGlucose) {
    return clinic().systolic(systolic).diastolic(diastolic).fastingGlucose(fastingGlucose);
  }

  /** Returns a controlled visit for both diseases: 120/75 mmHg, FPG 6.0 mmol/L. */
  static VisitInput.Builder controlledClinic() {
    return clinic(120, 75, 6.0);
  }

  static PreviousVisit previous(Classification classification, @Nullable Boolean bphsControlled) {
    return PreviousVisit.of(VISIT_DATE.minusDays(14), classification, bphsControlled);
  }

  /** Parses a previous-visit token used in CSV tables: NONE, or CLASSIFICATION[:true|false]. */
  @Nullable
  static PreviousVisit previous(String token) {
    if (token.equals("NONE")) {
      return null;
    }
    String[] parts = token.split(":");
    Boolean controlled = parts.length > 1 ? Boolean.valueOf(parts[1]) : null;
    return previous(Classification.valueOf(parts[0]), controlled);
  }
}
