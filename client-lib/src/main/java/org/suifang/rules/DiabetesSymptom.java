package org.suifang.rules;

/**
 * Identifies a symptom box of the type 2 diabetes follow-up form (domain.md §4.2).
 *
 * <p>{@link #NONE} (无症状) is exclusive: it cannot be combined with any other symptom.
 */
public enum DiabetesSymptom {
  /** No symptoms (无症状); exclusive. */
  NONE(1, "无症状", "No symptoms"),
  /** Excessive thirst (多饮). */
  POLYDIPSIA(2, "多饮", "Excessive thirst"),
  /** Excessive hunger (多食). */
  POLYPHAGIA(3, "多食", "Excessive hunger"),
  /** Frequent urination (多尿). */
  POLYURIA(4, "多尿", "Frequent urination"),
  /** Blurred vision (视力模糊). */
  BLURRED_VISION(5, "视力模糊", "Blurred vision"),
  /** Infection (感染). */
  INFECTION(6, "感染", "Infection"),
  /** Numb hands or feet (手脚麻木). */
  NUMB_HANDS_FEET(7, "手脚麻木", "Numb hands or feet"),
  /** Swelling of the lower limbs (下肢浮肿). */
  LEG_OEDEMA(8, "下肢浮肿", "Swollen legs"),
  /** Marked weight loss (体重明显下降). */
  MARKED_WEIGHT_LOSS(9, "体重明显下降", "Marked weight loss");

  private final int code;
  private final String labelZh;
  private final String labelEn;

  DiabetesSymptom(int code, String labelZh, String labelEn) {
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
  public static DiabetesSymptom ofCode(int code) {
    for (DiabetesSymptom value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException("Unknown DiabetesSymptom code: " + code);
  }
}
