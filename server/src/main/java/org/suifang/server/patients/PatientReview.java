package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;
import org.suifang.server.sync.ChangeSequencer.Stamp;
import org.suifang.server.sync.ChangeStamps;
import org.suifang.server.sync.FieldVersion;

/**
 * The patient writes of the supervisors' review queue (docs/dashboard.md#review-queue): writing the
 * value a supervisor chose for a conflicting field, and merging a duplicate patient into its
 * survivor. Both are server writes: every field written gets the version (server HLC, {@link
 * FieldVersion#SERVER_DEVICE}), larger than every version a tablet has written, so the value wins
 * on every replica. Each method runs in the caller's transaction (one is required) and takes the
 * change stamp after its row writes.
 */
@Singleton
public class PatientReview {

  /** The fields a merge may fill on the survivor: those that can be empty. */
  private static final List<String> FILLABLE =
      List.of(
          "residentId",
          "phone",
          "address",
          "healthRecordNumber",
          "heightCm",
          "hypertensionDiagnosedOn",
          "diabetesDiagnosedOn");

  private final PatientService service;
  private final PatientRepository patients;
  private final PatientRedirects redirects;
  private final MergeCandidates mergeCandidates;
  private final ChangeStamps stamps;
  private final JdbcOperations jdbc;
  private final JsonMapper json;
  private final Clock clock;

  PatientReview(
      PatientService service,
      PatientRepository patients,
      PatientRedirects redirects,
      MergeCandidates mergeCandidates,
      ChangeStamps stamps,
      JdbcOperations jdbc,
      JsonMapper json,
      Clock clock) {
    this.service = service;
    this.patients = patients;
    this.redirects = redirects;
    this.mergeCandidates = mergeCandidates;
    this.stamps = stamps;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Returns the survivor a duplicate was merged into, or null if it was not merged. */
  @Nullable
  public UUID mergedInto(UUID patientId) {
    return redirects.mergedInto(patientId);
  }

  /** Returns the stored versions of the patient's fields. */
  public Map<String, FieldVersion> versions(UUID patientId) {
    return stamps.patientVersions(patientId);
  }

  /**
   * Locks the patient's row until the transaction ends and returns its village.
   *
   * @throws ApiException {@link PatientError#PATIENT_NOT_FOUND}
   */
  @Transactional
  public String lock(UUID patientId) {
    return patients
        .findByIdForUpdate(patientId)
        .orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND))
        .villageCode();
  }

  /**
   * Writes one field of a patient, chosen by a supervisor, as a server write: the field gets a new
   * server version even when the value is the stored one, so it wins on every replica. The patient
   * must be locked by {@link #lock} first. A chosen village must be readable by the supervisor.
   *
   * @param field a name of {@link ChangeStamps#PATIENT_FIELDS}
   * @param value the value as JSON text (as {@code sync_conflict} stores it)
   * @return the transaction's change stamp
   * @throws ApiException {@link CommonError#FORBIDDEN} for a village outside the caller's area,
   *     {@link CommonError#VALIDATION_FAILED} when the value no longer fits the patient
   */
  @Transactional
  public Stamp writeField(UUID patientId, String field, @Nullable String value, CurrentUser by) {
    if (!ChangeStamps.PATIENT_FIELDS.contains(field)) {
      throw new IllegalArgumentException("not a patient field: " + field);
    }
    Patient current =
        patients
            .findByIdForUpdate(patientId)
            .orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND));
    Map<String, Object> values = PatientFields.of(current);
    values.put(field, parse(field, value));
    String villageCode = (String) values.get("villageCode");
    if (!by.canRead(villageCode)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    check(values, "value");
    String countyCode =
        villageCode.equals(current.villageCode())
            ? current.countyCode()
            : service.village(villageCode, "value").countyCode();
    Patient changed =
        PatientFields.withValues(current, values, countyCode, by.id(), clock.instant());
    patients.update(changed);
    List<UUID> candidates = mergeCandidates.insertFor(changed);
    boolean moved = !current.villageCode().equals(changed.villageCode());
    Stamp stamp =
        stamps.patientWrittenByServer(
            patientId, List.of(field), moved ? current.villageCode() : null);
    mergeCandidates.stamp(candidates, stamp.seq());
    return stamp;
  }

  /**
   * What a merge did.
   *
   * @param filled the survivor's fields that were empty and took the duplicate's value
   * @param movedFollowUps how many follow-up records moved to the survivor
   * @param closedConflicts how many open conflicts of the duplicate were closed
   * @param stamp the transaction's change stamp
   */
  public record Merged(List<String> filled, int movedFollowUps, int closedConflicts, Stamp stamp) {}

  /**
   * Merges the duplicate into the survivor with a permanent redirect: {@code duplicate.merged_into
   * = survivor}; the duplicate's follow-ups move to the survivor and are re-stamped; the survivor's
   * empty fields take the duplicate's values (a server write, skipped for a value that would make
   * the survivor invalid, e.g. a resident ID number that disagrees with its birth date); the
   * duplicate's open conflicts are closed as {@code MERGED}. Both patients are locked (in id order)
   * and stamped into the change feed; the duplicate's PATIENT change carries {@code mergedInto}.
   *
   * @param note the text stored on the closed conflicts
   * @throws ApiException {@link PatientError#PATIENT_NOT_FOUND}, {@link
   *     PatientError#PATIENT_ALREADY_MERGED} when either patient was merged away already
   */
  @Transactional
  public Merged merge(UUID survivorId, UUID duplicateId, CurrentUser by, String note) {
    if (survivorId.equals(duplicateId)) {
      throw new IllegalArgumentException("a patient cannot be merged into itself");
    }
    // Two merges of overlapping pairs lock in the same order, so they cannot deadlock.
    boolean survivorFirst = survivorId.toString().compareTo(duplicateId.toString()) < 0;
    Patient first = lockRow(survivorFirst ? survivorId : duplicateId);
    Patient second = lockRow(survivorFirst ? duplicateId : survivorId);
    Patient survivor = survivorFirst ? first : second;
    Patient duplicate = survivorFirst ? second : first;
    if (redirects.mergedInto(survivorId) != null || redirects.mergedInto(duplicateId) != null) {
      throw new ApiException(PatientError.PATIENT_ALREADY_MERGED);
    }

    Instant now = clock.instant();
    Map<String, Object> values = PatientFields.of(survivor);
    Map<String, Object> other = PatientFields.of(duplicate);
    List<String> filled = new ArrayList<>();
    for (String field : FILLABLE) {
      if (values.get(field) != null || other.get(field) == null) {
        continue;
      }
      Map<String, Object> trial = new LinkedHashMap<>(values);
      trial.put(field, other.get(field));
      if (valid(trial)) {
        values = trial;
        filled.add(field);
      }
    }
    Patient changed = survivor;
    if (!filled.isEmpty()) {
      changed = PatientFields.withValues(survivor, values, survivor.countyCode(), by.id(), now);
      patients.update(changed);
    }
    update(
        "UPDATE patient SET merged_into = ?, updated_by = ?, updated_at = ?, version = version + 1"
            + " WHERE id = ?",
        survivorId,
        by.id(),
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
        duplicateId);
    // Rows first, clock last: lock what the stamp will re-stamp.
    lockRows("SELECT id FROM follow_up WHERE patient_id = ? FOR UPDATE", duplicateId);
    lockRows(
        "SELECT id FROM sync_conflict WHERE patient_id = ? AND status = 'OPEN' FOR UPDATE",
        duplicateId);
    List<UUID> candidates = filled.isEmpty() ? List.of() : mergeCandidates.insertFor(changed);

    Stamp stamp = stamps.patientWrittenByServer(survivorId, filled, null);
    stamps.patientWrittenByServer(duplicateId, List.of(), null);
    int moved =
        update(
            "UPDATE follow_up SET patient_id = ?, change_seq = ? WHERE patient_id = ?",
            survivorId,
            stamp.seq(),
            duplicateId);
    int closed =
        update(
            "UPDATE sync_conflict SET status = 'RESOLVED', resolution_choice = 'MERGED',"
                + " resolution_value = winner_value, resolved_by = ?, resolved_at = ?,"
                + " resolution_note = ?, change_seq = ? WHERE patient_id = ? AND status = 'OPEN'",
            by.id(),
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
            note,
            stamp.seq(),
            duplicateId);
    mergeCandidates.stamp(candidates, stamp.seq());
    return new Merged(List.copyOf(filled), moved, closed, stamp);
  }

  private Patient lockRow(UUID id) {
    return patients
        .findByIdForUpdate(id)
        .orElseThrow(() -> new ApiException(PatientError.PATIENT_NOT_FOUND));
  }

  /** Whether the patient with these values passes the checks of an update. */
  private boolean valid(Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    service.normalise(PatientFields.details(values), service.today(), errors);
    return errors.isEmpty();
  }

  private void check(Map<String, Object> values, String path) {
    List<FieldError> found = new ArrayList<>();
    service.normalise(PatientFields.details(values), service.today(), found);
    List<FieldError> errors = new ArrayList<>();
    for (FieldError e : found) {
      errors.add(new FieldError(path, e.code(), e.messageZh(), e.messageEn()));
    }
    if (values.get("hypertensionDiagnosedOn") == null
        && values.get("diabetesDiagnosedOn") == null) {
      errors.add(
          new FieldError(
              path,
              "REQUIRED",
              "患者至少须登记高血压或糖尿病中的一种。",
              "A patient must keep at least one condition (hypertension or diabetes)."));
    }
    PatientStatusValue status = (PatientStatusValue) values.get("status");
    LocalDate birthDate = (LocalDate) values.get("birthDate");
    if (status == null || birthDate == null) {
      errors.add(new FieldError(path, "REQUIRED", "此项必填。", "This field is required."));
    }
    PatientService.throwIfAny(errors);
  }

  /** The value of a field from its stored JSON text; text that is not JSON is read as a string. */
  @Nullable
  private Object parse(String field, @Nullable String value) {
    String text = value == null ? "null" : value.strip();
    PatientFieldValues read;
    try {
      read = json.readValue("{\"" + field + "\":" + text + "}", PatientFieldValues.class);
    } catch (IOException notJson) {
      try {
        String quoted = json.writeValueAsString(Objects.requireNonNull(value));
        read = json.readValue("{\"" + field + "\":" + quoted + "}", PatientFieldValues.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return read.get(field);
  }

  private void lockRows(String sql, UUID id) {
    jdbc.prepareStatement(
        sql,
        ps -> {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              // Reading the rows is what locks them.
            }
          }
          return null;
        });
  }

  private int update(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
          }
          return ps.executeUpdate();
        });
  }
}
