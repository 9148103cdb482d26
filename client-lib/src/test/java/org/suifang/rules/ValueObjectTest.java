package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suifang.rules.VisitSamples.VISIT_DATE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Immutability, defensive copies, builders and null checks of the value types. */
class ValueObjectTest {

  @Test
  void visitInput_builderSets_copiedAndUnmodifiable() {
    Set<DangerSign> signs = EnumSet.of(DangerSign.NAUSEA);
    VisitInput.Builder builder = VisitSamples.clinic().reportedDangerSigns(signs);
    VisitInput visit = builder.build();
    signs.add(DangerSign.VOMITING);
    builder.reportedDangerSigns(DangerSign.SWEATING);

    assertThat(visit.reportedDangerSigns()).containsExactly(DangerSign.NAUSEA);
    assertThat(visit.hypertensionSymptoms()).isEmpty();
    assertThatThrownBy(() -> visit.reportedDangerSigns().add(DangerSign.VOMITING))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> visit.diabetesSymptoms().add(DiabetesSymptom.NONE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void visitInput_toBuilder_roundTripsAndEquals() {
    VisitInput visit =
        VisitSamples.clinic(150, 90, 7.5)
            .heartRate(80)
            .temperature(36.6)
            .weightKg(70.5)
            .hypertensionSymptoms(HypertensionSymptom.HEADACHE_DIZZINESS)
            .diabetesSymptoms(DiabetesSymptom.POLYURIA)
            .otherSymptoms("乏力")
            .reportedDangerSigns(DangerSign.SWEATING)
            .adverseReaction(true)
            .adverseReactionHardToControl(true)
            .newOrWorseComplication(true)
            .build();

    VisitInput copy = visit.toBuilder().build();

    assertThat(copy).isEqualTo(visit).hasSameHashCodeAs(visit);
    assertThat(copy.toString()).contains("systolic=150", "otherSymptoms=乏力");
    assertThat(visit.toBuilder().heartRate(81).build()).isNotEqualTo(visit);
  }

  @Test
  void visitInput_requiredAndFiniteValues_checked() {
    assertThatThrownBy(() -> VisitInput.newBuilder().mode(VisitMode.CLINIC).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("visitDate == null");
    assertThatThrownBy(() -> VisitInput.newBuilder().visitDate(VISIT_DATE).build())
        .hasMessage("mode == null");
    assertThatThrownBy(() -> VisitSamples.clinic().fastingGlucose(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VisitSamples.clinic().temperature(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void patientContext_toBuilder_roundTrips() {
    PatientContext patient =
        PatientContext.newBuilder()
            .birthDate(VISIT_DATE.minusYears(60))
            .sex(Sex.MALE)
            .hasHypertension(true)
            .hasDiabetes(true)
            .pregnantOrBreastfeeding(false)
            .build();

    assertThat(patient.toBuilder().build()).isEqualTo(patient).hasSameHashCodeAs(patient);
    assertThat(patient.ageOn(VISIT_DATE)).isEqualTo(60);
    assertThat(patient.ageOn(VISIT_DATE.minusDays(1))).isEqualTo(59);
    assertThatThrownBy(() -> patient.ageOn(VISIT_DATE.minusYears(61)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PatientContext.newBuilder().build()).hasMessage("birthDate == null");
  }

  @Test
  void previousVisit_wasUncontrolled_prefersBphsControlled() {
    assertThat(VisitSamples.previous(Classification.UNCONTROLLED, null).wasUncontrolled()).isTrue();
    assertThat(VisitSamples.previous(Classification.CONTROLLED, null).wasUncontrolled()).isFalse();
    assertThat(VisitSamples.previous(Classification.ADVERSE_REACTION, null).wasUncontrolled())
        .isFalse();
    assertThat(VisitSamples.previous(Classification.ADVERSE_REACTION, false).wasUncontrolled())
        .isTrue();
    assertThat(VisitSamples.previous(Classification.UNCONTROLLED, true).wasUncontrolled())
        .isFalse();
    PreviousVisit previous = VisitSamples.previous(Classification.UNCONTROLLED, false);
    assertThat(previous.toBuilder().build()).isEqualTo(previous).hasSameHashCodeAs(previous);
  }

  @Test
  void assessment_dangerSigns_sortedCopiedAndUnmodifiable() {
    List<DangerSign> signs = new ArrayList<>();
    signs.add(DangerSign.UNMANAGEABLE_OTHER_DISEASE);
    signs.add(DangerSign.BLOOD_PRESSURE_VERY_HIGH);
    signs.add(DangerSign.UNMANAGEABLE_OTHER_DISEASE);
    Assessment assessment =
        VisitSamples.BPHS
            .assess(
                Disease.HYPERTENSION,
                VisitSamples.patientAged(50),
                VisitSamples.controlledClinic().build(),
                null)
            .toBuilder()
            .dangerSigns(signs)
            .build();
    signs.clear();

    assertThat(assessment.dangerSigns())
        .containsExactly(
            DangerSign.BLOOD_PRESSURE_VERY_HIGH, DangerSign.UNMANAGEABLE_OTHER_DISEASE);
    assertThatThrownBy(() -> assessment.dangerSigns().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(assessment.toBuilder().build()).isEqualTo(assessment).hasSameHashCodeAs(assessment);
  }

  @Test
  void clinicalTargets_toBuilder_roundTrips() {
    ClinicalTargets targets = RuleSets.BPHS_2017_GUIDELINE_2025.clinicalTargets();

    assertThat(targets.toBuilder().build()).isEqualTo(targets).hasSameHashCodeAs(targets);
    assertThat(targets.toBuilder().htnOlderAge(75).build()).isNotEqualTo(targets);
    assertThatThrownBy(() -> ClinicalTargets.newBuilder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dangerSign_lists_unmodifiable() {
    assertThatThrownBy(() -> DangerSign.NAUSEA.diseases().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> DangerSign.of(Disease.DIABETES).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
