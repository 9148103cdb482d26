package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance cases written from the text of {@code shared/domain.md} (§1–§4, §6.1–§6.2) only, the
 * way the customer's QA would write them: realistic patients and visits, one row per rule of the
 * standard. Expected values come from the standard, never from the implementation; where domain.md
 * is silent and a case relies on a documented inference of {@code docs/clinical-rules.md}, the row
 * name says "[INF]".
 */
class StandardCasesTest {

  /** The visit date of most cases, and "today" for validation. */
  private static final LocalDate VISIT = LocalDate.of(2025, 6, 16);

  private static final RuleSet BPHS = RuleSets.BPHS_2017;
  private static final RuleSet GUIDELINE_2025 = RuleSets.BPHS_2017_GUIDELINE_2025;

  // Patients, with their age in full years on VISIT.
  private static final PatientContext AGE_36_PREGNANT =
      patient(LocalDate.of(1989, 5, 1), Sex.FEMALE).pregnantOrBreastfeeding(true).build();
  private static final PatientContext AGE_38_PREGNANT_LATE =
      patient(LocalDate.of(1987, 2, 14), Sex.FEMALE).pregnantOrBreastfeeding(true).build();
  private static final PatientContext AGE_36_NOT_PREGNANT =
      patient(LocalDate.of(1989, 5, 1), Sex.FEMALE).build();
  private static final PatientContext AGE_55 = patient(LocalDate.of(1970, 4, 12), Sex.MALE).build();
  private static final PatientContext AGE_60 =
      patient(LocalDate.of(1965, 1, 9), Sex.FEMALE).build();

  /** Turns 65 the day after VISIT: still 64 on the visit date. */
  private static final PatientContext AGE_64_EVE_OF_65 =
      patient(LocalDate.of(1960, 6, 17), Sex.MALE).build();

  /** Turns 65 on VISIT itself. */
  private static final PatientContext AGE_65_BIRTHDAY =
      patient(LocalDate.of(1960, 6, 16), Sex.FEMALE).build();

  private static final PatientContext AGE_72 =
      patient(LocalDate.of(1953, 2, 28), Sex.FEMALE).build();

  /** Turns 80 the day after VISIT. */
  private static final PatientContext AGE_79_EVE_OF_80 =
      patient(LocalDate.of(1945, 6, 17), Sex.MALE).build();

  /** Turns 80 on VISIT itself. */
  private static final PatientContext AGE_80_BIRTHDAY =
      patient(LocalDate.of(1945, 6, 16), Sex.MALE).build();

  private static final PatientContext AGE_90 =
      patient(LocalDate.of(1935, 1, 1), Sex.FEMALE).build();

  private static PatientContext.Builder patient(LocalDate birthDate, Sex sex) {
    return PatientContext.newBuilder()
        .birthDate(birthDate)
        .sex(sex)
        .hasHypertension(true)
        .hasDiabetes(true);
  }

  // ---------------------------------------------------------------------------------------------
  // Assessment: §1.4, §1.5, §2.4, §2.5, §3
  // ---------------------------------------------------------------------------------------------

  /** One row: the inputs of {@link Assessor#assess} and the outcome the standard requires. */
  private static final class AssessCase {
    RuleSet ruleSet = BPHS;
    Disease disease;
    PatientContext patient;
    VisitInput visit;
    @Nullable PreviousVisit previous;
    List<DangerSign> signs = new ArrayList<>();
    @Nullable Classification classification;
    @Nullable NextStep nextStep;
    LocalDate due;
    @Nullable Boolean controlled;
    @Nullable Boolean targetMet;
    boolean checkTarget;

    AssessCase ruleSet(RuleSet ruleSet) {
      this.ruleSet = ruleSet;
      return this;
    }

    AssessCase after(PreviousVisit previous) {
      this.previous = previous;
      return this;
    }

    AssessCase signs(DangerSign... signs) {
      this.signs = Arrays.asList(signs);
      return this;
    }

    AssessCase expect(
        @Nullable Classification classification, @Nullable NextStep nextStep, int dueInDays) {
      this.classification = classification;
      this.nextStep = nextStep;
      this.due = visit.visitDate().plusDays(dueInDays);
      return this;
    }

    AssessCase due(LocalDate due) {
      this.due = due;
      return this;
    }

    AssessCase controlled(@Nullable Boolean controlled) {
      this.controlled = controlled;
      return this;
    }

    AssessCase targetMet(@Nullable Boolean targetMet) {
      this.targetMet = targetMet;
      this.checkTarget = true;
      return this;
    }
  }

  private static AssessCase htn(PatientContext patient, VisitInput visit) {
    AssessCase c = new AssessCase();
    c.disease = Disease.HYPERTENSION;
    c.patient = patient;
    c.visit = visit;
    return c;
  }

  private static AssessCase dm(PatientContext patient, VisitInput visit) {
    AssessCase c = new AssessCase();
    c.disease = Disease.DIABETES;
    c.patient = patient;
    c.visit = visit;
    return c;
  }

  /** A clinic hypertension visit on VISIT with the given BP and no symptoms. */
  private static VisitInput bp(int systolic, int diastolic) {
    return bp(systolic, diastolic, b -> b);
  }

  private static VisitInput bp(
      int systolic, int diastolic, UnaryOperator<VisitInput.Builder> more) {
    return more.apply(
            VisitInput.newBuilder()
                .visitDate(VISIT)
                .mode(VisitMode.CLINIC)
                .bloodPressure(systolic, diastolic)
                .hypertensionSymptoms(HypertensionSymptom.NONE))
        .build();
  }

  /** A home diabetes visit on VISIT with the given fasting glucose and no symptoms. */
  private static VisitInput fpg(double glucose) {
    return fpg(glucose, b -> b);
  }

  private static VisitInput fpg(double glucose, UnaryOperator<VisitInput.Builder> more) {
    return more.apply(
            VisitInput.newBuilder()
                .visitDate(VISIT)
                .mode(VisitMode.HOME)
                .fastingGlucose(glucose)
                .diabetesSymptoms(DiabetesSymptom.NONE))
        .build();
  }

  private static VisitInput phone(UnaryOperator<VisitInput.Builder> more) {
    return more.apply(VisitInput.newBuilder().visitDate(VISIT).mode(VisitMode.PHONE)).build();
  }

  private static PreviousVisit previous(int daysBefore, Classification c, @Nullable Boolean ok) {
    return PreviousVisit.of(VISIT.minusDays(daysBefore), c, ok);
  }

  private static Arguments row(String name, AssessCase c) {
    return arguments(named(name, c));
  }

  static Stream<Arguments> hypertensionCases() {
    List<Arguments> rows = new ArrayList<>();
    // §3 "Uncontrolled" thresholds and §1.5: <140/90, and <150/90 from age 65 (3rd-ed. age split).
    rows.add(
        row(
            "H01 55y 138/88 controlled, next follow-up booked (≤3 months)",
            htn(AGE_55, bp(138, 88))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H02 55y 139/89 controlled (both just below 140/90)",
            htn(AGE_55, bp(139, 89))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H03 55y 140/80 first uncontrolled (SBP ≥140) → 2-week recheck",
            htn(AGE_55, bp(140, 80))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H04 55y 122/90 first uncontrolled (DBP ≥90 alone)",
            htn(AGE_55, bp(122, 90))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H05 64y (65 tomorrow) 145/85 uncontrolled: general limit 140/90",
            htn(AGE_64_EVE_OF_65, bp(145, 85))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H06 65th birthday 145/85 controlled: elderly limit 150/90",
            htn(AGE_65_BIRTHDAY, bp(145, 85))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H07 65y 149/89 controlled",
            htn(AGE_65_BIRTHDAY, bp(149, 89))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H08 65y 150/80 uncontrolled (SBP ≥150)",
            htn(AGE_65_BIRTHDAY, bp(150, 80))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H09 72y 138/90 uncontrolled (elderly DBP limit stays 90)",
            htn(AGE_72, bp(138, 90))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H10 80y 148/88 controlled (BPHS has no separate ≥80 limit)",
            htn(AGE_80_BIRTHDAY, bp(148, 88))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H11 90y 152/70 uncontrolled",
            htn(AGE_90, bp(152, 70))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H12 province without the age split [GK-verify setting]: 72y 145/85 uncontrolled",
            htn(AGE_72, bp(145, 85))
                .ruleSet(BPHS.toBuilder().id("no-age-split").elderlySplitEnabled(false).build())
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));

    // §1.4 danger signs: SBP ≥180 OR DBP ≥110, and each reported sign.
    rows.add(
        row(
            "H13 55y 180/100 danger (SBP =180): urgent referral, class stays 2",
            htn(AGE_55, bp(180, 100))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H14 55y 179/109 no danger sign, first uncontrolled",
            htn(AGE_55, bp(179, 109))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H15 55y 160/110 danger (DBP =110 alone)",
            htn(AGE_55, bp(160, 110))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H16 72y 178/108 no danger sign",
            htn(AGE_72, bp(178, 108))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H17 90y 210/125 danger",
            htn(AGE_90, bp(210, 125))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    DangerSign[] reported = {
      DangerSign.ALTERED_CONSCIOUSNESS,
      DangerSign.SEVERE_HEADACHE_OR_DIZZINESS,
      DangerSign.NAUSEA_AND_VOMITING,
      DangerSign.BLURRED_VISION_OR_EYE_PAIN,
      DangerSign.PALPITATIONS_OR_CHEST_TIGHTNESS,
      DangerSign.WHEEZING_UNABLE_TO_LIE_FLAT,
      DangerSign.UNMANAGEABLE_OTHER_DISEASE
    };
    int n = 18;
    for (DangerSign sign : reported) {
      rows.add(
          row(
              "H"
                  + n++
                  + " 60y 132/82 + "
                  + sign.labelZh()
                  + ": urgent referral, underlying class 1 [§3 'record the underlying class']",
              htn(AGE_60, bp(132, 82, b -> b.reportedDangerSigns(sign)))
                  .signs(sign)
                  .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                  .controlled(true)));
    }
    rows.add(
        row(
            "H25 pregnant 36y 142/88: BP above normal while pregnant → urgent [INF ≥140/90]",
            htn(AGE_36_PREGNANT, bp(142, 88))
                .signs(DangerSign.PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H26 breastfeeding 38y 128/92: DBP above normal → urgent",
            htn(AGE_38_PREGNANT_LATE, bp(128, 92))
                .signs(DangerSign.PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H27 pregnant 36y 126/78: normal BP, no danger sign",
            htn(AGE_36_PREGNANT, bp(126, 78))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H28 not pregnant 36y 142/88: no pregnancy danger sign, first uncontrolled",
            htn(AGE_36_NOT_PREGNANT, bp(142, 88))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H29 HTN visit with HR 120 and 39.5 ℃: not on the §1.4 list, no danger sign",
            htn(AGE_60, bp(132, 82, b -> b.heartRate(120).temperature(39.5)))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));

    // §3 table rows and §1.5.
    rows.add(
        row(
            "H30 new complication, BP controlled → class 4, advise referral, 2 weeks",
            htn(AGE_60, bp(132, 82, b -> b.newOrWorseComplication(true)))
                .expect(Classification.COMPLICATION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "H31 adverse reaction hard to control → class 3, advise referral",
            htn(
                    AGE_60,
                    bp(132, 82, b -> b.adverseReaction(true).adverseReactionHardToControl(true)))
                .expect(Classification.ADVERSE_REACTION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "H32 first adverse reaction → class 3, adjust drugs, 2-week follow-up",
            htn(AGE_60, bp(132, 82, b -> b.adverseReaction(true)))
                .expect(Classification.ADVERSE_REACTION, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(true)));
    rows.add(
        row(
            "H32a adverse reaction again at the 2-week recheck after class 3 → persisting",
            htn(AGE_60, bp(132, 82, b -> b.adverseReaction(true)))
                .after(previous(14, Classification.ADVERSE_REACTION, true))
                .expect(Classification.ADVERSE_REACTION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "H32b adverse reaction after a controlled visit → first occurrence",
            htn(AGE_60, bp(132, 82, b -> b.adverseReaction(true)))
                .after(previous(90, Classification.CONTROLLED, true))
                .expect(Classification.ADVERSE_REACTION, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(true)));
    rows.add(
        row(
            "H33 2-week recheck still uncontrolled after class 2 → 2nd consecutive, referral",
            htn(AGE_60, bp(152, 94))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.UNCONTROLLED, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H34 uncontrolled after a controlled visit → first time, recheck",
            htn(AGE_60, bp(152, 94))
                .after(previous(88, Classification.CONTROLLED, true))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H35 uncontrolled at the first visit ever → first time",
            htn(AGE_60, bp(152, 94))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H36 controlled after an uncontrolled visit → routine",
            htn(AGE_60, bp(134, 84))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "H37 previous class 2 from a paper record (values unknown) → 2nd consecutive",
            htn(AGE_60, bp(146, 92))
                .after(previous(30, Classification.UNCONTROLLED, null))
                .expect(Classification.UNCONTROLLED, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H38 previous class 3 (ADR, values unknown), now uncontrolled → first time",
            htn(AGE_60, bp(146, 92))
                .after(previous(14, Classification.ADVERSE_REACTION, null))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H39 class 2 at 64, 145/85 again on the 65th birthday → controlled (age split)",
            htn(AGE_65_BIRTHDAY, bp(145, 85))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));

    // "Most severe wins" (codes 1<2<3<4), next date taking the previous visit into account.
    rows.add(
        row(
            "H40 first uncontrolled + first ADR → class 3, 2-week follow-up",
            htn(AGE_60, bp(150, 92, b -> b.adverseReaction(true)))
                .expect(Classification.ADVERSE_REACTION, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "H41 2nd consecutive uncontrolled + first ADR → class 3, referral kept",
            htn(AGE_60, bp(150, 92, b -> b.adverseReaction(true)))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.ADVERSE_REACTION, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H42 first uncontrolled + complication → class 4, referral",
            htn(AGE_60, bp(150, 92, b -> b.newOrWorseComplication(true)))
                .expect(Classification.COMPLICATION, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H43 ADR + complication → class 4",
            htn(AGE_60, bp(128, 80, b -> b.adverseReaction(true).newOrWorseComplication(true)))
                .expect(Classification.COMPLICATION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "H44 SBP 186 + complication → class 4, urgent referral",
            htn(AGE_60, bp(186, 100, b -> b.newOrWorseComplication(true)))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.COMPLICATION, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "H45 SBP 182 as 2nd consecutive uncontrolled → urgent referral wins",
            htn(AGE_60, bp(182, 96))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));

    // §1.3 telephone visits: not face-to-face, no measured BP.
    rows.add(
        row(
            "H46 phone visit, nothing to report → no class, face-to-face within 14 d [INF]",
            htn(AGE_72, phone(b -> b.hypertensionSymptoms(HypertensionSymptom.NONE)))
                .expect(null, null, 14)
                .controlled(null)));
    rows.add(
        row(
            "H47 phone visit, patient reports severe headache → urgent referral",
            htn(AGE_72, phone(b -> b.reportedDangerSigns(DangerSign.SEVERE_HEADACHE_OR_DIZZINESS)))
                .signs(DangerSign.SEVERE_HEADACHE_OR_DIZZINESS)
                .expect(null, NextStep.URGENT_REFERRAL, 14)
                .controlled(null)));
    rows.add(
        row(
            "H48 phone visit in between is skipped: previous face-to-face class 2 → referral",
            htn(AGE_72, bp(158, 92))
                .after(previous(35, Classification.UNCONTROLLED, false))
                .expect(Classification.UNCONTROLLED, NextStep.REFERRAL, 14)
                .controlled(false)));

    // Due dates across month, year and leap day.
    rows.add(
        row(
            "H49 controlled on 2025-12-20 → next follow-up by 2026-03-20",
            htn(AGE_60, bp(128, 78, b -> b.visitDate(LocalDate.of(2025, 12, 20))))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .due(LocalDate.of(2026, 3, 20))
                .controlled(true)));
    rows.add(
        row(
            "H50 first uncontrolled on 2025-12-20 → recheck by 2026-01-03",
            htn(AGE_60, bp(148, 88, b -> b.visitDate(LocalDate.of(2025, 12, 20))))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .due(LocalDate.of(2026, 1, 3))
                .controlled(false)));
    rows.add(
        row(
            "H51 danger sign on 2024-02-20 → referral follow-up by 2024-03-05 (leap year)",
            htn(AGE_60, bp(190, 112, b -> b.visitDate(LocalDate.of(2024, 2, 20))))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .due(LocalDate.of(2024, 3, 5))
                .controlled(false)));
    return rows.stream();
  }

  static Stream<Arguments> diabetesCases() {
    List<Arguments> rows = new ArrayList<>();
    // §2.5 control: FPG < 7.0; §2.4 glucose ≥16.7 or ≤3.9.
    rows.add(
        row(
            "D01 55y FPG 6.9 controlled → routine",
            dm(AGE_55, fpg(6.9))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "D02 55y FPG 7.0 first uncontrolled → 2-week recheck",
            dm(AGE_55, fpg(7.0))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "D03 FPG 4.0 controlled, no danger sign",
            dm(AGE_72, fpg(4.0))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "D04 FPG 3.9 hypoglycaemia danger sign → urgent referral",
            dm(AGE_72, fpg(3.9))
                .signs(DangerSign.GLUCOSE_VERY_LOW)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D05 FPG 2.8 danger sign",
            dm(AGE_90, fpg(2.8))
                .signs(DangerSign.GLUCOSE_VERY_LOW)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D06 FPG 16.6 uncontrolled, no danger sign",
            dm(AGE_60, fpg(16.6))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "D07 FPG 16.7 danger sign, class 2 kept",
            dm(AGE_60, fpg(16.7))
                .signs(DangerSign.GLUCOSE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "D08 FPG 22.4 danger sign",
            dm(AGE_80_BIRTHDAY, fpg(22.4))
                .signs(DangerSign.GLUCOSE_VERY_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "D09 heart rate 100 is not > 100: no danger sign",
            dm(AGE_60, fpg(6.1, b -> b.heartRate(100)))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "D10 heart rate 101 → tachycardia danger sign",
            dm(AGE_60, fpg(6.1, b -> b.heartRate(101)))
                .signs(DangerSign.TACHYCARDIA)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D11 temperature 39.0 ℃ is not > 39: no danger sign",
            dm(AGE_60, fpg(6.1, b -> b.temperature(39.0)))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    rows.add(
        row(
            "D12 temperature 39.1 ℃ → fever danger sign",
            dm(AGE_60, fpg(6.1, b -> b.temperature(39.1)))
                .signs(DangerSign.HIGH_FEVER)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D13 DM visit SBP 180 → danger sign; FPG 6.5 keeps class 1",
            dm(AGE_60, fpg(6.5, b -> b.bloodPressure(180, 90)))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D14 DM visit DBP 110 → danger sign",
            dm(AGE_60, fpg(6.5, b -> b.bloodPressure(170, 110)))
                .signs(DangerSign.BLOOD_PRESSURE_VERY_HIGH)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D15 DM visit BP 165/95 with FPG 6.5: DM class uses FPG only → controlled",
            dm(AGE_60, fpg(6.5, b -> b.bloodPressure(165, 95)))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)));
    DangerSign[] reported = {
      DangerSign.ALTERED_CONSCIOUSNESS_OR_BEHAVIOUR,
      DangerSign.ACETONE_BREATH,
      DangerSign.PALPITATIONS,
      DangerSign.SWEATING,
      DangerSign.LOSS_OF_APPETITE,
      DangerSign.NAUSEA,
      DangerSign.VOMITING,
      DangerSign.POLYDIPSIA,
      DangerSign.POLYURIA,
      DangerSign.ABDOMINAL_PAIN,
      DangerSign.DEEP_RAPID_BREATHING,
      DangerSign.FLUSHED_SKIN,
      DangerSign.SUDDEN_VISION_LOSS,
      DangerSign.UNMANAGEABLE_OTHER_DISEASE
    };
    int n = 16;
    for (DangerSign sign : reported) {
      rows.add(
          row(
              "D" + n++ + " FPG 8.4 + " + sign.labelZh() + ": urgent referral, class 2 kept",
              dm(AGE_72, fpg(8.4, b -> b.reportedDangerSigns(sign)))
                  .signs(sign)
                  .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                  .controlled(false)));
    }
    rows.add(
        row(
            "D30 pregnant FPG 7.4: glucose above normal while pregnant → urgent [GK-verify]",
            dm(AGE_36_PREGNANT, fpg(7.4))
                .signs(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH)
                .expect(Classification.UNCONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "D31 province sets pregnancy 'above normal' at FPG 5.1: pregnant FPG 5.3 urgent",
            dm(AGE_36_PREGNANT, fpg(5.3))
                .ruleSet(BPHS.toBuilder().id("gdm-5.1").pregnancyGlucoseAtLeast(5.1).build())
                .signs(DangerSign.PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH)
                .expect(Classification.CONTROLLED, NextStep.URGENT_REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D32 2nd consecutive FPG ≥7 (previous face-to-face class 2) → referral",
            dm(AGE_72, fpg(8.2))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.UNCONTROLLED, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "D33 FPG 8.2 after a controlled visit → first time",
            dm(AGE_72, fpg(8.2))
                .after(previous(91, Classification.CONTROLLED, true))
                .expect(Classification.UNCONTROLLED, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(false)));
    rows.add(
        row(
            "D34 first ADR, FPG 6.0 → class 3, 2-week follow-up",
            dm(AGE_72, fpg(6.0, b -> b.adverseReaction(true)))
                .expect(Classification.ADVERSE_REACTION, NextStep.FIRST_UNCONTROLLED_RECHECK, 14)
                .controlled(true)));
    rows.add(
        row(
            "D35 ADR hard to control → class 3, referral",
            dm(AGE_72, fpg(6.0, b -> b.adverseReaction(true).adverseReactionHardToControl(true)))
                .expect(Classification.ADVERSE_REACTION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D35a adverse reaction again after class 3 → persisting, referral",
            dm(AGE_72, fpg(6.0, b -> b.adverseReaction(true)))
                .after(previous(14, Classification.ADVERSE_REACTION, true))
                .expect(Classification.ADVERSE_REACTION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D36 worsening complication → class 4, referral",
            dm(AGE_72, fpg(6.0, b -> b.newOrWorseComplication(true)))
                .expect(Classification.COMPLICATION, NextStep.REFERRAL, 14)
                .controlled(true)));
    rows.add(
        row(
            "D37 FPG 9.1 2nd consecutive + complication → class 4, referral",
            dm(AGE_72, fpg(9.1, b -> b.newOrWorseComplication(true)))
                .after(previous(14, Classification.UNCONTROLLED, false))
                .expect(Classification.COMPLICATION, NextStep.REFERRAL, 14)
                .controlled(false)));
    rows.add(
        row(
            "D38 phone visit, patient reports vomiting → urgent referral",
            dm(AGE_72, phone(b -> b.reportedDangerSigns(DangerSign.VOMITING)))
                .signs(DangerSign.VOMITING)
                .expect(null, NextStep.URGENT_REFERRAL, 14)
                .controlled(null)));
    rows.add(
        row(
            "D39 phone visit, nothing to report → no class [INF 14 d]",
            dm(AGE_72, phone(b -> b.diabetesSymptoms(DiabetesSymptom.NONE)))
                .expect(null, null, 14)
                .controlled(null)));
    return rows.stream();
  }

  static Stream<Arguments> clinicalTargetCases() {
    List<Arguments> rows = new ArrayList<>();
    // §1.8 design rule: bphs_controlled drives the class and the indicator; the 2025 guideline
    // target (<130/80 under 80; <150/90 from 80) is advisory only.
    rows.add(
        row(
            "T01 guideline 2025, 55y 135/85: BPHS controlled, target <130/80 missed",
            htn(AGE_55, bp(135, 85))
                .ruleSet(GUIDELINE_2025)
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(false)));
    rows.add(
        row(
            "T02 guideline 2025, 79y 145/85: BPHS controlled, target <130/80 missed",
            htn(AGE_79_EVE_OF_80, bp(145, 85))
                .ruleSet(GUIDELINE_2025)
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(false)));
    rows.add(
        row(
            "T03 guideline 2025, 80y 145/85: target <150/90 met",
            htn(AGE_80_BIRTHDAY, bp(145, 85))
                .ruleSet(GUIDELINE_2025)
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(true)));
    rows.add(
        row(
            "T04 guideline 2025, 55y 128/78: target met",
            htn(AGE_55, bp(128, 78))
                .ruleSet(GUIDELINE_2025)
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(true)));
    rows.add(
        row(
            "T05 DM guideline 2022, FPG 4.2: BPHS controlled, target 4.4–7.0 missed",
            dm(AGE_60, fpg(4.2))
                .ruleSet(GUIDELINE_2025)
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(false)));
    rows.add(
        row(
            "T06 BPHS only (no guideline targets): 55y 135/85, target not assessed",
            htn(AGE_55, bp(135, 85))
                .expect(Classification.CONTROLLED, NextStep.ROUTINE, 90)
                .controlled(true)
                .targetMet(null)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"hypertensionCases", "diabetesCases", "clinicalTargetCases"})
  void assess_followsTheStandard(AssessCase c) {
    Assessment a = new Assessor(c.ruleSet).assess(c.disease, c.patient, c.visit, c.previous);

    assertThat(a.dangerSigns()).as("danger signs").containsExactlyInAnyOrderElementsOf(c.signs);
    assertThat(a.urgentReferral()).as("urgent referral").isEqualTo(!c.signs.isEmpty());
    assertThat(a.classification()).as("classification").isEqualTo(c.classification);
    assertThat(a.nextStep()).as("next step").isEqualTo(c.nextStep);
    assertThat(a.nextDueDate()).as("due date").isEqualTo(c.due);
    assertThat(a.bphsControlled()).as("bphsControlled").isEqualTo(c.controlled);
    if (c.checkTarget) {
      assertThat(a.clinicalTargetMet()).as("clinicalTargetMet").isEqualTo(c.targetMet);
    }
    assertThat(a.ruleSetId()).isEqualTo(c.ruleSet.id());
    assertThat(a.ageAtVisit()).isEqualTo(c.patient.ageOn(c.visit.visitDate()));
  }

  // ---------------------------------------------------------------------------------------------
  // One encounter, both diseases (§8.5, §3): each disease keeps its own classification.
  // ---------------------------------------------------------------------------------------------

  /** A clinic encounter of a patient with both diseases: BP, FPG and the given extras. */
  private static VisitInput both(
      int systolic, int diastolic, double glucose, UnaryOperator<VisitInput.Builder> more) {
    return more.apply(
            VisitInput.newBuilder()
                .visitDate(VISIT)
                .mode(VisitMode.CLINIC)
                .bloodPressure(systolic, diastolic)
                .fastingGlucose(glucose)
                .hypertensionSymptoms(HypertensionSymptom.NONE)
                .diabetesSymptoms(DiabetesSymptom.NONE))
        .build();
  }

  static Stream<Arguments> bothDiseaseCases() {
    return Stream.of(
        arguments(
            named(
                "B01 60y BP 150/85, FPG 6.2 → HTN first uncontrolled, DM controlled",
                both(150, 85, 6.2, b -> b)),
            null,
            null,
            Classification.UNCONTROLLED,
            NextStep.FIRST_UNCONTROLLED_RECHECK,
            false,
            Classification.CONTROLLED,
            NextStep.ROUTINE,
            false),
        arguments(
            named(
                "B02 60y BP 130/80, FPG 8.1 → HTN controlled, DM first uncontrolled",
                both(130, 80, 8.1, b -> b)),
            null,
            null,
            Classification.CONTROLLED,
            NextStep.ROUTINE,
            false,
            Classification.UNCONTROLLED,
            NextStep.FIRST_UNCONTROLLED_RECHECK,
            false),
        arguments(
            named(
                "B03 HR 112: tachycardia is a DM danger sign only",
                both(130, 80, 6.0, b -> b.heartRate(112))),
            null,
            null,
            Classification.CONTROLLED,
            NextStep.ROUTINE,
            false,
            Classification.CONTROLLED,
            NextStep.URGENT_REFERRAL,
            true),
        arguments(
            named("B04 BP 185/95: danger sign on both lists", both(185, 95, 8.0, b -> b)),
            null,
            null,
            Classification.UNCONTROLLED,
            NextStep.URGENT_REFERRAL,
            true,
            Classification.UNCONTROLLED,
            NextStep.URGENT_REFERRAL,
            true),
        arguments(
            named("B05 FPG 18.0: glucose danger sign for DM only", both(130, 80, 18.0, b -> b)),
            null,
            null,
            Classification.CONTROLLED,
            NextStep.ROUTINE,
            false,
            Classification.UNCONTROLLED,
            NextStep.URGENT_REFERRAL,
            true),
        arguments(
            named(
                "B06 consecutive is per disease: HTN prev class 2, DM prev class 1",
                both(152, 95, 7.8, b -> b)),
            previous(14, Classification.UNCONTROLLED, false),
            previous(14, Classification.CONTROLLED, true),
            Classification.UNCONTROLLED,
            NextStep.REFERRAL,
            false,
            Classification.UNCONTROLLED,
            NextStep.FIRST_UNCONTROLLED_RECHECK,
            false),
        arguments(
            named(
                "B07 severe headache (HTN list) → HTN urgent; DM classified on FPG",
                both(
                    132,
                    82,
                    6.3,
                    b -> b.reportedDangerSigns(DangerSign.SEVERE_HEADACHE_OR_DIZZINESS))),
            null,
            null,
            Classification.CONTROLLED,
            NextStep.URGENT_REFERRAL,
            true,
            Classification.CONTROLLED,
            NextStep.ROUTINE,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothDiseaseCases")
  void bothDiseases_areAssessedSeparately(
      VisitInput visit,
      @Nullable PreviousVisit previousHtn,
      @Nullable PreviousVisit previousDm,
      Classification htnClass,
      NextStep htnStep,
      boolean htnUrgent,
      Classification dmClass,
      NextStep dmStep,
      boolean dmUrgent) {
    Assessor assessor = new Assessor(BPHS);
    Assessment htn = assessor.assess(Disease.HYPERTENSION, AGE_60, visit, previousHtn);
    Assessment dm = assessor.assess(Disease.DIABETES, AGE_60, visit, previousDm);

    assertThat(htn.classification()).as("HTN class").isEqualTo(htnClass);
    assertThat(htn.nextStep()).as("HTN step").isEqualTo(htnStep);
    assertThat(htn.urgentReferral()).as("HTN urgent").isEqualTo(htnUrgent);
    assertThat(dm.classification()).as("DM class").isEqualTo(dmClass);
    assertThat(dm.nextStep()).as("DM step").isEqualTo(dmStep);
    assertThat(dm.urgentReferral()).as("DM urgent").isEqualTo(dmUrgent);
    assertThat(htn.dangerSigns()).allMatch(s -> s.appliesTo(Disease.HYPERTENSION));
    assertThat(dm.dangerSigns()).allMatch(s -> s.appliesTo(Disease.DIABETES));
  }

  // ---------------------------------------------------------------------------------------------
  // Validation (§4.4): hard errors block saving; plausibility ranges are soft warnings.
  // ---------------------------------------------------------------------------------------------

  private static VisitInput.Builder htnVisit() {
    return VisitInput.newBuilder()
        .visitDate(VISIT)
        .mode(VisitMode.CLINIC)
        .hypertensionSymptoms(HypertensionSymptom.NONE);
  }

  private static VisitInput.Builder dmVisit() {
    return VisitInput.newBuilder()
        .visitDate(VISIT)
        .mode(VisitMode.HOME)
        .diabetesSymptoms(DiabetesSymptom.NONE);
  }

  /**
   * One validation row: expected errors and warnings as "field:CODE" strings, in any order. An
   * empty list means none.
   */
  private static Arguments check(
      String name,
      Disease disease,
      VisitInput.Builder visit,
      List<String> errors,
      List<String> warnings) {
    return arguments(named(name, disease), visit.build(), errors, warnings);
  }

  private static List<String> none() {
    return new ArrayList<>();
  }

  private static List<String> issues(String... issues) {
    return Arrays.asList(issues);
  }

  static Stream<Arguments> validationCases() {
    Disease h = Disease.HYPERTENSION;
    Disease d = Disease.DIABETES;
    return Stream.of(
        check(
            "V01 complete clinic HTN visit 136/84, HR 72, 68.5 kg → clean",
            h,
            htnVisit().bloodPressure(136, 84).heartRate(72).weightKg(68.5),
            none(),
            none()),
        check(
            "V02 clinic HTN visit without BP → SBP and DBP required",
            h,
            htnVisit(),
            issues("systolic:REQUIRED", "diastolic:REQUIRED"),
            none()),
        check(
            "V03 home HTN visit with SBP only → DBP required",
            h,
            htnVisit().mode(VisitMode.HOME).systolic(150),
            issues("diastolic:REQUIRED"),
            none()),
        check(
            "V04 home DM visit without FPG → FPG required",
            d,
            dmVisit(),
            issues("fastingGlucose:REQUIRED"),
            none()),
        check(
            "V05 clinic DM visit with FPG but no BP → valid (BP required on HTN visits)",
            d,
            dmVisit().mode(VisitMode.CLINIC).fastingGlucose(6.8),
            none(),
            none()),
        check(
            "V06 phone HTN visit without BP → valid",
            h,
            htnVisit().mode(VisitMode.PHONE),
            none(),
            none()),
        check(
            "V07 phone DM visit without FPG → valid",
            d,
            dmVisit().mode(VisitMode.PHONE),
            none(),
            none()),
        check(
            "V08 phone HTN visit with a BP → error (phone cannot measure) [INF]",
            h,
            htnVisit().mode(VisitMode.PHONE).bloodPressure(150, 90),
            issues(
                "systolic:PHONE_VISIT_HAS_MEASUREMENTS", "diastolic:PHONE_VISIT_HAS_MEASUREMENTS"),
            none()),
        check(
            "V09 无症状 with 头痛头晕 → error",
            h,
            htnVisit()
                .bloodPressure(136, 84)
                .hypertensionSymptoms(
                    HypertensionSymptom.NONE, HypertensionSymptom.HEADACHE_DIZZINESS),
            issues("hypertensionSymptoms:NO_SYMPTOMS_WITH_OTHERS"),
            none()),
        check(
            "V10 无症状 with 多尿 → error",
            d,
            dmVisit()
                .fastingGlucose(6.8)
                .diabetesSymptoms(DiabetesSymptom.NONE, DiabetesSymptom.POLYURIA),
            issues("diabetesSymptoms:NO_SYMPTOMS_WITH_OTHERS"),
            none()),
        check(
            "V11 SBP 58 (below 60) → soft warning only",
            h,
            htnVisit().bloodPressure(58, 40),
            none(),
            issues("systolic:IMPLAUSIBLE")),
        check(
            "V12 DBP 28 (below 30) → soft warning only",
            h,
            htnVisit().bloodPressure(96, 28),
            none(),
            issues("diastolic:IMPLAUSIBLE")),
        check(
            "V13 DBP 205 (above 200) → soft warning only",
            h,
            htnVisit().bloodPressure(260, 205),
            none(),
            issues("diastolic:IMPLAUSIBLE")),
        check(
            "V14 SBP 120 ≤ DBP 125 → hard error (the project issue makes SBP ≤ DBP impossible)",
            h,
            htnVisit().bloodPressure(120, 125),
            issues("systolic:SBP_NOT_ABOVE_DBP"),
            none()),
        check(
            "V15 SBP = DBP 100 → hard error",
            h,
            htnVisit().bloodPressure(100, 100),
            issues("systolic:SBP_NOT_ABOVE_DBP"),
            none()),
        check(
            "V16 HR 28 and weight 19 kg → soft warnings",
            h,
            htnVisit().bloodPressure(130, 80).heartRate(28).weightKg(19.0),
            none(),
            issues("heartRate:IMPLAUSIBLE", "weightKg:IMPLAUSIBLE")),
        check(
            "V17 HR 225 and weight 252 kg → soft warnings",
            h,
            htnVisit().bloodPressure(130, 80).heartRate(225).weightKg(252.0),
            none(),
            issues("heartRate:IMPLAUSIBLE", "weightKg:IMPLAUSIBLE")),
        check(
            "V18 FPG 0.9 → soft warning",
            d,
            dmVisit().fastingGlucose(0.9),
            none(),
            issues("fastingGlucose:IMPLAUSIBLE")),
        check(
            "V19 FPG 34.0 → soft warning",
            d,
            dmVisit().fastingGlucose(34.0),
            none(),
            issues("fastingGlucose:IMPLAUSIBLE")),
        check(
            "V20 all plausibility bounds themselves (ranges inclusive) → clean",
            h,
            htnVisit().bloodPressure(300, 200).heartRate(220).weightKg(250.0).fastingGlucose(33.3),
            none(),
            none()),
        check(
            "V21 lower plausibility bounds → clean",
            d,
            dmVisit().bloodPressure(60, 30).heartRate(30).weightKg(20.0).fastingGlucose(1.0),
            none(),
            none()),
        check(
            "V22 visit dated tomorrow → error [INF]",
            h,
            htnVisit().visitDate(VISIT.plusDays(1)).bloodPressure(130, 80),
            issues("visitDate:FUTURE_DATE"),
            none()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationCases")
  void validate_followsTheStandard(
      Disease disease, VisitInput visit, List<String> errors, List<String> warnings) {
    ValidationResult result = VisitValidator.validate(BPHS, disease, AGE_60, visit, VISIT);

    assertThat(result.errors())
        .extracting(i -> i.field() + ":" + i.code())
        .as("errors")
        .containsExactlyInAnyOrderElementsOf(errors);
    assertThat(result.warnings())
        .extracting(i -> i.field() + ":" + i.code())
        .as("warnings")
        .containsExactlyInAnyOrderElementsOf(warnings);
    assertThat(result.isValid()).isEqualTo(errors.isEmpty());
  }

  // ---------------------------------------------------------------------------------------------
  // Resident ID numbers (§6.1, GB 11643-1999)
  // ---------------------------------------------------------------------------------------------

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** The ISO 7064 MOD 11-2 check character, computed here from §6.1, independently of the code. */
  private static String withCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static Stream<Arguments> validResidentIds() {
    return Stream.of(
        arguments(
            named("R01 verified 11010519491231002X", "11010519491231002X"),
            "11010519491231002X",
            LocalDate.of(1949, 12, 31),
            Sex.FEMALE,
            false),
        arguments(
            named("R02 verified 34052419800101001X", "34052419800101001X"),
            "34052419800101001X",
            LocalDate.of(1980, 1, 1),
            Sex.MALE,
            false),
        arguments(
            named("R03 verified 370101190102039973", "370101190102039973"),
            "370101190102039973",
            LocalDate.of(1901, 2, 3),
            Sex.MALE,
            false),
        arguments(
            named("R04 verified 440524188001010014 (born 1880)", "440524188001010014"),
            "440524188001010014",
            LocalDate.of(1880, 1, 1),
            Sex.MALE,
            false),
        arguments(
            named("R05 lower-case x accepted, normalised to X", "11010519491231002x"),
            "11010519491231002X",
            LocalDate.of(1949, 12, 31),
            Sex.FEMALE,
            false),
        arguments(
            named("R06 15-digit 110105491231002 → 11010519491231002X", "110105491231002"),
            "11010519491231002X",
            LocalDate.of(1949, 12, 31),
            Sex.FEMALE,
            true),
        arguments(
            named("R07 15-digit 340524800101001 → 34052419800101001X", "340524800101001"),
            "34052419800101001X",
            LocalDate.of(1980, 1, 1),
            Sex.MALE,
            true),
        arguments(
            named("R08 29 Feb of a leap year (1948)", withCheck("41052719480229004")),
            withCheck("41052719480229004"),
            LocalDate.of(1948, 2, 29),
            Sex.FEMALE,
            false),
        arguments(
            named("R09 abolished county code 429001 still valid", withCheck("42900119580312005")),
            withCheck("42900119580312005"),
            LocalDate.of(1958, 3, 12),
            Sex.MALE,
            false),
        arguments(
            named("R10 born today is not in the future", withCheck("32050820250616003")),
            withCheck("32050820250616003"),
            VISIT,
            Sex.MALE,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validResidentIds")
  void residentId_valid(
      String raw, String normalised, LocalDate birthDate, Sex sex, boolean upgraded) {
    ResidentIdCheck check = ResidentId.check(raw, VISIT);

    assertThat(check.isValid()).as(String.valueOf(check.code())).isTrue();
    ResidentId id = check.residentId();
    assertThat(id.number()).isEqualTo(normalised);
    assertThat(id.birthDate()).isEqualTo(birthDate);
    assertThat(id.sex()).isEqualTo(sex);
    assertThat(id.upgradedFrom15()).isEqualTo(upgraded);
    assertThat(ResidentId.parse(raw, VISIT)).isEqualTo(id);
  }

  static Stream<Arguments> invalidResidentIds() {
    return Stream.of(
        arguments(
            named("R11 wrong check character", "110105194912310021"), ResidentIdError.CHECK_DIGIT),
        arguments(
            named("R12 check X where 7 is due", "370101190102039971"), ResidentIdError.CHECK_DIGIT),
        arguments(
            named("R13 30 February", withCheck("11010519490230002")),
            ResidentIdError.BIRTH_DATE_INVALID),
        arguments(
            named("R14 29 Feb of a common year (1949)", withCheck("11010519490229002")),
            ResidentIdError.BIRTH_DATE_INVALID),
        arguments(
            named("R15 month 13", withCheck("11010519491301002")),
            ResidentIdError.BIRTH_DATE_INVALID),
        arguments(
            named("R16 day 00", withCheck("11010519490100002")),
            ResidentIdError.BIRTH_DATE_INVALID),
        arguments(
            named("R17 15-digit with 31 April", "110105490431002"),
            ResidentIdError.BIRTH_DATE_INVALID),
        arguments(
            named("R18 birth date in the future (2030)", withCheck("11010520300101002")),
            ResidentIdError.BIRTH_DATE_IN_FUTURE),
        arguments(
            named("R19 birth date tomorrow", withCheck("11010520250617002")),
            ResidentIdError.BIRTH_DATE_IN_FUTURE),
        arguments(named("R20 17 characters", "11010519491231002"), ResidentIdError.FORMAT),
        arguments(named("R21 16 digits", "1101051949123100"), ResidentIdError.FORMAT),
        arguments(
            named("R22 X not in last position", "1101051949123100X2"), ResidentIdError.FORMAT),
        arguments(
            named("R23 letter in a 15-digit number", "11010549123100A"), ResidentIdError.FORMAT),
        arguments(named("R24 19 characters", "11010519491231002X1"), ResidentIdError.FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidResidentIds")
  void residentId_invalid(String raw, ResidentIdError error) {
    ResidentIdCheck check = ResidentId.check(raw, VISIT);

    assertThat(check.isValid()).isFalse();
    assertThat(check.error()).isEqualTo(error);
    assertThat(check.code()).isEqualTo(error.name());
    assertThat(ResidentId.parse(raw, VISIT)).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // Health record numbers (§6.2): 6 county + 3 township + 3 village + 5 serial
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> validHealthRecordNumbers() {
    return Stream.of(
        arguments(
            named("N01 village committee 101", "32050801910100023"),
            VillageKind.VILLAGE_COMMITTEE,
            "10100023",
            "101-00023"),
        arguments(
            named("N02 residents' committee 001", "32050801900100001"),
            VillageKind.RESIDENTS_COMMITTEE,
            "00100001",
            "001-00001"),
        arguments(
            named("N03 residents' committee 099", "32050801909912345"),
            VillageKind.RESIDENTS_COMMITTEE,
            "09912345",
            "099-12345"),
        arguments(
            named("N04 village committee 199", "62010210319999999"),
            VillageKind.VILLAGE_COMMITTEE,
            "19999999",
            "199-99999"),
        arguments(
            named("N05 other organisation 901", "62010210390100007"),
            VillageKind.OTHER,
            "90100007",
            "901-00007"),
        arguments(
            named("N06 other organisation 999", "62010210399900007"),
            VillageKind.OTHER,
            "99900007",
            "999-00007"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validHealthRecordNumbers")
  void healthRecordNumber_valid(String raw, VillageKind kind, String last8, String dashed) {
    HealthRecordNumberCheck check = HealthRecordNumber.check(raw);

    assertThat(check.isValid()).as(String.valueOf(check.code())).isTrue();
    HealthRecordNumber number = check.healthRecordNumber();
    assertThat(number.number()).isEqualTo(raw);
    assertThat(number.countyCode()).isEqualTo(raw.substring(0, 6));
    assertThat(number.townshipSegment()).isEqualTo(raw.substring(6, 9));
    assertThat(number.villageSegment()).isEqualTo(raw.substring(9, 12));
    assertThat(number.serial()).isEqualTo(raw.substring(12));
    assertThat(number.villageKind()).isEqualTo(kind);
    assertThat(number.lastEight()).isEqualTo(last8);
    assertThat(number.lastEightDashed()).isEqualTo(dashed);
  }

  static Stream<Arguments> invalidHealthRecordNumbers() {
    return Stream.of(
        arguments(
            named("N07 village segment 000", "32050801900000023"),
            HealthRecordNumberError.VILLAGE_SEGMENT),
        arguments(
            named("N08 village segment 100", "32050801910000023"),
            HealthRecordNumberError.VILLAGE_SEGMENT),
        arguments(
            named("N09 NBS village code 220 copied in", "32050801922000023"),
            HealthRecordNumberError.VILLAGE_SEGMENT),
        arguments(
            named("N10 village segment 900", "32050801990000023"),
            HealthRecordNumberError.VILLAGE_SEGMENT),
        arguments(named("N11 16 digits", "3205080191010002"), HealthRecordNumberError.FORMAT),
        arguments(named("N12 18 digits", "320508019101000231"), HealthRecordNumberError.FORMAT),
        arguments(
            named("N13 dash as on paper", "320508019101-00023"), HealthRecordNumberError.FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidHealthRecordNumbers")
  void healthRecordNumber_invalid(String raw, HealthRecordNumberError error) {
    HealthRecordNumberCheck check = HealthRecordNumber.check(raw);

    assertThat(check.isValid()).isFalse();
    assertThat(check.error()).isEqualTo(error);
    assertThat(HealthRecordNumber.parse(raw)).isNull();
  }
}
