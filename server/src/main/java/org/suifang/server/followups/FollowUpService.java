package org.suifang.server.followups;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.suifang.rules.Assessment;
import org.suifang.rules.Assessor;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.DiabetesSymptom;
import org.suifang.rules.Disease;
import org.suifang.rules.HypertensionSymptom;
import org.suifang.rules.Issue;
import org.suifang.rules.NextStep;
import org.suifang.rules.PatientContext;
import org.suifang.rules.PreviousVisit;
import org.suifang.rules.RuleSet;
import org.suifang.rules.ValidationResult;
import org.suifang.rules.VisitInput;
import org.suifang.rules.VisitMode;
import org.suifang.rules.VisitValidator;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;
import org.suifang.server.patients.ManagementStatus;
import org.suifang.server.patients.Patient;
import org.suifang.server.patients.PatientService;
import org.suifang.server.sync.ChangeStamps;
import org.suifang.server.sync.HeldRow;
import org.suifang.server.users.UserService;

/**
 * Records, corrects, voids and reads follow-up records.
 *
 * <p>Recording a form (and amending one) validates it with the rule library's {@link
 * VisitValidator} (errors are 400s and nothing is stored; warnings are stored with the record) and
 * assesses it with the configured {@link RuleSet}: the patient's age at the visit, conditions and
 * pregnancy flag, and the previous current face-to-face record of the same disease before the visit
 * date (read from the database) decide danger signs, classification, next step and due date.
 *
 * <p>Records are immutable: {@link #amend} stores a new record that supersedes the original, and
 * {@link #voidRecord} only sets the void columns. Only a doctor of the patient's village may write;
 * anyone whose area covers the village may read. Every method is one transaction.
 */
@Singleton
class FollowUpService {

  private static final Set<String> NOT_ON_HYPERTENSION_FORM =
      Set.of(
          "dorsalisPedis",
          "dorsalisPedisSide",
          "stapleFoodGramsPerDay",
          "targetStapleFoodGramsPerDay",
          "fastingGlucose",
          "glucoseSpecimen",
          "hba1c",
          "hba1cTestDate",
          "hypoglycaemia");
  private static final Set<String> NOT_ON_DIABETES_FORM = Set.of("saltIntake", "targetSaltIntake");

  private final FollowUpRepository followUps;
  private final FollowUpMedicationRepository medications;
  private final FollowUpWarningRepository warnings;
  private final FollowUpRows rows;
  private final PatientService patients;
  private final UserService users;
  private final RuleSet ruleSet;
  private final Assessor assessor;
  private final JsonMapper json;
  private final Clock clock;
  private final ChangeStamps stamps;
  private final Duration maxClockSkew;

  FollowUpService(
      FollowUpRepository followUps,
      FollowUpMedicationRepository medications,
      FollowUpWarningRepository warnings,
      FollowUpRows rows,
      PatientService patients,
      UserService users,
      RuleSet ruleSet,
      Assessor assessor,
      JsonMapper json,
      Clock clock,
      ChangeStamps stamps,
      @Value("${suifang.sync.max-clock-skew:5m}") Duration maxClockSkew) {
    this.followUps = followUps;
    this.medications = medications;
    this.warnings = warnings;
    this.rows = rows;
    this.patients = patients;
    this.users = users;
    this.ruleSet = ruleSet;
    this.assessor = assessor;
    this.json = json;
    this.clock = clock;
    this.stamps = stamps;
    this.maxClockSkew = maxClockSkew;
  }

  /** The outcome of a write: the record, and whether this request stored it. */
  record Recorded(FollowUpView followUp, boolean created) {}

  /**
   * The outcome of a write, without the view: the record's id, and whether this call wrote it
   * (false for a repeat of the same request, or a void of a record already voided by a pushed
   * mutation).
   */
  record Written(UUID id, boolean written) {}

  /**
   * Records a follow-up form for the patient. A repeat of the same request (same id, same content)
   * returns the stored record with {@code created == false}; the same id with other content is
   * {@link FollowUpError#FOLLOW_UP_ID_CONFLICT}.
   */
  @Transactional
  Recorded record(UUID patientId, FollowUpCommand command, CurrentUser user) {
    return recorded(record(patientId, command, user, WriteOrigin.REST));
  }

  /**
   * Records a follow-up form: the one path of the REST API and of a pushed {@code
   * FOLLOW_UP_RECORD}. Idempotent as {@link #record(UUID, FollowUpCommand, CurrentUser)}.
   */
  @Transactional
  Written record(UUID patientId, FollowUpCommand command, CurrentUser user, WriteOrigin origin) {
    Patient patient = patients.writable(patientId, user);
    // In a batch of pushed records, the earlier records this one's checks must see are inserted
    // now.
    stamps.release(r -> r instanceof HeldFollowUp held && held.seenBy(command, patient.id()));
    String hash = hash(patientId, null, null, command);
    String existing = rows.requestHash(command.id());
    if (existing != null) {
      return repeat(command.id(), existing, hash);
    }
    String prefix = origin.sync() ? "followUp." : "";
    return new Written(store(patient, command, null, null, hash, user, prefix, origin), true);
  }

  /**
   * Corrects a record: stores the corrected form as a new record (new id) that amends the original,
   * which is kept and shown as superseded. The original must be current and the disease unchanged.
   * Idempotent on the new id like {@link #record}.
   */
  @Transactional
  Recorded amend(UUID originalId, AmendCommand command, CurrentUser user) {
    return recorded(amend(originalId, command, user, WriteOrigin.REST));
  }

  /**
   * Corrects a record: the one path of the REST API and of a pushed {@code FOLLOW_UP_AMEND}, as
   * {@link #amend(UUID, AmendCommand, CurrentUser)}.
   */
  @Transactional
  Written amend(UUID originalId, AmendCommand command, CurrentUser user, WriteOrigin origin) {
    // The original may be a record held by the same batch of pushed mutations.
    stamps.release(r -> true);
    FollowUp original = find(originalId);
    Patient patient = patients.writable(original.patientId(), user);
    String reason = command.reason().trim();
    FollowUpCommand form = command.followUp();
    String hash = hash(original.patientId(), originalId, reason, form);
    String existing = rows.requestHash(form.id());
    if (existing != null) {
      return repeat(form.id(), existing, hash);
    }
    if (original.voidedAt() != null) {
      throw new ApiException(FollowUpError.FOLLOW_UP_VOIDED);
    }
    if (followUps.existsByAmends(originalId)) {
      throw new ApiException(FollowUpError.FOLLOW_UP_SUPERSEDED);
    }
    if (form.disease() != original.disease()) {
      throw ApiException.invalidField(
          "followUp.disease",
          "DISEASE_CHANGED",
          "更正不能改变疾病种类。",
          "An amendment cannot change the disease.");
    }
    return new Written(
        store(patient, form, original, reason, hash, user, "followUp.", origin), true);
  }

  /**
   * Voids a current record: it is kept with the reason, the user and the time, and no longer
   * counts. Voiding twice is {@link FollowUpError#FOLLOW_UP_ALREADY_VOIDED}; a superseded record
   * cannot be voided (void its amendment instead).
   */
  @Transactional
  FollowUpView voidRecord(UUID id, VoidCommand command, CurrentUser user) {
    voidRecord(id, command.reason(), user, WriteOrigin.REST);
    return views(List.of(find(id))).get(0);
  }

  /**
   * Voids a record: the one path of the REST API and of a pushed {@code FOLLOW_UP_VOID}. For a
   * pushed void, a record already voided is not an error: the first void stands and this one is a
   * no-op ({@code written == false}); the REST API answers {@link
   * FollowUpError#FOLLOW_UP_ALREADY_VOIDED}.
   */
  @Transactional
  Written voidRecord(UUID id, String reason, CurrentUser user, WriteOrigin origin) {
    stamps.release(r -> true);
    FollowUp record = find(id);
    patients.writable(record.patientId(), user);
    if (record.voidedAt() != null) {
      return alreadyVoided(id, origin);
    }
    if (followUps.existsByAmends(id)) {
      throw new ApiException(FollowUpError.FOLLOW_UP_SUPERSEDED);
    }
    // The condition in the UPDATE settles a race between two voids.
    if (followUps.markVoided(id, clock.instant(), user.id(), reason.trim()) == 0) {
      return alreadyVoided(id, origin);
    }
    stamps.followUpWritten(id, origin.hlc());
    return new Written(id, true);
  }

  private static Written alreadyVoided(UUID id, WriteOrigin origin) {
    if (!origin.sync()) {
      throw new ApiException(FollowUpError.FOLLOW_UP_ALREADY_VOIDED);
    }
    return new Written(id, false);
  }

  /** Returns one record, if the caller may read its patient. */
  @Transactional(readOnly = true)
  FollowUpView get(UUID id, CurrentUser user) {
    FollowUp record = find(id);
    patients.readable(record.patientId(), user);
    return views(List.of(record)).get(0);
  }

  /** Returns every record of the patient, superseded and voided ones included, newest first. */
  @Transactional(readOnly = true)
  FollowUpHistoryView history(UUID patientId, CurrentUser user) {
    // A merged duplicate's id reads its survivor, whose history holds the moved records.
    UUID id = patients.readable(patientId, user).id();
    return new FollowUpHistoryView(id, views(followUps.findHistory(id)));
  }

  private FollowUp find(UUID id) {
    return followUps
        .findById(id)
        .orElseThrow(() -> new ApiException(FollowUpError.FOLLOW_UP_NOT_FOUND));
  }

  private static Written repeat(UUID id, String storedHash, String hash) {
    if (!storedHash.equals(hash)) {
      throw new ApiException(FollowUpError.FOLLOW_UP_ID_CONFLICT);
    }
    return new Written(id, false);
  }

  private Recorded recorded(Written written) {
    return new Recorded(views(List.of(find(written.id()))).get(0), written.written());
  }

  /**
   * Validates, assesses and stores a form and returns its id; {@code prefix} is prepended to
   * field-error paths.
   */
  private UUID store(
      Patient patient,
      FollowUpCommand c,
      @Nullable FollowUp amended,
      @Nullable String amendReason,
      String hash,
      CurrentUser user,
      String prefix,
      WriteOrigin origin) {
    LocalDate today = patients.today();
    List<FieldError> errors = new ArrayList<>();
    Form form = checkForm(c, patient, today, errors);
    PatientContext context =
        PatientContext.newBuilder()
            .birthDate(patient.birthDate())
            .sex(patient.sex())
            .hasHypertension(patient.hypertension())
            .hasDiabetes(patient.diabetes())
            .pregnantOrBreastfeeding(isTrue(c.pregnantOrBreastfeeding()))
            .build();
    VisitInput input = visitInput(c, form);
    ValidationResult validation =
        VisitValidator.validate(ruleSet, c.disease(), context, input, today);
    for (Issue issue : validation.errors()) {
      errors.add(
          new FieldError(
              jsonField(issue.field()), issue.code(), issue.messageZh(), issue.messageEn()));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          CommonError.VALIDATION_FAILED, errors.stream().map(e -> prefixed(prefix, e)).toList());
    }
    if (patient.status() == ManagementStatus.TERMINATED
        && c.visitDate().isAfter(patient.statusDate())) {
      throw new ApiException(FollowUpError.PATIENT_TERMINATED);
    }
    checkEncounter(c, patient.id(), amended, prefix);

    UUID excluded = amended != null ? amended.id() : c.id();
    PreviousVisit previous =
        rows.previous(patient.id(), c.disease().name(), c.visitDate(), excluded);
    Assessment a = assessor.assess(c.disease(), context, input, previous);

    Instant now = clock.instant();
    ReferralCommand referral = c.referral();
    FollowUp record =
        new FollowUp(
            c.id(),
            patient.id(),
            c.disease(),
            c.encounterId(),
            c.visitDate(),
            c.mode(),
            join(form.symptoms()),
            trim(c.otherSymptoms()),
            c.systolic(),
            c.diastolic(),
            c.weightKg(),
            c.targetWeightKg(),
            c.bmi() != null ? c.bmi() : bmi(c.weightKg(), patient.heightCm()),
            c.targetBmi() != null ? c.targetBmi() : bmi(c.targetWeightKg(), patient.heightCm()),
            c.heartRate(),
            c.temperature(),
            trim(c.otherSigns()),
            c.dorsalisPedis(),
            c.dorsalisPedisSide(),
            c.smokingPerDay(),
            c.targetSmokingPerDay(),
            c.drinkingLiangPerDay(),
            c.targetDrinkingLiangPerDay(),
            c.exerciseTimesPerWeek(),
            c.exerciseMinutesPerTime(),
            c.targetExerciseTimesPerWeek(),
            c.targetExerciseMinutesPerTime(),
            c.saltIntake(),
            c.targetSaltIntake(),
            c.stapleFoodGramsPerDay(),
            c.targetStapleFoodGramsPerDay(),
            c.psychologicalAdjustment(),
            c.compliance(),
            trim(c.ancillaryTests()),
            c.fastingGlucose(),
            c.glucoseSpecimen(),
            c.hba1c(),
            c.hba1cTestDate(),
            c.medicationAdherence(),
            isTrue(c.adverseReaction()),
            trim(c.adverseReactionDescription()),
            isTrue(c.adverseReactionHardToControl()),
            isTrue(c.newOrWorseComplication()),
            trim(c.complicationDescription()),
            c.hypoglycaemia(),
            referral == null ? null : trim(referral.reason()),
            referral == null ? null : trim(referral.facility()),
            referral == null ? null : trim(referral.department()),
            referral == null ? null : trim(referral.contact()),
            referral == null ? null : trim(referral.contactPhone()),
            c.previousReferralOutcome(),
            join(form.reportedDangerSigns()),
            isTrue(c.pregnantOrBreastfeeding()),
            isTrue(c.annualCheck()),
            c.nextVisitDate() != null ? c.nextVisitDate() : a.nextDueDate(),
            trim(c.remarks()),
            user.id(),
            c.recordedAt(),
            now,
            a.ruleSetId(),
            a.ageAtVisit(),
            join(a.dangerSigns()),
            a.urgentReferral(),
            a.classification(),
            a.nextStep(),
            a.recommendedActionZh(),
            a.recommendedActionEn(),
            a.nextDueDate(),
            a.bphsControlled(),
            a.clinicalTargetMet(),
            c.classificationOverride(),
            trim(c.overrideReason()),
            amended == null ? null : amended.id(),
            amendReason,
            null,
            null,
            null,
            origin.clientAssessment() == null ? null : toJson(origin.clientAssessment()),
            origin.clientAssessment() == null
                ? null
                : AssessmentMismatch.describe(origin.clientAssessment(), a),
            origin.clockSuspect() || implausible(c.recordedAt(), c.visitDate(), now),
            hash,
            now,
            0);
    List<FollowUpMedication> meds = new ArrayList<>();
    addMedications(meds, record.id(), MedicationKind.CURRENT, c.medications());
    addMedications(meds, record.id(), MedicationKind.ADJUSTMENT, c.medicationAdjustments());
    List<FollowUpWarning> stored = new ArrayList<>();
    for (Issue w : validation.warnings()) {
      stored.add(
          new FollowUpWarning(
              null,
              record.id(),
              stored.size() + 1,
              jsonField(w.field()),
              w.code(),
              w.messageZh(),
              w.messageEn()));
    }
    try {
      stamps.followUpInserted(record.id(), new HeldFollowUp(record, meds, stored), origin.hlc());
    } catch (DataAccessException e) {
      throw translate(e);
    }
    return record.id();
  }

  /**
   * A new record with its medication and warning rows: inserted at once, or held by a batch of
   * pushed follow-up mutations and inserted at its end with its change number ({@link
   * ChangeStamps#followUpInserted}).
   */
  private final class HeldFollowUp implements HeldRow {

    private final FollowUp row;
    private final List<FollowUpMedication> medicationRows;
    private final List<FollowUpWarning> warningRows;

    HeldFollowUp(
        FollowUp row, List<FollowUpMedication> medicationRows, List<FollowUpWarning> warningRows) {
      this.row = row;
      this.medicationRows = medicationRows;
      this.warningRows = warningRows;
    }

    @Override
    public void insert(long changeSeq) {
      rows.insert(row, changeSeq);
      rows.insertMedications(medicationRows);
      rows.insertWarnings(warningRows);
    }

    /**
     * Whether recording {@code c} for the patient reads this row: the same id (a repeat), the same
     * patient and disease (the previous visit), or an encounter check that could meet it or its
     * original.
     */
    boolean seenBy(FollowUpCommand c, UUID patientId) {
      return row.id().equals(c.id())
          || (row.patientId().equals(patientId) && row.disease() == c.disease())
          || (c.encounterId() != null
              && (c.encounterId().equals(row.encounterId()) || row.amends() != null));
    }
  }

  /**
   * Returns true if the tablet's save time cannot be right: more than the skew bound after the
   * server received the form, or before the visit day began (China time) by more than the bound.
   * The record is kept and flagged {@code clock_suspect}; device times never order anything.
   */
  private boolean implausible(@Nullable Instant recordedAt, LocalDate visitDate, Instant now) {
    if (recordedAt == null) {
      return false;
    }
    Instant visitDayStart = visitDate.atStartOfDay(PatientService.CHINA).toInstant();
    return recordedAt.isAfter(now.plus(maxClockSkew))
        || recordedAt.isBefore(visitDayStart.minus(maxClockSkew));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed code lists of a form. */
  private record Form(Set<? extends Enum<?>> symptoms, Set<DangerSign> reportedDangerSigns) {}

  /**
   * The checks the rule library does not make: codes belong to the disease's form, fields belong on
   * the form, dependent fields come together, an override has a reason, and so on.
   */
  private static Form checkForm(
      FollowUpCommand c, Patient patient, LocalDate today, List<FieldError> errors) {
    if (!patient.has(c.disease())) {
      errors.add(
          new FieldError(
              "disease",
              "NOT_A_CONDITION",
              "该患者未登记此疾病，请先在患者资料中添加。",
              "The patient is not managed for this disease; add the condition to the patient first."));
    }
    Set<? extends Enum<?>> symptoms =
        c.disease() == Disease.HYPERTENSION
            ? parseCodes(c.symptoms(), HypertensionSymptom.class, "symptoms", errors)
            : parseCodes(c.symptoms(), DiabetesSymptom.class, "symptoms", errors);

    Set<DangerSign> reported = EnumSet.noneOf(DangerSign.class);
    List<DangerSign> signs = c.reportedDangerSigns() == null ? List.of() : c.reportedDangerSigns();
    for (int i = 0; i < signs.size(); i++) {
      if (signs.get(i).appliesTo(c.disease())) {
        reported.add(signs.get(i));
      } else {
        errors.add(
            new FieldError(
                "reportedDangerSigns[" + i + "]",
                "NOT_ON_LIST",
                "该危急情况不在本病的危急情况清单上。",
                "This danger sign is not on this disease's list."));
      }
    }

    Set<String> notOnForm =
        c.disease() == Disease.HYPERTENSION ? NOT_ON_HYPERTENSION_FORM : NOT_ON_DIABETES_FORM;
    Map<String, Object> present = new HashMap<>();
    present.put("dorsalisPedis", c.dorsalisPedis());
    present.put("dorsalisPedisSide", c.dorsalisPedisSide());
    present.put("stapleFoodGramsPerDay", c.stapleFoodGramsPerDay());
    present.put("targetStapleFoodGramsPerDay", c.targetStapleFoodGramsPerDay());
    present.put("fastingGlucose", c.fastingGlucose());
    present.put("glucoseSpecimen", c.glucoseSpecimen());
    present.put("hba1c", c.hba1c());
    present.put("hba1cTestDate", c.hba1cTestDate());
    present.put("hypoglycaemia", c.hypoglycaemia());
    present.put("saltIntake", c.saltIntake());
    present.put("targetSaltIntake", c.targetSaltIntake());
    for (String field : notOnForm) {
      if (present.get(field) != null) {
        errors.add(
            new FieldError(
                field,
                "NOT_ON_FORM",
                "该项不在" + c.disease().labelZh() + "随访表上。",
                "This field is not on the "
                    + c.disease().labelEn().toLowerCase(Locale.ROOT)
                    + " form."));
      }
    }

    if (c.mode() == VisitMode.PHONE) {
      if (c.dorsalisPedis() != null) {
        errors.add(phoneMeasurement("dorsalisPedis"));
      }
      if (c.bmi() != null) {
        errors.add(phoneMeasurement("bmi"));
      }
    }
    boolean sideNeeded =
        c.dorsalisPedis() == DorsalisPedis.WEAKENED || c.dorsalisPedis() == DorsalisPedis.ABSENT;
    if (sideNeeded && c.dorsalisPedisSide() == null) {
      errors.add(
          required(
              "dorsalisPedisSide",
              "足背动脉搏动减弱或消失时须填写侧别",
              "The side is required when the pulse is weakened or absent"));
    } else if (!sideNeeded && c.dorsalisPedisSide() != null && c.disease() == Disease.DIABETES) {
      errors.add(
          notAllowed(
              "dorsalisPedisSide",
              "只有减弱或消失时才填写侧别",
              "A side is given only for a weakened or absent pulse"));
    }
    if (c.fastingGlucose() != null
        && c.glucoseSpecimen() == null
        && c.disease() == Disease.DIABETES) {
      errors.add(
          required(
              "glucoseSpecimen",
              "请填写血糖标本类型（末梢血或血浆）",
              "The specimen type (CAPILLARY or PLASMA) is required with a glucose value"));
    } else if (c.fastingGlucose() == null
        && c.glucoseSpecimen() != null
        && c.disease() == Disease.DIABETES) {
      errors.add(
          notAllowed(
              "glucoseSpecimen",
              "没有血糖值时不填写标本类型",
              "A specimen type is given only with a glucose value"));
    }
    if (c.hba1c() != null && c.hba1cTestDate() == null && c.disease() == Disease.DIABETES) {
      errors.add(required("hba1cTestDate", "请填写糖化血红蛋白的检查日期", "The HbA1c test date is required"));
    }
    if (c.hba1cTestDate() != null && c.hba1cTestDate().isAfter(c.visitDate())) {
      errors.add(
          new FieldError(
              "hba1cTestDate",
              "AFTER_VISIT",
              "检查日期不能晚于随访日期。",
              "The test date cannot be after the visit date."));
    }
    if (isTrue(c.adverseReaction()) && trim(c.adverseReactionDescription()) == null) {
      errors.add(
          required(
              "adverseReactionDescription",
              "有药物不良反应时请写明药物和反应",
              "Describe the drug and the reaction"));
    }
    if (isTrue(c.adverseReactionHardToControl()) && !isTrue(c.adverseReaction())) {
      errors.add(
          new FieldError(
              "adverseReactionHardToControl",
              "NEEDS_ADVERSE_REACTION",
              "难以控制的不良反应须先勾选“有不良反应”。",
              "A hard-to-control reaction needs adverseReaction = true."));
    }
    if (c.classificationOverride() != null && trim(c.overrideReason()) == null) {
      errors.add(
          required(
              "overrideReason",
              "修改随访分类时必须说明理由",
              "A reason is required to override the classification"));
    } else if (c.classificationOverride() == null && trim(c.overrideReason()) != null) {
      errors.add(
          notAllowed(
              "overrideReason",
              "没有修改随访分类时不填写理由",
              "A reason is given only with a classification override"));
    }
    if (c.nextVisitDate() != null && !c.nextVisitDate().isAfter(c.visitDate())) {
      errors.add(
          new FieldError(
              "nextVisitDate",
              "NOT_AFTER_VISIT",
              "下次随访日期应晚于本次随访日期。",
              "The next visit date must be after the visit date."));
    }
    checkMedications(c.disease(), "medications", c.medications(), errors);
    checkMedications(c.disease(), "medicationAdjustments", c.medicationAdjustments(), errors);
    return new Form(symptoms, reported);
  }

  private static void checkMedications(
      Disease disease,
      String field,
      @Nullable List<MedicationCommand> rows,
      List<FieldError> errors) {
    if (rows == null) {
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      MedicationCommand m = rows.get(i);
      String path = field + "[" + i + "]";
      boolean insulin = trim(m.insulinType()) != null || trim(m.insulinDosage()) != null;
      if (insulin && disease != Disease.DIABETES) {
        errors.add(
            new FieldError(
                path + ".insulinType",
                "NOT_ON_FORM",
                "胰岛素只在糖尿病随访表上填写。",
                "Insulin is recorded on the diabetes form only."));
      } else if (insulin) {
        if (trim(m.insulinType()) == null) {
          errors.add(required(path + ".insulinType", "请填写胰岛素种类", "The insulin type is required"));
        }
        if (trim(m.insulinDosage()) == null) {
          errors.add(
              required(
                  path + ".insulinDosage",
                  "请填写胰岛素用法和用量",
                  "The insulin regimen and dose are required"));
        }
      } else {
        if (m.timesPerDay() == null) {
          errors.add(required(path + ".timesPerDay", "请填写每日次数", "Times per day is required"));
        }
        if (m.mgPerDose() == null) {
          errors.add(required(path + ".mgPerDose", "请填写每次剂量（mg）", "The dose (mg) is required"));
        }
      }
    }
  }

  /**
   * The forms of one encounter belong to one patient, share date and mode, and differ in disease.
   */
  private void checkEncounter(
      FollowUpCommand c, UUID patientId, @Nullable FollowUp amended, String prefix) {
    if (c.encounterId() == null) {
      return;
    }
    List<FollowUp> others =
        followUps.findByEncounterId(c.encounterId()).stream()
            .filter(f -> f.voidedAt() == null && (amended == null || !f.id().equals(amended.id())))
            .toList();
    Set<UUID> superseded =
        followUps.findByAmendsIn(others.stream().map(FollowUp::id).toList()).stream()
            .map(FollowUp::amends)
            .collect(Collectors.toSet());
    for (FollowUp other : others) {
      if (superseded.contains(other.id())) {
        continue;
      }
      String code;
      String zh;
      String en;
      if (!other.patientId().equals(patientId)) {
        code = "ENCOUNTER_OTHER_PATIENT";
        zh = "该就诊编号属于另一位患者。";
        en = "This encounter belongs to another patient.";
      } else if (!other.visitDate().equals(c.visitDate()) || other.mode() != c.mode()) {
        code = "ENCOUNTER_MISMATCH";
        zh = "同一次就诊的随访表日期和方式必须一致。";
        en = "The forms of one encounter must have the same date and mode.";
      } else if (other.disease() == c.disease()) {
        code = "ENCOUNTER_DUPLICATE_DISEASE";
        zh = "同一次就诊已有该疾病的随访表。";
        en = "This encounter already has a form for this disease.";
      } else {
        continue;
      }
      throw ApiException.invalidField(prefix + "encounterId", code, zh, en);
    }
  }

  private static VisitInput visitInput(FollowUpCommand c, Form form) {
    VisitInput.Builder b =
        VisitInput.newBuilder()
            .visitDate(c.visitDate())
            .mode(c.mode())
            .systolic(c.systolic())
            .diastolic(c.diastolic())
            .heartRate(c.heartRate())
            .temperature(toDouble(c.temperature()))
            .fastingGlucose(toDouble(c.fastingGlucose()))
            .weightKg(toDouble(c.weightKg()))
            .otherSymptoms(trim(c.otherSymptoms()))
            .reportedDangerSigns(form.reportedDangerSigns())
            .adverseReaction(isTrue(c.adverseReaction()))
            .adverseReactionHardToControl(isTrue(c.adverseReactionHardToControl()))
            .newOrWorseComplication(isTrue(c.newOrWorseComplication()));
    if (c.disease() == Disease.HYPERTENSION) {
      Set<HypertensionSymptom> s = EnumSet.noneOf(HypertensionSymptom.class);
      form.symptoms().forEach(e -> s.add((HypertensionSymptom) e));
      b.hypertensionSymptoms(s);
    } else {
      Set<DiabetesSymptom> s = EnumSet.noneOf(DiabetesSymptom.class);
      form.symptoms().forEach(e -> s.add((DiabetesSymptom) e));
      b.diabetesSymptoms(s);
    }
    return b.build();
  }

  /** Assembles views, loading medications, warnings, amendments and names in a few queries. */
  List<FollowUpView> views(List<FollowUp> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = records.stream().map(FollowUp::id).toList();
    Map<UUID, List<FollowUpMedication>> meds =
        medications.findByFollowUpIdInOrderByLineNo(ids).stream()
            .collect(Collectors.groupingBy(FollowUpMedication::followUpId));
    Map<UUID, List<FollowUpWarning>> warns =
        warnings.findByFollowUpIdInOrderByLineNo(ids).stream()
            .collect(Collectors.groupingBy(FollowUpWarning::followUpId));
    Map<UUID, UUID> supersededBy =
        followUps.findByAmendsIn(ids).stream()
            .collect(Collectors.toMap(FollowUp::amends, FollowUp::id));
    Map<UUID, String> names = new HashMap<>();
    records.stream()
        .map(FollowUp::doctorId)
        .distinct()
        .forEach(id -> users.findById(id).ifPresent(u -> names.put(id, u.displayName())));
    return records.stream()
        .map(
            f ->
                view(
                    f,
                    meds.getOrDefault(f.id(), List.of()),
                    warns.getOrDefault(f.id(), List.of()),
                    supersededBy.get(f.id()),
                    names.get(f.doctorId())))
        .toList();
  }

  private static FollowUpView view(
      FollowUp f,
      List<FollowUpMedication> meds,
      List<FollowUpWarning> warns,
      @Nullable UUID supersededBy,
      @Nullable String doctorName) {
    Function<FollowUpMedication, FollowUpView.MedicationView> med =
        m ->
            new FollowUpView.MedicationView(
                m.drugName(), m.timesPerDay(), m.mgPerDose(), m.insulinType(), m.insulinDosage());
    boolean hasReferral = f.referralReason() != null || f.referralFacility() != null;
    RecordState state =
        f.voidedAt() != null
            ? RecordState.VOIDED
            : supersededBy != null ? RecordState.SUPERSEDED : RecordState.CURRENT;
    List<FollowUpView.LabelView> symptoms =
        f.disease() == Disease.HYPERTENSION
            ? split(f.symptoms(), HypertensionSymptom.class).stream()
                .map(s -> new FollowUpView.LabelView(s.name(), s.code(), s.labelZh(), s.labelEn()))
                .toList()
            : split(f.symptoms(), DiabetesSymptom.class).stream()
                .map(s -> new FollowUpView.LabelView(s.name(), s.code(), s.labelZh(), s.labelEn()))
                .toList();
    FollowUpView.AssessmentView assessment =
        new FollowUpView.AssessmentView(
            f.ruleSetId(),
            f.ageAtVisit(),
            labels(split(f.dangerSigns(), DangerSign.class)),
            f.urgentReferral(),
            label(f.classification()),
            label(f.nextStep()),
            f.recommendedActionZh(),
            f.recommendedActionEn(),
            f.dueDate(),
            f.bphsControlled(),
            f.clinicalTargetMet());
    return new FollowUpView(
        f.id(),
        f.patientId(),
        f.disease(),
        f.encounterId(),
        f.visitDate(),
        f.mode(),
        f.mode().isFaceToFace(),
        symptoms,
        f.otherSymptoms(),
        f.systolic(),
        f.diastolic(),
        f.heartRate(),
        f.temperature(),
        f.weightKg(),
        f.targetWeightKg(),
        f.bmi(),
        f.targetBmi(),
        f.otherSigns(),
        f.dorsalisPedis(),
        f.dorsalisPedisSide(),
        f.smokingPerDay(),
        f.targetSmokingPerDay(),
        f.drinkingLiangPerDay(),
        f.targetDrinkingLiangPerDay(),
        f.exerciseTimesPerWeek(),
        f.exerciseMinutesPerTime(),
        f.targetExerciseTimesPerWeek(),
        f.targetExerciseMinutesPerTime(),
        f.saltIntake(),
        f.targetSaltIntake(),
        f.stapleFoodGramsPerDay(),
        f.targetStapleFoodGramsPerDay(),
        f.psychologicalAdjustment(),
        f.compliance(),
        f.ancillaryTests(),
        f.fastingGlucose(),
        f.glucoseSpecimen(),
        f.hba1c(),
        f.hba1cTestDate(),
        f.medicationAdherence(),
        f.adverseReaction(),
        f.adverseReactionDescription(),
        f.adverseReactionHardToControl(),
        f.newOrWorseComplication(),
        f.complicationDescription(),
        f.hypoglycaemia(),
        meds.stream().filter(m -> m.kind() == MedicationKind.CURRENT).map(med).toList(),
        meds.stream().filter(m -> m.kind() == MedicationKind.ADJUSTMENT).map(med).toList(),
        hasReferral
            ? new FollowUpView.ReferralView(
                f.referralReason(),
                f.referralFacility(),
                f.referralDepartment(),
                f.referralContact(),
                f.referralContactPhone())
            : null,
        f.previousReferralOutcome(),
        labels(split(f.reportedDangerSigns(), DangerSign.class)),
        f.pregnantOrBreastfeeding(),
        f.annualCheck(),
        assessment,
        f.classificationOverride(),
        f.overrideReason(),
        label(f.effectiveClassification()),
        f.nextVisitDate(),
        f.remarks(),
        warns.stream()
            .map(
                w ->
                    new FollowUpView.WarningView(w.field(), w.code(), w.messageZh(), w.messageEn()))
            .toList(),
        f.doctorId(),
        doctorName,
        f.recordedAt(),
        f.receivedAt(),
        state,
        f.amends(),
        f.amendReason(),
        supersededBy,
        f.voidedAt(),
        f.voidedBy(),
        f.voidReason(),
        f.assessmentMismatch(),
        f.clockSuspect(),
        f.version());
  }

  private static void addMedications(
      List<FollowUpMedication> rows,
      UUID followUpId,
      MedicationKind kind,
      @Nullable List<MedicationCommand> commands) {
    if (commands == null) {
      return;
    }
    int line = 1;
    for (MedicationCommand m : commands) {
      rows.add(
          new FollowUpMedication(
              null,
              followUpId,
              kind,
              line++,
              m.drugName().trim(),
              m.timesPerDay(),
              m.mgPerDose(),
              trim(m.insulinType()),
              trim(m.insulinDosage())));
    }
  }

  /** BMI = kg / m², one decimal; null without a weight or a height. */
  @Nullable
  static BigDecimal bmi(@Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm) {
    if (weightKg == null || heightCm == null || heightCm.signum() <= 0) {
      return null;
    }
    BigDecimal metres = heightCm.movePointLeft(2);
    return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
  }

  /** Maps a VisitInput property named by the rule library to this API's JSON field. */
  private static String jsonField(String visitInputField) {
    return switch (visitInputField) {
      case "hypertensionSymptoms", "diabetesSymptoms" -> "symptoms";
      default -> visitInputField;
    };
  }

  private static FieldError prefixed(String prefix, FieldError e) {
    return prefix.isEmpty()
        ? e
        : new FieldError(prefix + e.field(), e.code(), e.messageZh(), e.messageEn());
  }

  private static FieldError phoneMeasurement(String field) {
    return new FieldError(
        field,
        Issue.PHONE_VISIT_HAS_MEASUREMENTS,
        "电话随访不能填写测量或查体结果。",
        "A telephone visit carries no measurements or examination findings.");
  }

  private static FieldError required(String field, String zh, String en) {
    return new FieldError(field, Issue.REQUIRED, zh + "。", en + ".");
  }

  private static FieldError notAllowed(String field, String zh, String en) {
    return new FieldError(field, "NOT_ALLOWED", zh + "。", en + ".");
  }

  private static <E extends Enum<E>> Set<E> parseCodes(
      List<String> codes, Class<E> type, String field, List<FieldError> errors) {
    Set<E> parsed = EnumSet.noneOf(type);
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i).trim();
      try {
        parsed.add(Enum.valueOf(type, code));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                field + "[" + i + "]",
                "UNKNOWN_CODE",
                "“" + code + "”不是本随访表的选项。",
                "\"" + code + "\" is not an option of this form."));
      }
    }
    return parsed;
  }

  private static String join(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private static <E extends Enum<E>> List<E> split(String joined, Class<E> type) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(joined.split(","))
        .map(s -> Enum.valueOf(type, s))
        .collect(Collectors.toCollection(LinkedHashSet::new))
        .stream()
        .toList();
  }

  private static List<FollowUpView.LabelView> labels(List<DangerSign> signs) {
    return signs.stream()
        .map(s -> new FollowUpView.LabelView(s.name(), null, s.labelZh(), s.labelEn()))
        .toList();
  }

  @Nullable
  private static FollowUpView.LabelView label(@Nullable Classification c) {
    return c == null
        ? null
        : new FollowUpView.LabelView(c.name(), c.code(), c.labelZh(), c.labelEn());
  }

  @Nullable
  private static FollowUpView.LabelView label(@Nullable NextStep s) {
    return s == null
        ? null
        : new FollowUpView.LabelView(s.name(), s.code(), s.labelZh(), s.labelEn());
  }

  @Nullable
  private static Double toDouble(@Nullable BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static boolean isTrue(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  @Nullable
  private static String trim(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** A unique-index race lost to a concurrent request: map it to the code a pre-check gives. */
  private static RuntimeException translate(DataAccessException e) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      message.append(' ').append(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT));
    }
    if (message.indexOf("ux_follow_up_amends") >= 0) {
      return new ApiException(FollowUpError.FOLLOW_UP_SUPERSEDED);
    }
    if (message.indexOf("follow_up_pkey") >= 0 || message.indexOf("primary key") >= 0) {
      return new ApiException(FollowUpError.FOLLOW_UP_ID_CONFLICT);
    }
    return e;
  }

  /** SHA-256 over the request as the server read it: a retried request hashes the same. */
  private String hash(
      UUID patientId, @Nullable UUID amends, @Nullable String reason, FollowUpCommand c) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((patientId + "|" + amends + "|" + reason + "|").getBytes(StandardCharsets.UTF_8));
      sha.update(json.writeValueAsBytes(c));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
