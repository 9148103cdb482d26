package org.suifang.client;

import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.internal.VisitOps;

/**
 * The follow-up records on this device ({@link SuifangClient#followUps()}). A visit is assessed as
 * soon as it is recorded, offline, with the same rules and the same previous visit as the server;
 * the server's assessment replaces the tablet's once its copy is pulled. Records are immutable
 * facts: a correction is a new record ({@link #amend}), a void keeps the record ({@link
 * #voidVisit}). Thread-safe; calls block on local storage only.
 */
public final class FollowUps {
  private final VisitOps ops;

  FollowUps(VisitOps ops) {
    this.ops = ops;
  }

  /**
   * Records a form for the patient: checks it as the server does, assesses it (danger signs,
   * classification, next step, next due date), stores it with its outbox mutation and returns the
   * record with the assessment and the soft warnings. The form's id and device time are filled in
   * when missing; recording the same form (same id and content) again returns the stored record.
   *
   * @throws SuifangValidationException the server's codes (the rule library's {@code
   *     VisitValidator} codes, {@code NOT_A_CONDITION}, {@code NOT_ON_FORM}, …)
   * @throws SuifangException {@code PATIENT_NOT_FOUND}, {@code PATIENT_TERMINATED}, {@code
   *     FOLLOW_UP_ID_CONFLICT}, {@code FORBIDDEN}, {@code NOT_LOGGED_IN}
   */
  public Visit record(UUID patientId, VisitForm form) throws SuifangException {
    return ops.record(patientId, form);
  }

  /**
   * Corrects a record: the corrected form (a new record, same disease) supersedes the original,
   * which is kept. Field errors are prefixed {@code followUp.}, as the server's.
   *
   * @param reason why the original is corrected (required, at most 200 characters)
   * @throws SuifangException {@code FOLLOW_UP_NOT_FOUND}, {@code FOLLOW_UP_SUPERSEDED}, {@code
   *     FOLLOW_UP_VOIDED}, {@code FORBIDDEN}, {@code NOT_LOGGED_IN}
   */
  public Visit amend(UUID visitId, String reason, VisitForm form) throws SuifangException {
    return ops.amend(visitId, reason, form);
  }

  /**
   * Voids a current record: it is kept with the reason and no longer counts.
   *
   * @param reason why (required, at most 200 characters)
   * @throws SuifangException {@code FOLLOW_UP_NOT_FOUND}, {@code FOLLOW_UP_ALREADY_VOIDED}, {@code
   *     FOLLOW_UP_SUPERSEDED}, {@code FORBIDDEN}, {@code NOT_LOGGED_IN}
   */
  public Visit voidVisit(UUID visitId, String reason) throws SuifangException {
    return ops.voidVisit(visitId, reason);
  }

  /**
   * Returns the record.
   *
   * @throws SuifangException {@code FOLLOW_UP_NOT_FOUND} if the device has none with this id
   */
  public Visit get(UUID visitId) throws SuifangException {
    return ops.get(visitId);
  }

  /** Returns the record, or null if the device has none with this id. */
  @Nullable
  public Visit find(UUID visitId) {
    return ops.find(visitId);
  }

  /**
   * Returns every record of the patient, newest visit first, with superseded and voided ones marked
   * by {@link Visit#state()}.
   *
   * @throws SuifangException {@code PATIENT_NOT_FOUND}
   */
  public List<Visit> history(UUID patientId) throws SuifangException {
    return ops.history(patientId);
  }
}
