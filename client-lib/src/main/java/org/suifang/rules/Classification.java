package org.suifang.rules;

/**
 * Identifies the visit classification (此次随访分类), form field 18 (domain.md §3, §4.1).
 *
 * <p>Codes 1 &lt; 2 &lt; 3 &lt; 4 are increasing severity; when several situations apply the most
 * severe one is recorded (填写最严重的一种情况).
 */
public enum Classification {
  /** Controlled, no adverse drug reaction, no new or worsening complication (控制满意). */
  CONTROLLED(1, "控制满意", "Controlled"),
  /** Blood pressure or fasting glucose not controlled (控制不满意). */
  UNCONTROLLED(2, "控制不满意", "Uncontrolled"),
  /** Adverse drug reaction (不良反应). */
  ADVERSE_REACTION(3, "不良反应", "Adverse drug reaction"),
  /** New complication or worsening of an existing one (并发症). */
  COMPLICATION(4, "并发症", "Complication");

  private final int code;
  private final String labelZh;
  private final String labelEn;

  Classification(int code, String labelZh, String labelEn) {
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

  /** Returns whether this classification is more severe than {@code other}. */
  public boolean isMoreSevereThan(Classification other) {
    return code > other.code;
  }

  /**
   * Returns the constant with the given form code.
   *
   * @throws IllegalArgumentException if no constant has this code
   */
  public static Classification ofCode(int code) {
    for (Classification value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown Classification code: " + code);
  }
}
