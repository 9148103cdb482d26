package org.suifang.rules;

/**
 * Identifies a symptom box of the hypertension follow-up form, field 3 (domain.md §4.1).
 *
 * <p>{@link #NONE} (无症状) is exclusive: it cannot be combined with any other symptom.
 */
public enum HypertensionSymptom {
  /** No symptoms (无症状); exclusive. */
  NONE(1, "无症状", "No symptoms"),
  /** Headache, dizziness (头痛头晕). */
  HEADACHE_DIZZINESS(2, "头痛头晕", "Headache, dizziness"),
  /** Nausea, vomiting (恶心呕吐). */
  NAUSEA_VOMITING(3, "恶心呕吐", "Nausea, vomiting"),
  /** Blurred vision, tinnitus (眼花耳鸣). */
  BLURRED_VISION_TINNITUS(4, "眼花耳鸣", "Blurred vision, tinnitus"),
  /** Difficulty breathing (呼吸困难). */
  DYSPNOEA(5, "呼吸困难", "Difficulty breathing"),
  /** Palpitations, chest tightness (心悸胸闷). */
  PALPITATIONS_CHEST_TIGHTNESS(6, "心悸胸闷", "Palpitations, chest tightness"),
  /** Nosebleed that does not stop (鼻衄出血不止). */
  EPISTAXIS(7, "鼻衄出血不止", "Nosebleed that does not stop"),
  /** Numb limbs (四肢发麻). */
  LIMB_NUMBNESS(8, "四肢发麻", "Numb limbs"),
  /** Swelling of the lower limbs (下肢水肿). */
  LEG_OEDEMA(9, "下肢水肿", "Swollen legs");

  private final int code;
  private final String labelZh;
  private final String labelEn;

  HypertensionSymptom(int code, String labelZh, String labelEn) {
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

  /**
   * Returns the constant with the given form code.
   *
   * @throws IllegalArgumentException if no constant has this code
   */
  public static HypertensionSymptom ofCode(int code) {
    for (HypertensionSymptom value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown HypertensionSymptom code: " + code);
  }
}
