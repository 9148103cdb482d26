package org.suifang.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.VisitMode;

/** Follow-up forms for tests. */
final class VisitForms {
  private VisitForms() {}

  /** A hypertension clinic visit with the given blood pressure. */
  static VisitForm.Builder htn(LocalDate date, int systolic, int diastolic) {
    return VisitForm.newBuilder()
        .disease(Disease.HYPERTENSION)
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .symptoms(HypertensionSymptom.NONE)
        .bloodPressure(systolic, diastolic)
        .heartRate(76)
        .weightKg(new BigDecimal("70.0"))
        .medicationAdherence(MedicationAdherence.REGULAR)
        .medications(Medication.oral("苯磺酸氨氯地平片", 1, new BigDecimal("5")));
  }

  /** A hypertension phone visit. */
  static VisitForm.Builder htnPhone(LocalDate date) {
    return VisitForm.newBuilder()
        .disease(Disease.HYPERTENSION)
        .visitDate(date)
        .mode(VisitMode.PHONE)
        .symptoms(HypertensionSymptom.NONE);
  }

  /** A diabetes clinic visit with the given fasting glucose. */
  static VisitForm.Builder dm(LocalDate date, String glucose) {
    return VisitForm.newBuilder()
        .disease(Disease.DIABETES)
        .visitDate(date)
        .mode(VisitMode.CLINIC)
        .symptoms(DiabetesSymptom.NONE)
        .bloodPressure(128, 78)
        .fastingGlucose(new BigDecimal(glucose))
        .glucoseSpecimen(GlucoseSpecimen.CAPILLARY);
  }
}
