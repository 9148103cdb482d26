package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The usage example of the package documentation, kept in step with the code. */
class ExampleUsageTest {

  @Test
  void packageExample_secondUncontrolledElderlyVisit_referral() {
    LocalDate today = LocalDate.of(2025, 6, 16);
    RuleSet ruleSet = RuleSets.BPHS_2017;
    PatientContext patient =
        PatientContext.newBuilder()
            .birthDate(LocalDate.of(1958, 3, 2))
            .sex(Sex.MALE)
            .hasHypertension(true)
            .build();
    VisitInput visit =
        VisitInput.newBuilder()
            .visitDate(LocalDate.of(2025, 6, 16))
            .mode(VisitMode.CLINIC)
            .systolic(156)
            .diastolic(88)
            .hypertensionSymptoms(HypertensionSymptom.NONE)
            .build();

    ValidationResult result =
        VisitValidator.validate(ruleSet, Disease.HYPERTENSION, patient, visit, today);
    assertThat(result.isValid()).isTrue();
    PreviousVisit previous =
        PreviousVisit.of(LocalDate.of(2025, 3, 10), Classification.UNCONTROLLED, false);
    Assessment assessment =
        new Assessor(ruleSet).assess(Disease.HYPERTENSION, patient, visit, previous);

    assertThat(assessment.ageAtVisit()).isEqualTo(67);
    assertThat(assessment.classification()).isEqualTo(Classification.UNCONTROLLED);
    assertThat(assessment.nextStep()).isEqualTo(NextStep.REFERRAL);
    assertThat(assessment.nextDueDate()).isEqualTo(LocalDate.of(2025, 6, 30));
  }
}
