/**
 * The clinical rules of the National Basic Public Health Service (3rd edition) for hypertension and
 * type 2 diabetes follow-up: danger signs, visit classification, next-step codes and due dates, and
 * the validation of measured values and identity numbers. Pure Java: no I/O and no clock reads, so
 * a tablet and the server always reach the same answer for the same visit.
 *
 * <p>Every threshold and interval lives in a {@link org.suifang.rules.RuleSet}; record its {@link
 * org.suifang.rules.RuleSet#id() id} with each visit. Validate first, then assess each disease
 * separately:
 *
 * <pre>{@code
 * RuleSet ruleSet = RuleSets.BPHS_2017;
 * PatientContext patient = PatientContext.newBuilder()
 *     .birthDate(LocalDate.of(1958, 3, 2)).sex(Sex.MALE).hasHypertension(true).build();
 * VisitInput visit = VisitInput.newBuilder()
 *     .visitDate(LocalDate.of(2025, 6, 16)).mode(VisitMode.CLINIC)
 *     .systolic(156).diastolic(88).hypertensionSymptoms(HypertensionSymptom.NONE).build();
 *
 * ValidationResult result =
 *     VisitValidator.validate(ruleSet, Disease.HYPERTENSION, patient, visit, today);
 * if (result.isValid()) {
 *   PreviousVisit previous =
 *       PreviousVisit.of(LocalDate.of(2025, 3, 10), Classification.UNCONTROLLED, false);
 *   Assessment assessment =
 *       new Assessor(ruleSet).assess(Disease.HYPERTENSION, patient, visit, previous);
 *   assessment.classification();   // UNCONTROLLED (age 67: limit 150/90)
 *   assessment.nextStep();         // REFERRAL (second uncontrolled visit in a row)
 *   assessment.nextDueDate();      // 2025-06-30
 * }
 * }</pre>
 *
 * <p>All types are immutable and thread-safe. Parameters and return values are non-null unless
 * marked {@code @Nullable}. {@code ExampleUsageTest} keeps this example in step with the code.
 */
@ParametersAreNonnullByDefault
package org.suifang.rules;

import javax.annotation.ParametersAreNonnullByDefault;
