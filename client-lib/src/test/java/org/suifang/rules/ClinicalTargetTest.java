package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suifang.rules.VisitSamples.clinic;
import static org.suifang.rules.VisitSamples.patientAged;

import javax.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The advisory clinical targets: absent in BPHS_2017, guideline 2025/2022 in the second set. */
class ClinicalTargetTest {

  @ParameterizedTest(name = "[{index}] {0} {1} age {2} {3}/{4} FPG {5}")
  @CsvSource({
    // rule set,                 disease,      age, sbp, dbp, fpg,  target, bphs
    "bphs-2017,                  HYPERTENSION, 50,  120, 70,     ,      ,  true",
    "bphs-2017,                  DIABETES,     50,  120, 70,  6.0,      ,  true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 50,  129, 79,     , true,   true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 50,  130, 79,     , false,  true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 50,  129, 80,     , false,  true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 50,  145, 85,     , false,  false",
    "bphs-2017+guideline-2025,   HYPERTENSION, 79,  135, 75,     , false,  true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 80,  149, 89,     , true,   true",
    "bphs-2017+guideline-2025,   HYPERTENSION, 80,  150, 80,     , false,  false",
    "bphs-2017+guideline-2025,   HYPERTENSION, 80,  140, 90,     , false,  false",
    "bphs-2017+guideline-2025,   DIABETES,     50,     ,   ,  4.4, true,   true",
    "bphs-2017+guideline-2025,   DIABETES,     50,     ,   ,  4.3, false,  true",
    "bphs-2017+guideline-2025,   DIABETES,     50,     ,   ,  7.0, true,   false",
    "bphs-2017+guideline-2025,   DIABETES,     50,     ,   ,  7.1, false,  false",
    "bphs-2017+guideline-2025,   DIABETES,     50,  129, 79,  6.0, true,   true",
    "bphs-2017+guideline-2025,   DIABETES,     50,  130, 79,  6.0, false,  true",
    "bphs-2017+guideline-2025,   DIABETES,     50,  129, 80,  6.0, false,  true",
    "bphs-2017+guideline-2025,   DIABETES,     50,  129, 79,     , ,       ",
  })
  void assess_ruleSetTargets_clinicalTargetMetIsAdvisoryOnly(
      String ruleSetId,
      Disease disease,
      int age,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable Double glucose,
      @Nullable Boolean targetMet,
      @Nullable Boolean bphsControlled) {
    Assessor assessor = new Assessor(RuleSets.byId(ruleSetId));

    Assessment assessment =
        assessor.assess(
            disease, patientAged(age), clinic(systolic, diastolic, glucose).build(), null);

    assertThat(assessment.clinicalTargetMet()).as("target met").isEqualTo(targetMet);
    assertThat(assessment.bphsControlled()).as("BPHS controlled").isEqualTo(bphsControlled);
    if (bphsControlled != null) {
      // The targets never change the classification.
      assertThat(assessment.classification())
          .isEqualTo(bphsControlled ? Classification.CONTROLLED : Classification.UNCONTROLLED);
    }
  }
}
