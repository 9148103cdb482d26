package org.suifang.client;

/**
 * The error codes the SDK itself raises, besides the server's codes (docs/errors.md), which it
 * passes on unchanged. Codes are stable: branch on them, never on messages.
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** No user is logged in on this device, or the session ended: call {@code login}. */
  public static final String NOT_LOGGED_IN = "NOT_LOGGED_IN";

  /** The server could not be reached (no network, connection refused or reset). */
  public static final String OFFLINE = "OFFLINE";

  /** The server did not answer in time. */
  public static final String TIMEOUT = "TIMEOUT";

  /** The server answered with an error the SDK cannot act on (5xx after every retry). */
  public static final String SERVER_ERROR = "SERVER_ERROR";

  /** The server's answer could not be read. */
  public static final String BAD_RESPONSE = "BAD_RESPONSE";

  /** The local store could not write or read; the change was not saved. */
  public static final String STORAGE_FAILED = "STORAGE_FAILED";

  /** A sync made no progress in several round trips in a row and stopped. */
  public static final String SYNC_STALLED = "SYNC_STALLED";

  /** A sync reached its limit of 1,000 round trips; the next sync continues. */
  public static final String TOO_MANY_ROUND_TRIPS = "TOO_MANY_ROUND_TRIPS";

  /** The thread running a sync was interrupted. */
  public static final String INTERRUPTED = "INTERRUPTED";

  /** The input breaks a rule; see the field errors. Same code as the server's. */
  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

  /** The user's role or area does not cover this data. Same code as the server's. */
  public static final String FORBIDDEN = "FORBIDDEN";

  /** No patient with this id on the device. Same code as the server's. */
  public static final String PATIENT_NOT_FOUND = "PATIENT_NOT_FOUND";

  /** No follow-up record with this id on the device. Same code as the server's. */
  public static final String FOLLOW_UP_NOT_FOUND = "FOLLOW_UP_NOT_FOUND";

  /** The record was already amended; act on its newest version. Same code as the server's. */
  public static final String FOLLOW_UP_SUPERSEDED = "FOLLOW_UP_SUPERSEDED";

  /** A voided record cannot be amended. Same code as the server's. */
  public static final String FOLLOW_UP_VOIDED = "FOLLOW_UP_VOIDED";

  /** The record is already voided. Same code as the server's. */
  public static final String FOLLOW_UP_ALREADY_VOIDED = "FOLLOW_UP_ALREADY_VOIDED";

  /** The patient's management ended before this visit. Same code as the server's. */
  public static final String PATIENT_TERMINATED = "PATIENT_TERMINATED";

  /** No rejection with this mutation id. */
  public static final String REJECTION_NOT_FOUND = "REJECTION_NOT_FOUND";
}
