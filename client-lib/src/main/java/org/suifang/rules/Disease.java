package org.suifang.rules;

/** Identifies the chronic disease a follow-up assessment is about; each is assessed separately. */
public enum Disease {
  /** Primary hypertension (高血压), BPHS 3rd ed. §1 of the domain specification. */
  HYPERTENSION("高血压", "Hypertension"),
  /** Type 2 diabetes (2型糖尿病), BPHS 3rd ed. §2 of the domain specification. */
  DIABETES("2型糖尿病", "Type 2 diabetes");

  private final String labelZh;
  private final String labelEn;

  Disease(String labelZh, String labelEn) {
    this.labelZh = labelZh;
    this.labelEn = labelEn;
  }

  /** Returns the Chinese label. */
  public String labelZh() {
    return labelZh;
  }

  /** Returns the English label. */
  public String labelEn() {
    return labelEn;
  }
}
