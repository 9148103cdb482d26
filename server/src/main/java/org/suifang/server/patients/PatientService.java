package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.suifang.rules.Disease;
import org.suifang.rules.HealthRecordNumber;
import org.suifang.rules.HealthRecordNumberCheck;
import org.suifang.rules.ResidentId;
import org.suifang.rules.ResidentIdCheck;
import org.suifang.rules.RuleSet;
import org.suifang.rules.Sex;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.sync.ChangeSequencer.Stamp;
import org.suifang.server.sync.ChangeStamps;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.MutationContext;

/**
 * Registers, reads, searches and updates patients, enforcing the caller's area: a village doctor
 * reads and writes only the patients of their own villages, supervisors and administrators read
 * their township or county and write nothing. A patient outside the caller's area is answered with
 * 403, never 404, for reads and writes alike.
 *
 * <p>Every method runs in one transaction; a failed request stores nothing. Other features get
 * patients through {@link #readable} and {@link #writable}.
 */
@Singleton
public class PatientService {

  /** "Today" and ages are China Standard Time dates. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PatientRepository patients;
  private final PatientSearch search;
  private final RegionService regions;
  private final JsonMapper json;
  private final Clock clock;
  private final RuleSet ruleSet;
  private final ChangeStamps stamps;
  private final MergeCandidates mergeCandidates;
  private final PatientRedirects redirects;

  PatientService(
      PatientRepository patients,
      PatientSearch search,
      RegionService regions,
      JsonMapper json,
      Clock clock,
      RuleSet ruleSet,
      ChangeStamps stamps,
      MergeCandidates mergeCandidates,
      PatientRedirects redirects) {
    this.patients = patients;
    this.search = search;
    this.regions = regions;
    this.json = json;
    this.clock = clock;
    this.ruleSet = ruleSet;
    this.stamps = stamps;
    this.mergeCandidates = mergeCandidates;
    this.redirects = redirects;
  }

  /** The outcome of a create: the patient, and whether this request created it. */
  record Created(PatientView patient, boolean created) {}

  /**
   * Registers a patient through the REST API, or answers a repeated registration idempotently: the
   * same id with the same (normalised) content returns the stored patient with {@code created ==
   * false}; the same id with other content is {@link PatientError#PATIENT_ID_CONFLICT}. A resident
   * ID number already used in the county is {@link PatientError#RESIDENT_ID_DUPLICATE}: the user is
   * online and can look the patient up instead.
   */
  @Transactional
  Created create(PatientCommand command, CurrentUser user) {
    return register(command, user, null);
  }

  /**
   * Registers a patient: the one path of {@code POST /api/v1/patients} ({@code mutation == null})
   * and of a pushed {@code PATIENT_CREATE}. A pushed registration differs in two ways: a resident
   * ID number already used in the county is accepted (the registration was made offline; both
   * patients are kept and become a merge candidate), and every field gets the mutation's version
   * instead of the server's.
   *
   * @param mutation the pushed mutation, or null for the REST API
   */
  @Transactional
  Created register(PatientCommand command, CurrentUser user, @Nullable MutationContext mutation) {
    requireWrite(user, command.villageCode());
    LocalDate today = today();
    PatientDetails details = normalise(command.details(), today);
    String hash = hash(command.id(), details);
    Optional<Patient> existing = patients.findById(command.id());
    if (existing.isPresent()) {
      Patient p = existing.get();
      if (!p.requestHash().equals(hash) || !user.canRead(p.villageCode())) {
        throw new ApiException(PatientError.PATIENT_ID_CONFLICT);
      }
      return new Created(view(p, today), false);
    }
    RegionView village = village(details.villageCode());
    if (mutation == null) {
      requireUniqueResidentId(village.countyCode(), details.residentId(), command.id());
    }
    Instant now = clock.instant();
    Patient p =
        new Patient(
            command.id(),
            details.name(),
            details.sex(),
            details.birthDate(),
            details.residentId(),
            village.countyCode(),
            village.code(),
            details.phone(),
            details.address(),
            details.healthRecordNumber(),
            details.heightCm(),
            diagnosedOn(details, Disease.HYPERTENSION) != null,
            diagnosedOn(details, Disease.HYPERTENSION),
            diagnosedOn(details, Disease.DIABETES) != null,
            diagnosedOn(details, Disease.DIABETES),
            ManagementStatus.ACTIVE,
            null,
            today,
            null,
            hash,
            user.id(),
            now,
            user.id(),
            now,
            0);
    try {
      patients.save(p);
    } catch (DataAccessException e) {
      throw translate(e);
    }
    List<UUID> candidates = mergeCandidates.insertFor(p);
    Stamp stamp;
    if (mutation == null) {
      stamp = stamps.patientWrittenByServer(p.id(), ChangeStamps.PATIENT_FIELDS, null);
    } else {
      Map<String, FieldVersion> versions = new HashMap<>();
      ChangeStamps.PATIENT_FIELDS.forEach(field -> versions.put(field, mutation.version()));
      stamp = stamps.patientWritten(p.id(), versions, null, mutation.hlc());
    }
    mergeCandidates.stamp(candidates, stamp.seq());
    // Answer with the row as stored (decimal scale, timestamp precision), exactly as a later GET.
    return new Created(view(reload(p.id()), today), true);
  }

  /**
   * Returns the survivor a merged duplicate redirects to, if the caller may read the duplicate;
   * null when the patient was not merged.
   *
   * @throws ApiException {@link PatientError#PATIENT_NOT_FOUND} or {@link CommonError#FORBIDDEN}
   */
  @Transactional(readOnly = true)
  @Nullable
  UUID redirect(UUID id, CurrentUser user) {
    Patient p =
        patients.findById(id).orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND));
    if (!user.canRead(p.villageCode())) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    UUID mergedInto = redirects.mergedInto(id);
    return mergedInto == null ? null : redirects.current(mergedInto);
  }

  /** Returns the patient, if the caller may read it. */
  @Transactional(readOnly = true)
  PatientView get(UUID id, CurrentUser user) {
    return view(readable(id, user), today());
  }

  /**
   * Searches the caller's area by name substring, exact resident id number and village, ordered by
   * name. A village filter outside the caller's area is 403.
   */
  @Transactional(readOnly = true)
  PatientPageView search(
      @Nullable String name,
      @Nullable String idNumber,
      @Nullable String village,
      int page,
      int size,
      CurrentUser user) {
    if (village != null && !village.isBlank() && !user.canRead(village.trim())) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    String number = idNumber == null || idNumber.isBlank() ? null : normaliseIdForSearch(idNumber);
    LocalDate today = today();
    PatientSearch.Result result =
        search.find(user, blankToNull(name), number, blankToNull(village), page, size);
    Map<String, String> villageNames = new HashMap<>();
    List<PatientView> items =
        result.patients().stream()
            .map(
                p ->
                    view(
                        p, today, villageNames.computeIfAbsent(p.villageCode(), this::villageName)))
            .toList();
    return new PatientPageView(items, page, size, result.total());
  }

  /**
   * Replaces demographics and conditions. The caller must be able to write both the current and the
   * new village; {@code version} must be the stored one, else {@link CommonError#CONFLICT}.
   */
  @Transactional
  PatientView update(UUID id, PatientUpdateCommand command, CurrentUser user) {
    Patient p = writable(id, user);
    requireWrite(user, command.villageCode());
    requireVersion(p, command.version());
    LocalDate today = today();
    PatientDetails details = normalise(command.details(), today);
    RegionView village = village(details.villageCode());
    // Only a new number is checked: patients registered offline may already share one.
    if (!Objects.equals(details.residentId(), p.residentId())) {
      requireUniqueResidentId(village.countyCode(), details.residentId(), id);
    }
    Patient changed =
        new Patient(
            p.id(),
            details.name(),
            details.sex(),
            details.birthDate(),
            details.residentId(),
            village.countyCode(),
            village.code(),
            details.phone(),
            details.address(),
            details.healthRecordNumber(),
            details.heightCm(),
            diagnosedOn(details, Disease.HYPERTENSION) != null,
            diagnosedOn(details, Disease.HYPERTENSION),
            diagnosedOn(details, Disease.DIABETES) != null,
            diagnosedOn(details, Disease.DIABETES),
            p.status(),
            p.statusReason(),
            p.statusDate(),
            p.statusNote(),
            p.requestHash(),
            p.createdBy(),
            p.createdAt(),
            user.id(),
            clock.instant(),
            command.version());
    Patient saved = save(changed);
    boolean moved = !p.villageCode().equals(saved.villageCode());
    List<UUID> candidates = mergeCandidates.insertFor(saved);
    Stamp stamp =
        stamps.patientWrittenByServer(id, changedFields(p, saved), moved ? p.villageCode() : null);
    mergeCandidates.stamp(candidates, stamp.seq());
    return view(saved, today);
  }

  /**
   * The names (as in {@link ChangeStamps#PATIENT_FIELDS}) of the demographic fields that differ.
   */
  static List<String> changedFields(Patient before, Patient after) {
    List<String> changed = new ArrayList<>();
    addIfChanged(changed, "name", before.name(), after.name());
    addIfChanged(changed, "sex", before.sex(), after.sex());
    addIfChanged(changed, "birthDate", before.birthDate(), after.birthDate());
    addIfChanged(changed, "residentId", before.residentId(), after.residentId());
    addIfChanged(changed, "phone", before.phone(), after.phone());
    addIfChanged(changed, "villageCode", before.villageCode(), after.villageCode());
    addIfChanged(changed, "address", before.address(), after.address());
    addIfChanged(
        changed, "healthRecordNumber", before.healthRecordNumber(), after.healthRecordNumber());
    if (before.heightCm() == null
        ? after.heightCm() != null
        : after.heightCm() == null || before.heightCm().compareTo(after.heightCm()) != 0) {
      changed.add("heightCm");
    }
    addIfChanged(
        changed,
        "hypertensionDiagnosedOn",
        before.hypertensionDiagnosedOn(),
        after.hypertensionDiagnosedOn());
    addIfChanged(
        changed, "diabetesDiagnosedOn", before.diabetesDiagnosedOn(), after.diabetesDiagnosedOn());
    return changed;
  }

  private static void addIfChanged(
      List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }

  /**
   * Changes the management status. TERMINATED needs a reason, the other statuses take none; the
   * date defaults to today and may not be in the future or before birth.
   */
  @Transactional
  PatientView changeStatus(UUID id, PatientStatusCommand command, CurrentUser user) {
    Patient p = writable(id, user);
    requireVersion(p, command.version());
    LocalDate today = today();
    LocalDate date = command.date() == null ? today : command.date();
    List<FieldError> errors = new ArrayList<>();
    checkStatus(command.status(), command.reason(), date, p.birthDate(), today, "", errors);
    throwIfAny(errors);
    Patient changed =
        new Patient(
            p.id(),
            p.name(),
            p.sex(),
            p.birthDate(),
            p.residentId(),
            p.countyCode(),
            p.villageCode(),
            p.phone(),
            p.address(),
            p.healthRecordNumber(),
            p.heightCm(),
            p.hypertension(),
            p.hypertensionDiagnosedOn(),
            p.diabetes(),
            p.diabetesDiagnosedOn(),
            command.status(),
            command.reason(),
            date,
            blankToNull(command.note()),
            p.requestHash(),
            p.createdBy(),
            p.createdAt(),
            user.id(),
            clock.instant(),
            command.version());
    Patient saved = save(changed);
    List<UUID> candidates = mergeCandidates.insertFor(saved);
    Stamp stamp = stamps.patientWrittenByServer(id, List.of("status"), null);
    mergeCandidates.stamp(candidates, stamp.seq());
    return view(saved, today);
  }

  /**
   * Checks a management status: TERMINATED needs a reason, the other statuses take none; the date
   * may not be in the future, nor before {@code birthDate} when one is given. Errors are added with
   * {@code prefix} in front of {@code reason} and {@code date}.
   */
  static void checkStatus(
      ManagementStatus status,
      @Nullable TerminationReason reason,
      LocalDate date,
      @Nullable LocalDate birthDate,
      LocalDate today,
      String prefix,
      List<FieldError> errors) {
    if (status == ManagementStatus.TERMINATED && reason == null) {
      errors.add(
          new FieldError(
              prefix + "reason",
              "REQUIRED",
              "终止管理须填写原因（死亡、迁出或拒绝）。",
              "A termination needs a reason (DEATH, MOVED_OUT or REFUSED)."));
    }
    if (status != ManagementStatus.TERMINATED && reason != null) {
      errors.add(
          new FieldError(
              prefix + "reason",
              "NOT_ALLOWED",
              "只有终止管理才填写原因。",
              "Only a termination has a reason."));
    }
    if (date.isAfter(today)) {
      errors.add(
          new FieldError(
              prefix + "date", "IN_FUTURE", "日期不能晚于今天。", "The date cannot be in the future."));
    } else if (birthDate != null && date.isBefore(birthDate)) {
      errors.add(
          new FieldError(
              prefix + "date", "BEFORE_BIRTH", "日期不能早于出生日期。", "The date cannot be before birth."));
    }
  }

  /**
   * Returns the patient if the caller may read it. A merged duplicate's id reads its survivor (the
   * redirect of docs/dashboard.md#review-queue).
   *
   * @throws ApiException {@link PatientError#PATIENT_NOT_FOUND} or {@link CommonError#FORBIDDEN}
   */
  public Patient readable(UUID id, CurrentUser user) {
    Patient p = current(id);
    if (!user.canRead(p.villageCode())) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    return p;
  }

  /**
   * Returns the patient if the caller may record data for it (a doctor of its village). A merged
   * duplicate's id gives its survivor, so a visit recorded offline for the duplicate lands on the
   * survivor.
   *
   * @throws ApiException {@link PatientError#PATIENT_NOT_FOUND} or {@link CommonError#FORBIDDEN}
   */
  public Patient writable(UUID id, CurrentUser user) {
    Patient p = current(id);
    if (!user.canWrite(p.villageCode())) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    return p;
  }

  /**
   * The patient that stands for {@code id}: the patient itself in one query, or, for a merged
   * duplicate, its last survivor.
   */
  private Patient current(UUID id) {
    return patients
        .findUnmerged(id)
        .or(() -> patients.findById(redirects.current(id)))
        .orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND));
  }

  /** Returns today's date in China Standard Time. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /**
   * Validates and canonicalises the editable fields; throws {@link CommonError#VALIDATION_FAILED}
   * with every field error found.
   */
  PatientDetails normalise(PatientDetails d, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    PatientDetails normalised = normalise(d, today, errors);
    throwIfAny(errors);
    return normalised;
  }

  /**
   * Validates and canonicalises the editable fields like {@link #normalise(PatientDetails,
   * LocalDate)}, adding the errors found to {@code errors} instead of throwing. The result is
   * canonical only when no error was added.
   */
  PatientDetails normalise(PatientDetails d, LocalDate today, List<FieldError> errors) {
    Sex sex = d.sex();
    LocalDate birthDate = d.birthDate();
    String residentId = blankToNull(d.residentId());
    if (residentId != null) {
      ResidentId parsed = checkResidentId(residentId, today, "residentId", errors);
      if (parsed != null) {
        residentId = parsed.number();
        if (sex == null) {
          sex = parsed.sex();
        } else if (sex != parsed.sex()) {
          errors.add(
              new FieldError(
                  "sex",
                  "SEX_MISMATCH_ID",
                  "性别与身份证号不符。",
                  "The sex does not match the resident ID number."));
        }
        if (birthDate == null) {
          birthDate = parsed.birthDate();
        } else if (!birthDate.equals(parsed.birthDate())) {
          errors.add(
              new FieldError(
                  "birthDate",
                  "BIRTH_DATE_MISMATCH_ID",
                  "出生日期与身份证号不符。",
                  "The birth date does not match the resident ID number."));
        }
      }
    } else {
      if (sex == null) {
        errors.add(required("sex", "性别", "The sex"));
      }
      if (birthDate == null) {
        errors.add(required("birthDate", "出生日期", "The birth date"));
      }
    }
    if (birthDate != null && birthDate.isAfter(today)) {
      errors.add(
          new FieldError(
              "birthDate", "IN_FUTURE", "出生日期不能晚于今天。", "The birth date cannot be in the future."));
    }
    String healthRecordNumber = blankToNull(d.healthRecordNumber());
    if (healthRecordNumber != null) {
      healthRecordNumber =
          checkHealthRecordNumber(healthRecordNumber, "healthRecordNumber", errors);
    }
    List<ConditionCommand> conditions = new ArrayList<>();
    for (int i = 0; i < d.conditions().size(); i++) {
      ConditionCommand c = d.conditions().get(i);
      String field = "conditions[" + i + "]";
      if (conditions.stream().anyMatch(other -> other.disease() == c.disease())) {
        errors.add(
            new FieldError(
                field + ".disease",
                "DUPLICATE",
                "同一疾病只能登记一次。",
                "Each disease can be listed once."));
        continue;
      }
      if (c.diagnosedOn().isAfter(today)) {
        errors.add(
            new FieldError(
                field + ".diagnosedOn",
                "IN_FUTURE",
                "确诊日期不能晚于今天。",
                "The diagnosis date cannot be in the future."));
      } else if (birthDate != null && c.diagnosedOn().isBefore(birthDate)) {
        errors.add(
            new FieldError(
                field + ".diagnosedOn",
                "BEFORE_BIRTH",
                "确诊日期不能早于出生日期。",
                "The diagnosis date cannot be before birth."));
      }
      conditions.add(c);
    }
    conditions.sort(Comparator.comparing(ConditionCommand::disease));
    return new PatientDetails(
        d.name().trim(),
        sex,
        birthDate,
        residentId,
        blankToNull(d.phone()),
        d.villageCode(),
        blankToNull(d.address()),
        healthRecordNumber,
        oneDecimal(d.heightCm()),
        List.copyOf(conditions));
  }

  /**
   * Checks a resident ID number (GB 11643, rule library {@link ResidentId}); returns it parsed, or
   * null after adding an error for {@code field}.
   */
  @Nullable
  static ResidentId checkResidentId(
      String residentId, LocalDate today, String field, List<FieldError> errors) {
    ResidentIdCheck check = ResidentId.check(residentId, today);
    if (check.residentId() == null) {
      errors.add(new FieldError(field, check.code(), check.messageZh(), check.messageEn()));
    }
    return check.residentId();
  }

  /**
   * Checks a health-record number (rule library {@link HealthRecordNumber}); returns it canonical,
   * or null after adding an error for {@code field}.
   */
  @Nullable
  static String checkHealthRecordNumber(String number, String field, List<FieldError> errors) {
    HealthRecordNumberCheck check = HealthRecordNumber.check(number);
    if (check.healthRecordNumber() == null) {
      errors.add(new FieldError(field, check.code(), check.messageZh(), check.messageEn()));
      return null;
    }
    return check.healthRecordNumber().number();
  }

  private PatientView view(Patient p, LocalDate today) {
    return view(p, today, villageName(p.villageCode()));
  }

  @Nullable
  private String villageName(String code) {
    return regions.find(code).map(RegionView::name).orElse(null);
  }

  private PatientView view(Patient p, LocalDate today, @Nullable String villageName) {
    List<PatientView.ConditionView> conditions = new ArrayList<>();
    if (p.hypertension()) {
      conditions.add(
          new PatientView.ConditionView(Disease.HYPERTENSION, p.hypertensionDiagnosedOn()));
    }
    if (p.diabetes()) {
      conditions.add(new PatientView.ConditionView(Disease.DIABETES, p.diabetesDiagnosedOn()));
    }
    return new PatientView(
        p.id(),
        p.name(),
        p.sex(),
        p.birthDate(),
        Period.between(p.birthDate(), today).getYears(),
        p.residentId(),
        p.phone(),
        p.villageCode(),
        villageName,
        p.countyCode(),
        p.address(),
        p.healthRecordNumber(),
        p.heightCm(),
        conditions,
        new PatientView.StatusView(p.status(), p.statusReason(), p.statusDate(), p.statusNote()),
        warnings(p),
        p.createdBy(),
        p.createdAt(),
        p.updatedBy(),
        p.updatedAt(),
        p.version());
  }

  /**
   * What a supervisor should look at, without refusing the record: a missing ID number (domain.md
   * §6.1: optional but flagged) and an age below the enrolment age at registration (§1.1, §2.1).
   */
  private List<FieldError> warnings(Patient p) {
    List<FieldError> warnings = new ArrayList<>();
    if (p.residentId() == null) {
      warnings.add(
          new FieldError(
              "residentId",
              "RESIDENT_ID_MISSING",
              "未登记居民身份证号，请核实身份并尽快补录。",
              "No resident ID number: verify the identity and add it when possible."));
    }
    LocalDate registered = LocalDate.ofInstant(p.createdAt(), CHINA);
    int ageAtRegistration = Period.between(p.birthDate(), registered).getYears();
    if (ageAtRegistration < ruleSet.minEnrolmentAge()) {
      warnings.add(
          new FieldError(
              "birthDate",
              "BELOW_ENROLMENT_AGE",
              "登记时年龄为"
                  + ageAtRegistration
                  + "岁；基本公卫高血压、糖尿病患者管理对象为"
                  + ruleSet.minEnrolmentAge()
                  + "岁及以上常住居民。",
              "Aged "
                  + ageAtRegistration
                  + " at registration; the BPHS manages residents aged "
                  + ruleSet.minEnrolmentAge()
                  + " and over."));
    }
    return List.copyOf(warnings);
  }

  private Patient save(Patient changed) {
    try {
      patients.update(changed);
      return reload(changed.id());
    } catch (OptimisticLockException e) {
      throw new ApiException(CommonError.CONFLICT);
    } catch (DataAccessException e) {
      throw translate(e);
    }
  }

  Patient reload(UUID id) {
    return patients.findById(id).orElseThrow();
  }

  private RegionView village(String code) {
    return village(code, "villageCode");
  }

  /** Returns the village with this code; a validation error for {@code field} if there is none. */
  RegionView village(String code, String field) {
    return regions
        .find(code)
        .filter(r -> r.level() == RegionLevel.VILLAGE)
        .orElseThrow(
            () ->
                ApiException.invalidField(
                    field, "UNKNOWN_VILLAGE", "没有该村的区划代码。", "No village has this code."));
  }

  private void requireUniqueResidentId(String countyCode, @Nullable String residentId, UUID self) {
    if (residentId == null) {
      return;
    }
    boolean used =
        patients.findByCountyCodeAndResidentId(countyCode, residentId).stream()
            .anyMatch(other -> !other.id().equals(self));
    if (used) {
      throw new ApiException(
          PatientError.RESIDENT_ID_DUPLICATE,
          List.of(
              new FieldError(
                  "residentId",
                  "DUPLICATE",
                  PatientError.RESIDENT_ID_DUPLICATE.messageZh(),
                  PatientError.RESIDENT_ID_DUPLICATE.messageEn())));
    }
  }

  /** Throws {@link CommonError#FORBIDDEN} unless the user may write the village's patients. */
  static void requireWrite(CurrentUser user, String villageCode) {
    if (!user.canWrite(villageCode)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
  }

  private static void requireVersion(Patient p, long version) {
    if (p.version() != version) {
      throw new ApiException(CommonError.CONFLICT);
    }
  }

  /** A unique-index race lost to a concurrent request: map it to the code a pre-check gives. */
  private static RuntimeException translate(DataAccessException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    for (Throwable t = e; t != null; t = t.getCause()) {
      message += " " + String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    }
    if (message.contains("primary key") || message.contains("patient_pkey")) {
      return new ApiException(PatientError.PATIENT_ID_CONFLICT);
    }
    return e;
  }

  private String hash(UUID id, PatientDetails details) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(id.toString().getBytes(StandardCharsets.UTF_8));
      sha.update(json.writeValueAsBytes(details));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String normaliseIdForSearch(String raw) {
    String trimmed = raw.trim().toUpperCase(Locale.ROOT);
    ResidentId parsed = ResidentId.parse(trimmed, LocalDate.of(9999, 12, 31));
    return parsed == null ? trimmed : parsed.number();
  }

  @Nullable
  private static LocalDate diagnosedOn(PatientDetails d, Disease disease) {
    return d.conditions().stream()
        .filter(c -> c.disease() == disease)
        .map(ConditionCommand::diagnosedOn)
        .findFirst()
        .orElse(null);
  }

  /** The column's scale; the command allows at most one decimal, so this never rounds. */
  @Nullable
  static BigDecimal oneDecimal(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(1, java.math.RoundingMode.UNNECESSARY);
  }

  @Nullable
  static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static FieldError required(String field, String zh, String en) {
    return new FieldError(field, "REQUIRED", zh + "必填。", en + " is required.");
  }

  static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiException(CommonError.VALIDATION_FAILED, errors);
    }
  }
}
