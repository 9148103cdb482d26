package org.suifang.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.internal.PatientOps;

/**
 * The patients on this device ({@link SuifangClient#patients()}). Writes work offline: each is
 * checked as the server would check it (a {@link SuifangValidationException} stores nothing), then
 * stored with its outbox mutation in one local transaction, and sent by the next {@link
 * SuifangClient#sync()}. Only a village doctor of the patient's village may write ({@code
 * FORBIDDEN} otherwise); writing needs a logged-in user ({@code NOT_LOGGED_IN}). Thread-safe; calls
 * block on local storage only, never on the network.
 */
public final class Patients {
  private final PatientOps ops;

  Patients(PatientOps ops) {
    this.ops = ops;
  }

  /**
   * Registers a new patient with a new UUIDv7 id. Sex and birth date are taken from the resident ID
   * number when left out; the ID number is stored upper-case with 18 characters.
   *
   * @throws SuifangValidationException with the server's field codes ({@code REQUIRED}, {@code
   *     CHECK_DIGIT}, {@code SEX_MISMATCH_ID}, {@code IN_FUTURE}, …)
   * @throws SuifangException {@code FORBIDDEN}, {@code NOT_LOGGED_IN}, {@code STORAGE_FAILED}
   */
  public Patient register(PatientRegistration registration) throws SuifangException {
    return ops.register(registration);
  }

  /**
   * Changes the fields named in {@code update} and only those. Each changed field records the
   * version the doctor saw, so a concurrent edit of the same field on another tablet is detected by
   * the server and kept for review. Fields whose value does not change are not sent.
   *
   * @throws SuifangValidationException if the patient would break a rule
   * @throws SuifangException {@code PATIENT_NOT_FOUND}, {@code FORBIDDEN}, {@code NOT_LOGGED_IN}
   */
  public Patient update(UUID patientId, PatientUpdate update) throws SuifangException {
    return ops.update(patientId, update);
  }

  /**
   * Changes the management status (转归).
   *
   * @param reason required for TERMINATED, null otherwise
   * @param date when the status took effect; null for today (China time)
   * @param note free text, at most 200 characters; or null
   * @throws SuifangValidationException {@code reason: REQUIRED/NOT_ALLOWED}, {@code date:
   *     IN_FUTURE/BEFORE_BIRTH}
   * @throws SuifangException {@code PATIENT_NOT_FOUND}, {@code FORBIDDEN}, {@code NOT_LOGGED_IN}
   */
  public Patient changeStatus(
      UUID patientId,
      ManagementStatus status,
      @Nullable TerminationReason reason,
      @Nullable LocalDate date,
      @Nullable String note)
      throws SuifangException {
    return ops.changeStatus(patientId, status, reason, date, note);
  }

  /**
   * Returns the patient.
   *
   * @throws SuifangException {@code PATIENT_NOT_FOUND} if the device has no such patient
   */
  public Patient get(UUID patientId) throws SuifangException {
    return ops.get(patientId);
  }

  /** Returns the patient, or null if the device has no such patient. */
  @Nullable
  public Patient find(UUID patientId) {
    return ops.find(patientId);
  }

  /** Searches the patients on this device, ordered by name (see {@link PatientQuery}). */
  public List<Patient> search(PatientQuery query) {
    return ops.search(query);
  }
}
