package org.suifang.server.e2e;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.suifang.client.Medication;
import org.suifang.client.MedicationAdherence;
import org.suifang.client.PatientRegistration;
import org.suifang.client.VisitForm;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.PatientSamples;

/** Patients and visit forms for the end-to-end tests, as the SDK's value types. */
final class Samples {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger BIRTHS = new AtomicInteger();

  private Samples() {}

  /** Today in China by the real clock (the server's day). */
  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  /**
   * A hypertensive man with a fresh resident ID number, in the village. Each call has another birth
   * date, so two samples are never merge candidates (same name, birth date and village).
   */
  static PatientRegistration.Builder hypertensive(String villageCode) {
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(37L * BIRTHS.incrementAndGet());
    return PatientRegistration.newBuilder()
        .name("王建国")
        .residentId(PatientSamples.residentId(born, "MALE"))
        .phone("13800138000")
        .villageCode(villageCode)
        .address("东关村3组12号")
        .heightCm(new BigDecimal("168"))
        .condition(Disease.HYPERTENSION, LocalDate.of(2015, 6, 1));
  }

  /** A complete hypertension clinic visit. */
  static VisitForm.Builder htnVisit(LocalDate date, int systolic, int diastolic) {
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
}
