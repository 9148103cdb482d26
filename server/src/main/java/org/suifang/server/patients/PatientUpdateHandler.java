package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.suifang.rules.ResidentId;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;
import org.suifang.server.sync.ChangeSequencer.Stamp;
import org.suifang.server.sync.ChangeStamps;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.LwwMerge;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.sync.MutationHandler;

/**
 * Applies a pushed {@code PATIENT_UPDATE} ({@code {patientId, fields, base}},
 * docs/sync-protocol.md#mutation): each given field is a last-writer-wins register.
 *
 * <ol>
 *   <li>The author must be able to write the patient's village and, when {@code villageCode} is
 *       given, the new one.
 *   <li>Each given value is checked as the REST API checks it (constraints, resident ID and
 *       health-record number, dates not in the future, the village exists, the status rules) and
 *       made canonical.
 *   <li>Per field, {@link LwwMerge#apply} decides with the stored version and the field's {@code
 *       base} (translated when this device's HLC was re-stamped): sequential writes apply,
 *       concurrent writes of another value keep the larger version's value and make one {@code
 *       sync_conflict} row.
 *   <li>The patient as it results must still be valid: sex and birth date agree with the resident
 *       ID, diagnosis and status dates are not before birth, and at least one condition remains.
 * </ol>
 *
 * Any failure is an {@link ApiException} (a permanent rejection; nothing is stored). Returns the
 * number of conflict rows made.
 */
@Singleton
class PatientUpdateHandler implements MutationHandler {

  private final PatientService service;
  private final PatientRepository patients;
  private final ChangeStamps stamps;
  private final MergeCandidates mergeCandidates;
  private final PatientConflicts conflicts;
  private final MutationPayloadReader reader;
  private final PatientRedirects redirects;
  private final JsonMapper json;
  private final Clock clock;

  PatientUpdateHandler(
      PatientService service,
      PatientRepository patients,
      ChangeStamps stamps,
      MergeCandidates mergeCandidates,
      PatientConflicts conflicts,
      MutationPayloadReader reader,
      PatientRedirects redirects,
      JsonMapper json,
      Clock clock) {
    this.service = service;
    this.patients = patients;
    this.stamps = stamps;
    this.mergeCandidates = mergeCandidates;
    this.conflicts = conflicts;
    this.reader = reader;
    this.redirects = redirects;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String type() {
    return "PATIENT_UPDATE";
  }

  /** One concurrent edit found, recorded once the transaction has its stamp. */
  private record Conflict(String field, LwwMerge.Write winner, LwwMerge.Write loser) {}

  @Override
  @Transactional
  public int apply(MutationContext context, JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      throw new ApiException(
          CommonError.MALFORMED_REQUEST,
          List.of(
              new FieldError(
                  "payload", "MALFORMED", "此项的类型或格式不正确，无法读取。", "The payload is not an object.")));
    }
    // A duplicate merged away since the tablet saw it: the edit applies to the survivor.
    UUID patientId = redirects.current(patientId(payload.get("patientId")));
    Map<String, Object> given = givenFields(payload.get("fields"));
    Map<String, FieldVersion> bases = bases(payload.get("base"));

    Patient current =
        patients
            .findByIdForUpdate(patientId)
            .orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND));
    PatientService.requireWrite(context.author(), current.villageCode());
    LocalDate today = service.today();
    Map<String, Object> incoming = canonical(given, context, today);

    Map<String, Object> currentValues = PatientFields.of(current);
    Map<String, FieldVersion> versions = stamps.patientVersions(patientId);
    Map<String, Object> merged = new LinkedHashMap<>(currentValues);
    Map<String, FieldVersion> written = new TreeMap<>();
    List<Conflict> found = new ArrayList<>();
    for (String field : ChangeStamps.PATIENT_FIELDS) {
      if (!incoming.containsKey(field)) {
        continue;
      }
      FieldVersion stored = versions.getOrDefault(field, LwwMerge.ORIGIN);
      LwwMerge.Write mine = new LwwMerge.Write(text(incoming.get(field)), context.version());
      LwwMerge.Decision decision =
          LwwMerge.apply(
              new LwwMerge.Write(text(currentValues.get(field)), stored),
              conflicts.base(bases.get(field), context.deviceId()),
              mine);
      if (decision.stored().value().equals(mine.value())) {
        merged.put(field, incoming.get(field));
      }
      if (!decision.stored().version().equals(stored)) {
        written.put(field, decision.stored().version());
      }
      if (decision.conflict()) {
        found.add(new Conflict(field, decision.winner(), decision.loser()));
      }
    }
    checkResult(merged, today);
    if (written.isEmpty() && found.isEmpty()) {
      return 0; // equal values under older versions: nothing changes
    }

    String villageCode = (String) merged.get("villageCode");
    String countyCode =
        villageCode.equals(current.villageCode())
            ? current.countyCode()
            : service.village(villageCode, "fields.villageCode").countyCode();
    Patient changed =
        written.isEmpty()
            ? current
            : PatientFields.withValues(
                current, merged, countyCode, context.author().id(), clock.instant());
    if (changed != current) {
      patients.update(changed);
    }
    List<UUID> candidates = mergeCandidates.insertFor(changed);
    boolean moved = !current.villageCode().equals(changed.villageCode());
    Stamp stamp =
        stamps.patientWritten(
            patientId, written, moved ? current.villageCode() : null, context.hlc());
    for (Conflict c : found) {
      conflicts.insert(
          patientId,
          c.field(),
          c.winner(),
          author(c.winner(), context, current, versions),
          c.loser(),
          author(c.loser(), context, current, versions),
          context.mutationId(),
          stamp.seq());
    }
    mergeCandidates.stamp(candidates, stamp.seq());
    return found.size();
  }

  @Nullable
  private UUID author(
      LwwMerge.Write write,
      MutationContext context,
      Patient current,
      Map<String, FieldVersion> versions) {
    return write.version().equals(context.version())
        ? context.author().id()
        : conflicts.authorOf(write.version(), current, versions);
  }

  private UUID patientId(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      throw ApiException.invalidField(
          "patientId", "REQUIRED", "此项必填。", "The patient id is required.");
    }
    return reader.read(node, Argument.of(UUID.class), "patientId.");
  }

  /** The given fields with their values as sent (a present null stays null). */
  private Map<String, Object> givenFields(@Nullable JsonNode node) {
    if (node == null || !node.isObject() || node.size() == 0) {
      throw ApiException.invalidField(
          "fields", "REQUIRED", "请至少修改一项。", "At least one field must be given.");
    }
    List<FieldError> errors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.entries()) {
      if (ChangeStamps.PATIENT_FIELDS.contains(e.getKey())) {
        names.add(e.getKey());
      } else {
        errors.add(
            new FieldError(
                "fields." + e.getKey(),
                "UNKNOWN_FIELD",
                "患者资料没有该项。",
                "A patient has no field of this name."));
      }
    }
    PatientService.throwIfAny(errors);
    PatientFieldValues values = reader.read(node, Argument.of(PatientFieldValues.class), "fields.");
    Map<String, Object> given = new LinkedHashMap<>();
    names.forEach(field -> given.put(field, values.get(field)));
    return given;
  }

  private Map<String, FieldVersion> bases(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    Map<String, FieldVersion> bases =
        reader.read(node, Argument.mapOf(String.class, FieldVersion.class), "base.");
    List<FieldError> errors = new ArrayList<>();
    bases.forEach(
        (field, version) -> {
          if (version == null || version.deviceId() == null) {
            errors.add(
                new FieldError(
                    "base." + field,
                    "REQUIRED",
                    "此项必填。",
                    "A base version needs an hlc and a deviceId."));
          }
        });
    PatientService.throwIfAny(errors);
    return bases;
  }

  /**
   * Checks each given value on its own, as the REST API does, and returns it canonical; throws
   * {@link CommonError#FORBIDDEN} for a village the author cannot write.
   */
  private Map<String, Object> canonical(
      Map<String, Object> given, MutationContext context, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> canonical = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : given.entrySet()) {
      String field = e.getKey();
      String path = "fields." + field;
      Object value = e.getValue();
      switch (field) {
        case "name" -> {
          String name = PatientService.blankToNull((String) value);
          if (name == null) {
            errors.add(required(path));
          }
          canonical.put(field, name);
        }
        case "sex" -> {
          if (value == null) {
            errors.add(required(path));
          }
          canonical.put(field, value);
        }
        case "birthDate" -> {
          if (value == null) {
            errors.add(required(path));
          } else {
            checkNotFuture((LocalDate) value, today, path, errors);
          }
          canonical.put(field, value);
        }
        case "residentId" -> {
          String raw = PatientService.blankToNull((String) value);
          ResidentId parsed =
              raw == null ? null : PatientService.checkResidentId(raw, today, path, errors);
          canonical.put(field, parsed == null ? null : parsed.number());
        }
        case "phone", "address" -> canonical.put(field, PatientService.blankToNull((String) value));
        case "villageCode" -> {
          if (value == null) {
            errors.add(required(path));
          } else {
            PatientService.requireWrite(context.author(), (String) value);
            service.village((String) value, path);
          }
          canonical.put(field, value);
        }
        case "healthRecordNumber" -> {
          String raw = PatientService.blankToNull((String) value);
          canonical.put(
              field,
              raw == null ? null : PatientService.checkHealthRecordNumber(raw, path, errors));
        }
        case "heightCm" ->
            canonical.put(field, PatientService.oneDecimal((java.math.BigDecimal) value));
        case "hypertensionDiagnosedOn", "diabetesDiagnosedOn" -> {
          if (value != null) {
            checkNotFuture((LocalDate) value, today, path, errors);
          }
          canonical.put(field, value);
        }
        case "status" -> {
          PatientStatusValue status = (PatientStatusValue) value;
          if (status == null) {
            errors.add(required(path));
            canonical.put(field, null);
          } else {
            LocalDate date = status.date() != null ? status.date() : changeDay(context, today);
            PatientService.checkStatus(
                status.status(), status.reason(), date, null, today, path + ".", errors);
            canonical.put(
                field,
                new PatientStatusValue(
                    status.status(),
                    status.reason(),
                    date,
                    PatientService.blankToNull(status.note())));
          }
        }
        default -> throw new IllegalStateException("unhandled patient field " + field);
      }
    }
    PatientService.throwIfAny(errors);
    return canonical;
  }

  /**
   * Checks the patient as the merge leaves it: the checks of a REST update (sex and birth date
   * agree with the resident ID, diagnoses not before birth), a status not dated before birth, and
   * at least one condition.
   */
  private void checkResult(Map<String, Object> merged, LocalDate today) {
    List<FieldError> found = new ArrayList<>();
    service.normalise(PatientFields.details(merged), today, found);
    List<FieldError> errors = new ArrayList<>();
    for (FieldError e : found) {
      String field = e.field();
      if (field.startsWith("conditions[")) {
        int index = Integer.parseInt(field.substring("conditions[".length(), field.indexOf(']')));
        field = PatientFields.conditionField(merged, index);
      }
      errors.add(new FieldError("fields." + field, e.code(), e.messageZh(), e.messageEn()));
    }
    if (merged.get("hypertensionDiagnosedOn") == null
        && merged.get("diabetesDiagnosedOn") == null) {
      errors.add(
          new FieldError(
              "fields.hypertensionDiagnosedOn",
              "REQUIRED",
              "患者至少须登记高血压或糖尿病中的一种。",
              "A patient must keep at least one condition (hypertension or diabetes)."));
    }
    PatientStatusValue status = (PatientStatusValue) merged.get("status");
    LocalDate birthDate = (LocalDate) merged.get("birthDate");
    if (status.date().isBefore(birthDate)) {
      errors.add(
          new FieldError(
              "fields.status.date",
              "BEFORE_BIRTH",
              "日期不能早于出生日期。",
              "The date cannot be before birth."));
    }
    PatientService.throwIfAny(errors);
  }

  /** The day the tablet made the change (China time), unless its clock is ahead of ours. */
  private static LocalDate changeDay(MutationContext context, LocalDate today) {
    if (context.deviceTime() == null) {
      return today;
    }
    LocalDate day = LocalDate.ofInstant(context.deviceTime(), PatientService.CHINA);
    return day.isAfter(today) ? today : day;
  }

  private static void checkNotFuture(
      LocalDate date, LocalDate today, String path, List<FieldError> errors) {
    if (date.isAfter(today)) {
      errors.add(
          new FieldError(path, "IN_FUTURE", "日期不能晚于今天。", "The date cannot be in the future."));
    }
  }

  private static FieldError required(String path) {
    return new FieldError(path, "REQUIRED", "此项必填。", "This field is required.");
  }

  /** The canonical JSON text of a field value ({@code null} for none). */
  private String text(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
