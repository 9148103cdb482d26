package org.suifang.rules;

/**
 * Identifies the next management step (下一步管理措施), an extension field of current provincial systems
 * (domain.md §4.3).
 *
 * <p>Codes 1 &lt; 2 &lt; 3 &lt; 4 are increasingly demanding.
 */
public enum NextStep {
  /** Routine follow-up (常规随访). */
  ROUTINE(1, "常规随访", "Routine follow-up"),
  /** First uncontrolled visit or first adverse reaction: recheck within 2 weeks (第1次控制不满意2周随访). */
  FIRST_UNCONTROLLED_RECHECK(2, "第1次控制不满意2周随访", "First uncontrolled: 2-week follow-up"),
  /** Referral to a higher-level hospital with referral follow-up (两次控制不满意转诊随访). */
  REFERRAL(3, "两次控制不满意转诊随访", "Referral follow-up"),
  /** Urgent referral after initial treatment (紧急转诊). */
  URGENT_REFERRAL(4, "紧急转诊", "Urgent referral");

  private final int code;
  private final String labelZh;
  private final String labelEn;

  NextStep(int code, String labelZh, String labelEn) {
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

  /** Returns whether this step is more demanding than {@code other}. */
  public boolean isMoreDemandingThan(NextStep other) {
    return code > other.code;
  }

  /**
   * Returns the constant with the given form code.
   *
   * @throws IllegalArgumentException if no constant has this code
   */
  public static NextStep ofCode(int code) {
    for (NextStep value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown NextStep code: " + code);
  }
}
