package org.suifang.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.suifang.rules.Disease;

/** Patients for tests. */
final class PatientSamples {
  /** 王建国, male, born 1958-03-12: a valid resident ID number. */
  static final String WANG_ID = "130123195803121335";

  private PatientSamples() {}

  static PatientRegistration.Builder wang() {
    return PatientRegistration.newBuilder()
        .name("王建国")
        .residentId(WANG_ID)
        .phone("13800138000")
        .villageCode(TestClients.VILLAGE)
        .address("东关村3组12号")
        .heightCm(new BigDecimal("168"))
        .condition(Disease.HYPERTENSION, LocalDate.of(2015, 6, 1));
  }

  static PatientRegistration.Builder li() {
    return PatientRegistration.newBuilder()
        .name("李秀英")
        .sex(org.suifang.rules.Sex.FEMALE)
        .birthDate(LocalDate.of(1950, 1, 5))
        .villageCode(TestClients.VILLAGE)
        .condition(Disease.HYPERTENSION, LocalDate.of(2010, 1, 1))
        .condition(Disease.DIABETES, LocalDate.of(2018, 3, 1));
  }
}
