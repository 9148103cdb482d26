package org.suifang.rules;

/**
 * Identifies the follow-up mode (随访方式) of a visit, form field 2 (domain.md §4.1).
 *
 * <p>Only {@link #CLINIC} and {@link #HOME} visits are face-to-face; a telephone visit cannot
 * produce measured values and does not count towards the required face-to-face visits.
 */
public enum VisitMode {
  /** Outpatient visit at the clinic (门诊). */
  CLINIC(1, "门诊", "Clinic"),
  /** Home visit (家庭). */
  HOME(2, "家庭", "Home"),
  /** Telephone follow-up (电话); not face-to-face. */
  PHONE(3, "电话", "Phone");

  private final int code;
  private final String labelZh;
  private final String labelEn;

  VisitMode(int code, String labelZh, String labelEn) {
    this.code = code;
    this.labelZh = labelZh;
    this.labelEn = labelEn;
  }

  /** Returns the code written on the paper form and stored in the database. */
  public int code() {
    return code;
  }

  /** Returns the Chinese label, as printed on the form. */
  public String labelZh() {
    return labelZh;
  }

  /** Returns the English label. */
  public String labelEn() {
    return labelEn;
  }

  /** Returns whether the doctor saw the patient in person, so measured values are possible. */
  public boolean isFaceToFace() {
    return this != PHONE;
  }

  /**
   * Returns the constant with the given form code.
   *
   * @throws IllegalArgumentException if no constant has this code
   */
  public static VisitMode ofCode(int code) {
    for (VisitMode value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown VisitMode code: " + code);
  }
}
