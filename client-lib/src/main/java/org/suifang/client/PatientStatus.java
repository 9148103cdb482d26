package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A patient's management status since a date, with the reason of a termination and a note; the JSON
 * shape {@code {status, reason, date, note}} of the sync protocol's {@code status} field.
 */
public final class PatientStatus {
  @Nullable
  @SerializedName("status")
  private final ManagementStatus status;

  @Nullable
  @SerializedName("reason")
  private final TerminationReason reason;

  @Nullable
  @SerializedName("date")
  private final LocalDate date;

  @Nullable
  @SerializedName("note")
  private final String note;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private PatientStatus() {
    this.status = null;
    this.reason = null;
    this.date = null;
    this.note = null;
  }

  private PatientStatus(
      ManagementStatus status,
      @Nullable TerminationReason reason,
      LocalDate date,
      @Nullable String note) {
    this.status = Objects.requireNonNull(status, "status == null");
    this.reason = reason;
    this.date = Objects.requireNonNull(date, "date == null");
    this.note = note;
  }

  /**
   * Returns a status.
   *
   * @param reason required for TERMINATED, null otherwise
   * @param note free text, e.g. where the patient moved; or null
   */
  public static PatientStatus of(
      ManagementStatus status,
      @Nullable TerminationReason reason,
      LocalDate date,
      @Nullable String note) {
    return new PatientStatus(status, reason, date, note);
  }

  /** Returns the status. */
  public ManagementStatus status() {
    return status == null ? ManagementStatus.ACTIVE : status;
  }

  /** Returns the reason of a termination, or null. */
  @Nullable
  public TerminationReason reason() {
    return reason;
  }

  /** Returns the date the status took effect, or null if the server sent none. */
  @Nullable
  public LocalDate date() {
    return date;
  }

  /** Returns the note, or null. */
  @Nullable
  public String note() {
    return note;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PatientStatus)) {
      return false;
    }
    PatientStatus that = (PatientStatus) o;
    return status() == that.status()
        && reason == that.reason
        && Objects.equals(date, that.date)
        && Objects.equals(note, that.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status(), reason, date, note);
  }

  @Override
  public String toString() {
    return status() + (reason == null ? "" : "(" + reason + ")") + " since " + date;
  }
}
