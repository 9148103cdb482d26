package org.suifang.rules;

import java.util.Objects;

/**
 * Describes one validation problem with a visit: the {@link VisitInput} property it concerns, a
 * stable code that clients branch on, and messages in Chinese and English that name the value and
 * the allowed range. Codes are never renamed or reused; see {@code docs/clinical-rules.md}.
 */
public final class Issue {
  /** A required value is missing (e.g. blood pressure on a face-to-face hypertension visit). */
  public static final String REQUIRED = "REQUIRED";

  /** A value is outside the physically possible (hard) range: an error. */
  public static final String OUT_OF_RANGE = "OUT_OF_RANGE";

  /** A value is inside the hard range but outside the plausible (soft) range: a warning. */
  public static final String IMPLAUSIBLE = "IMPLAUSIBLE";

  /** The systolic pressure is not above the diastolic pressure. */
  public static final String SBP_NOT_ABOVE_DBP = "SBP_NOT_ABOVE_DBP";

  /** The visit date is after today. */
  public static final String FUTURE_DATE = "FUTURE_DATE";

  /** The visit date is before the patient's birth date. */
  public static final String BEFORE_BIRTH = "BEFORE_BIRTH";

  /** "无症状" (no symptoms) is ticked together with other symptoms. */
  public static final String NO_SYMPTOMS_WITH_OTHERS = "NO_SYMPTOMS_WITH_OTHERS";

  /** A telephone visit carries a measured value. */
  public static final String PHONE_VISIT_HAS_MEASUREMENTS = "PHONE_VISIT_HAS_MEASUREMENTS";

  private final String field;
  private final String code;
  private final String messageZh;
  private final String messageEn;

  private Issue(String field, String code, String messageZh, String messageEn) {
    this.field = field;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** Creates an issue. */
  public static Issue of(String field, String code, String messageZh, String messageEn) {
    return new Issue(
        Objects.requireNonNull(field, "field == null"),
        Objects.requireNonNull(code, "code == null"),
        Objects.requireNonNull(messageZh, "messageZh == null"),
        Objects.requireNonNull(messageEn, "messageEn == null"));
  }

  /**
   * Returns the {@link VisitInput} property name, e.g. {@code "systolic"} or {@code "visitDate"}.
   */
  public String field() {
    return field;
  }

  /** Returns the stable code, one of the constants of this class. */
  public String code() {
    return code;
  }

  /** Returns the message in Chinese. */
  public String messageZh() {
    return messageZh;
  }

  /** Returns the message in English. */
  public String messageEn() {
    return messageEn;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Issue)) {
      return false;
    }
    Issue that = (Issue) o;
    return field.equals(that.field)
        && code.equals(that.code)
        && messageZh.equals(that.messageZh)
        && messageEn.equals(that.messageEn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, code, messageZh, messageEn);
  }

  @Override
  public String toString() {
    return "Issue{" + field + " " + code + ": " + messageEn + "}";
  }
}
