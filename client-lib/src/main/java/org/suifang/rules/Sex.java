package org.suifang.rules;

/** Identifies a patient's sex as recorded in the health record or derived from the ID number. */
public enum Sex {
  /** Male (男); an odd 17th digit of the resident ID number. */
  MALE("男", "Male"),
  /** Female (女); an even 17th digit of the resident ID number. */
  FEMALE("女", "Female");

  private final String labelZh;
  private final String labelEn;

  Sex(String labelZh, String labelEn) {
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
