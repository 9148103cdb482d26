package org.suifang.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Identifies a danger sign (危急情况) that forces an urgent referral: every item of the hypertension
 * list (domain.md §1.4) and of the type 2 diabetes list (§2.4).
 *
 * <p>{@link #measured()} signs are computed by the {@link Assessor} from the visit's values and the
 * {@link RuleSet} thresholds; the others are reported by the doctor in {@link
 * VisitInput#reportedDangerSigns()}. An item that appears with the same wording on both lists is
 * one constant whose {@link #diseases()} holds both; items whose wording differs (for example 意识改变
 * on the hypertension list and 意识或行为改变 on the diabetes list) are separate constants. An assessment
 * for one disease only considers the signs of that disease's list.
 */
public enum DangerSign {
  // Measured, on both lists.
  /** SBP ≥ 180 mmHg and/or DBP ≥ 110 mmHg (收缩压≥180mmHg和（或）舒张压≥110mmHg); both lists. */
  BLOOD_PRESSURE_VERY_HIGH(
      "收缩压≥180mmHg和（或）舒张压≥110mmHg",
      "Systolic BP ≥ 180 mmHg and/or diastolic BP ≥ 110 mmHg",
      true,
      Disease.HYPERTENSION,
      Disease.DIABETES),

  // Hypertension list (§1.4), reported.
  /** Altered consciousness (意识改变); hypertension list. */
  ALTERED_CONSCIOUSNESS("意识改变", "Altered consciousness", false, Disease.HYPERTENSION),
  /** Severe headache or dizziness (剧烈头痛或头晕); hypertension list. */
  SEVERE_HEADACHE_OR_DIZZINESS(
      "剧烈头痛或头晕", "Severe headache or dizziness", false, Disease.HYPERTENSION),
  /** Nausea and vomiting (恶心呕吐); hypertension list. */
  NAUSEA_AND_VOMITING("恶心呕吐", "Nausea and vomiting", false, Disease.HYPERTENSION),
  /** Blurred vision, eye pain (视力模糊、眼痛); hypertension list. */
  BLURRED_VISION_OR_EYE_PAIN("视力模糊、眼痛", "Blurred vision or eye pain", false, Disease.HYPERTENSION),
  /** Palpitations, chest tightness (心悸、胸闷); hypertension list. */
  PALPITATIONS_OR_CHEST_TIGHTNESS(
      "心悸、胸闷", "Palpitations or chest tightness", false, Disease.HYPERTENSION),
  /** Wheezing, unable to lie flat (喘憋不能平卧); hypertension list. */
  WHEEZING_UNABLE_TO_LIE_FLAT(
      "喘憋不能平卧", "Wheezing and breathlessness, unable to lie flat", false, Disease.HYPERTENSION),
  /** Pregnant or breastfeeding with BP above normal (处于妊娠期或哺乳期同时血压高于正常); measured. */
  PREGNANT_OR_BREASTFEEDING_BLOOD_PRESSURE_HIGH(
      "处于妊娠期或哺乳期同时血压高于正常",
      "Pregnant or breastfeeding with blood pressure above normal",
      true,
      Disease.HYPERTENSION),

  // Diabetes list (§2.4), measured.
  /** Blood glucose ≥ 16.7 mmol/L (血糖≥16.7mmol/L); diabetes list. */
  GLUCOSE_VERY_HIGH("血糖≥16.7mmol/L", "Blood glucose ≥ 16.7 mmol/L", true, Disease.DIABETES),
  /** Blood glucose ≤ 3.9 mmol/L (血糖≤3.9mmol/L); diabetes list. */
  GLUCOSE_VERY_LOW("血糖≤3.9mmol/L", "Blood glucose ≤ 3.9 mmol/L", true, Disease.DIABETES),
  /** Persistent tachycardia, heart rate over 100/min (持续性心动过速（心率超过100次/分钟）). */
  TACHYCARDIA(
      "持续性心动过速（心率超过100次/分钟）",
      "Persistent tachycardia (heart rate over 100 beats/min)",
      true,
      Disease.DIABETES),
  /** Body temperature over 39 ℃ (体温超过39摄氏度); diabetes list. */
  HIGH_FEVER("体温超过39摄氏度", "Body temperature over 39 °C", true, Disease.DIABETES),
  /** Glucose above normal during pregnancy or breastfeeding (妊娠期及哺乳期血糖高于正常); measured. */
  PREGNANT_OR_BREASTFEEDING_GLUCOSE_HIGH(
      "妊娠期及哺乳期血糖高于正常",
      "Pregnant or breastfeeding with blood glucose above normal",
      true,
      Disease.DIABETES),

  // Diabetes list (§2.4), reported.
  /** Altered consciousness or behaviour (意识或行为改变); diabetes list. */
  ALTERED_CONSCIOUSNESS_OR_BEHAVIOUR(
      "意识或行为改变", "Altered consciousness or behaviour", false, Disease.DIABETES),
  /** Acetone ("rotten-apple") breath (呼气有烂苹果样丙酮味); diabetes list. */
  ACETONE_BREATH("呼气有烂苹果样丙酮味", "Acetone (rotten-apple) breath", false, Disease.DIABETES),
  /** Palpitations (心悸); diabetes list. */
  PALPITATIONS("心悸", "Palpitations", false, Disease.DIABETES),
  /** Sweating (出汗); diabetes list. */
  SWEATING("出汗", "Sweating", false, Disease.DIABETES),
  /** Loss of appetite (食欲减退); diabetes list. */
  LOSS_OF_APPETITE("食欲减退", "Loss of appetite", false, Disease.DIABETES),
  /** Nausea (恶心); diabetes list. */
  NAUSEA("恶心", "Nausea", false, Disease.DIABETES),
  /** Vomiting (呕吐); diabetes list. */
  VOMITING("呕吐", "Vomiting", false, Disease.DIABETES),
  /** Excessive thirst (多饮); diabetes list. */
  POLYDIPSIA("多饮", "Excessive thirst (polydipsia)", false, Disease.DIABETES),
  /** Frequent urination (多尿); diabetes list. */
  POLYURIA("多尿", "Frequent urination (polyuria)", false, Disease.DIABETES),
  /** Abdominal pain (腹痛); diabetes list. */
  ABDOMINAL_PAIN("腹痛", "Abdominal pain", false, Disease.DIABETES),
  /** Deep, rapid breathing (深大呼吸); diabetes list. */
  DEEP_RAPID_BREATHING("深大呼吸", "Deep, rapid breathing", false, Disease.DIABETES),
  /** Flushed skin (皮肤潮红); diabetes list. */
  FLUSHED_SKIN("皮肤潮红", "Flushed skin", false, Disease.DIABETES),
  /** Sudden drop in vision (视力突然骤降); diabetes list. */
  SUDDEN_VISION_LOSS("视力突然骤降", "Sudden drop in vision", false, Disease.DIABETES),

  // Both lists, reported.
  /** Another disease that cannot be handled at this level (存在不能处理的其他疾病); both lists. */
  UNMANAGEABLE_OTHER_DISEASE(
      "存在不能处理的其他疾病",
      "Another disease that cannot be handled at this level",
      false,
      Disease.HYPERTENSION,
      Disease.DIABETES);

  private final String labelZh;
  private final String labelEn;
  private final boolean measured;
  private final Set<Disease> diseases;

  DangerSign(String labelZh, String labelEn, boolean measured, Disease first, Disease... rest) {
    this.labelZh = labelZh;
    this.labelEn = labelEn;
    this.measured = measured;
    this.diseases = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** Returns the Chinese wording of the standard. */
  public String labelZh() {
    return labelZh;
  }

  /** Returns the English label. */
  public String labelEn() {
    return labelEn;
  }

  /** Returns the diseases whose danger-sign list contains this sign (unmodifiable). */
  public Set<Disease> diseases() {
    return diseases;
  }

  /** Returns whether this sign applies to an assessment of {@code disease}. */
  public boolean appliesTo(Disease disease) {
    return diseases.contains(disease);
  }

  /**
   * Returns whether the assessor computes this sign from measured values (true) or the doctor
   * reports it (false). A doctor may still report a measured sign, for example a home reading.
   */
  public boolean measured() {
    return measured;
  }

  /** Returns the danger signs of one disease's list, in declaration order (unmodifiable). */
  public static Set<DangerSign> of(Disease disease) {
    EnumSet<DangerSign> result = EnumSet.noneOf(DangerSign.class);
    for (DangerSign sign : values()) {
      if (sign.appliesTo(disease)) {
        result.add(sign);
      }
    }
    return Collections.unmodifiableSet(result);
  }
}
