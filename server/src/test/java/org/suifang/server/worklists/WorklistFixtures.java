package org.suifang.server.worklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.suifang.rules.Assessment;
import org.suifang.rules.Assessor;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.PatientContext;
import org.suifang.rules.PreviousVisit;
import org.suifang.rules.RuleSets;
import org.suifang.rules.Sex;
import org.suifang.rules.VisitInput;
import org.suifang.rules.VisitMode;
import org.suifang.server.testing.TestArea;

/**
 * Writes patients and follow-ups for worklist tests straight into the tables, assessing every
 * visit with the rule library's {@link Assessor} (bphs-2017) the way the follow-up service does,
 * including the "previous face-to-face visit" it compares with. Stopgap until the patients and
 * follow-up services are on this branch.
 */
@Singleton
class WorklistFixtures {

  static final LocalDate BIRTH_DATE = LocalDate.of(1970, 3, 15);

  private final JdbcOperations jdbc;
  private final TransactionOperations<Connection> transactions;
  private final Assessor assessor = new Assessor(RuleSets.byId("bphs-2017"));
  private final AtomicLong sequence = new AtomicLong();

  WorklistFixtures(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A visit to record: the form fields the worklists depend on. */
  record Visit(Disease disease, LocalDate date, VisitMode mode, @Nullable Integer systolic,
      @Nullable Integer diastolic, @Nullable Double fastingGlucose, boolean annualCheck) {

    static Visit htn(LocalDate date, int systolic, int diastolic) {
      return new Visit(Disease.HYPERTENSION, date, VisitMode.CLINIC, systolic, diastolic, null, false);
    }

    static Visit dm(LocalDate date, double fastingGlucose) {
      return new Visit(Disease.DIABETES, date, VisitMode.CLINIC, null, null, fastingGlucose, false);
    }

    static Visit phone(Disease disease, LocalDate date) {
      return new Visit(disease, date, VisitMode.PHONE, null, null, null, false);
    }

    Visit home() {
      return new Visit(disease, date, VisitMode.HOME, systolic, diastolic, fastingGlucose, annualCheck);
    }

    Visit asAnnualCheck() {
      return new Visit(disease, date, mode, systolic, diastolic, fastingGlucose, true);
    }
  }

  /** Registers an ACTIVE patient of the village with the given diseases; returns the id. */
  UUID patient(TestArea area, String village, String name, Disease... diseases) {
    UUID id = UUID.randomUUID();
    boolean htn = java.util.Arrays.asList(diseases).contains(Disease.HYPERTENSION);
    boolean dm = java.util.Arrays.asList(diseases).contains(Disease.DIABETES);
    UUID doctor = area.userId("doc1");
    Instant now = Instant.now();
    inNewTransaction(() -> jdbc.prepareStatement("""
        INSERT INTO patient (id, name, sex, birth_date, county_code, village_code, phone, address,
          hypertension, hypertension_diagnosed_on, diabetes, diabetes_diagnosed_on, status, status_date,
          request_hash, created_by, created_at, updated_by, updated_at, version)
        VALUES (?, ?, 'MALE', ?, ?, ?, '13800000000', '一组1号', ?, ?, ?, ?, 'ACTIVE', ?, 'x', ?, ?, ?, ?, 0)""",
        ps -> {
          int i = 1;
          ps.setObject(i++, id);
          ps.setString(i++, name);
          ps.setObject(i++, BIRTH_DATE);
          ps.setString(i++, TestArea.COUNTY);
          ps.setString(i++, village);
          ps.setBoolean(i++, htn);
          ps.setObject(i++, htn ? LocalDate.of(2020, 1, 1) : null);
          ps.setBoolean(i++, dm);
          ps.setObject(i++, dm ? LocalDate.of(2020, 1, 1) : null);
          ps.setObject(i++, LocalDate.of(2020, 1, 1));
          ps.setObject(i++, doctor);
          ps.setTimestamp(i++, Timestamp.from(now));
          ps.setObject(i++, doctor);
          ps.setTimestamp(i, Timestamp.from(now));
          return ps.executeUpdate();
        }));
    return id;
  }

  /** Sets the patient's status: LOST_TO_FOLLOW_UP, or TERMINATED (reason DEATH). */
  void status(UUID patient, String status) {
    inNewTransaction(() -> jdbc.prepareStatement(
        "UPDATE patient SET status = ?, status_reason = ? WHERE id = ?", ps -> {
          ps.setString(1, status);
          ps.setString(2, "TERMINATED".equals(status) ? "DEATH" : null);
          ps.setObject(3, patient);
          return ps.executeUpdate();
        }));
  }

  /** Records a visit, assessed by the rules; returns its id. */
  UUID visit(TestArea area, UUID patient, Visit v) {
    return insert(area, patient, v, null);
  }

  /** Corrects a visit: the correction is a new record amending it; returns the new id. */
  UUID amend(TestArea area, UUID original, UUID patient, Visit corrected) {
    return insert(area, patient, corrected, original);
  }

  /** Voids a visit. */
  void voidVisit(TestArea area, UUID id) {
    inNewTransaction(() -> jdbc.prepareStatement(
        "UPDATE follow_up SET voided_at = ?, voided_by = ?, void_reason = 'wrong patient' WHERE id = ?", ps -> {
          ps.setTimestamp(1, Timestamp.from(Instant.now()));
          ps.setObject(2, area.userId("doc1"));
          ps.setObject(3, id);
          return ps.executeUpdate();
        }));
  }

  private UUID insert(TestArea area, UUID patient, Visit v, @Nullable UUID amends) {
    UUID id = UUID.randomUUID();
    PatientContext context = PatientContext.newBuilder().birthDate(BIRTH_DATE).sex(Sex.MALE)
        .hasHypertension(true).hasDiabetes(true).build();
    VisitInput input = VisitInput.newBuilder().visitDate(v.date()).mode(v.mode())
        .systolic(v.systolic()).diastolic(v.diastolic()).fastingGlucose(v.fastingGlucose()).build();
    PreviousVisit previous = inNewTransaction(() -> previous(patient, v, amends));
    Assessment a = assessor.assess(v.disease(), context, input, previous);
    // Distinct, increasing receipt times keep "latest" unambiguous for same-day records.
    Instant received = Instant.now().plusMillis(sequence.incrementAndGet());
    UUID doctor = area.userId("doc1");
    inNewTransaction(() -> jdbc.prepareStatement("""
        INSERT INTO follow_up (id, patient_id, disease, visit_date, mode, symptoms, systolic, diastolic,
          fasting_glucose, adverse_reaction, adverse_reaction_hard_to_control, new_or_worse_complication,
          reported_danger_signs, pregnant_or_breastfeeding, annual_check, next_visit_date, doctor_id,
          received_at, rule_set_id, age_at_visit, danger_signs, urgent_referral, classification, next_step,
          recommended_action_zh, recommended_action_en, due_date, bphs_controlled, amends, amend_reason,
          request_hash, updated_at, version)
        VALUES (?, ?, ?, ?, ?, 'NONE', ?, ?, ?, FALSE, FALSE, FALSE, '', FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
          ?, ?, ?, ?, ?, ?, 'x', ?, 0)""", ps -> {
          int i = 1;
          ps.setObject(i++, id);
          ps.setObject(i++, patient);
          ps.setString(i++, v.disease().name());
          ps.setObject(i++, v.date());
          ps.setString(i++, v.mode().name());
          ps.setObject(i++, v.systolic());
          ps.setObject(i++, v.diastolic());
          ps.setObject(i++, v.fastingGlucose() == null ? null : java.math.BigDecimal.valueOf(v.fastingGlucose()));
          ps.setBoolean(i++, v.annualCheck());
          ps.setObject(i++, a.nextDueDate());
          ps.setObject(i++, doctor);
          ps.setTimestamp(i++, Timestamp.from(received));
          ps.setString(i++, a.ruleSetId());
          ps.setInt(i++, a.ageAtVisit());
          ps.setString(i++, String.join(",", a.dangerSigns().stream().map(Enum::name).toList()));
          ps.setBoolean(i++, a.urgentReferral());
          ps.setString(i++, a.classification() == null ? null : a.classification().name());
          ps.setString(i++, a.nextStep() == null ? null : a.nextStep().name());
          ps.setString(i++, a.recommendedActionZh());
          ps.setString(i++, a.recommendedActionEn());
          ps.setObject(i++, a.nextDueDate());
          ps.setObject(i++, a.bphsControlled());
          ps.setObject(i++, amends);
          ps.setString(i++, amends == null ? null : "typo");
          ps.setTimestamp(i, Timestamp.from(received));
          return ps.executeUpdate();
        }));
    return id;
  }

  private @Nullable PreviousVisit previous(UUID patient, Visit v, @Nullable UUID excluded) {
    return jdbc.prepareStatement("""
        SELECT f.visit_date, COALESCE(f.classification_override, f.classification), f.bphs_controlled
        FROM follow_up f
        WHERE f.patient_id = ? AND f.disease = ? AND f.mode <> 'PHONE' AND f.voided_at IS NULL
          AND f.visit_date < ? AND f.id <> ?
          AND NOT EXISTS (SELECT 1 FROM follow_up a WHERE a.amends = f.id)
        ORDER BY f.visit_date DESC, f.received_at DESC
        LIMIT 1""", ps -> {
          ps.setObject(1, patient);
          ps.setString(2, v.disease().name());
          ps.setObject(3, v.date());
          ps.setObject(4, excluded == null ? new UUID(0, 0) : excluded);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getString(2) == null) {
              return null;
            }
            Object controlled = rs.getObject(3);
            return PreviousVisit.of(rs.getObject(1, LocalDate.class), Classification.valueOf(rs.getString(2)),
                controlled == null ? null : (Boolean) controlled);
          }
        });
  }

  private <T> T inNewTransaction(Supplier<T> work) {
    return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> work.get());
  }
}
