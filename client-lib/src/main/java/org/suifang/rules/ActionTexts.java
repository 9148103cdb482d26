package org.suifang.rules;

/**
 * The recommended-action sentences, one per row of the classification table (domain.md §3), in
 * Chinese and English. The interval in each sentence comes from the rule set, so a province that
 * changes an interval also changes the advice.
 */
final class ActionTexts {
  private ActionTexts() {}

  static String urgentZh(int days) {
    return "初步处理后紧急转诊，" + durationZh(days) + "内主动随访转诊情况";
  }

  static String urgentEn(int days) {
    return "Give initial treatment and refer urgently; follow up the referral within "
        + durationEn(days);
  }

  static String zh(Situation situation, Disease disease, int days) {
    String measure = disease == Disease.HYPERTENSION ? "血压" : "空腹血糖";
    String drugs = disease == Disease.HYPERTENSION ? "降压药物" : "降糖药物";
    String adjust = "结合服药依从性，必要时增加现用药物剂量、更换或增加不同类的" + drugs + "，";
    String refer = "建议转诊到上级医院，" + durationZh(days) + "内主动随访转诊情况";
    switch (situation) {
      case COMPLICATION:
        return "出现新的并发症或原有并发症加重，" + refer;
      case ADVERSE_REACTION_HARD_TO_CONTROL:
        return "药物不良反应难以控制，" + refer;
      case ADVERSE_REACTION_FIRST:
        return "出现药物不良反应，" + adjust + durationZh(days) + "内随访";
      case UNCONTROLLED_CONSECUTIVE:
        return "连续两次出现" + measure + "控制不满意，" + refer;
      case UNCONTROLLED_FIRST:
        return "第一次出现" + measure + "控制不满意，" + adjust + durationZh(days) + "内随访";
      case CONTROLLED:
        return measure + "控制满意，继续现有治疗并进行健康教育，预约下一次随访（" + durationZh(days) + "内）";
      default:
        throw new AssertionError(situation);
    }
  }

  static String en(Situation situation, Disease disease, int days) {
    String measure = disease == Disease.HYPERTENSION ? "blood pressure" : "fasting glucose";
    String drugs =
        disease == Disease.HYPERTENSION ? "antihypertensive drug" : "glucose-lowering drug";
    String adjust =
        "considering adherence, increase the dose, switch, or add another class of "
            + drugs
            + " if needed; ";
    String refer =
        "advise referral to a higher-level hospital; follow up the referral within "
            + durationEn(days);
    switch (situation) {
      case COMPLICATION:
        return "New or worsening complication: " + refer;
      case ADVERSE_REACTION_HARD_TO_CONTROL:
        return "Adverse drug reaction hard to control: " + refer;
      case ADVERSE_REACTION_FIRST:
        return "Adverse drug reaction: " + adjust + "follow up within " + durationEn(days);
      case UNCONTROLLED_CONSECUTIVE:
        return capitalise(measure) + " uncontrolled at two consecutive visits: " + refer;
      case UNCONTROLLED_FIRST:
        return capitalise(measure)
            + " uncontrolled for the first time: "
            + adjust
            + "follow up within "
            + durationEn(days);
      case CONTROLLED:
        return capitalise(measure)
            + " controlled: continue treatment and health education; book the next follow-up"
            + " within "
            + durationEn(days);
      default:
        throw new AssertionError(situation);
    }
  }

  static String notMeasuredZh(Disease disease, boolean phone, int days) {
    String measure = disease == Disease.HYPERTENSION ? "血压" : "空腹血糖";
    if (phone) {
      return "电话随访无法测量" + measure + "，请在" + durationZh(days) + "内安排面对面随访";
    }
    return "本次未测量" + measure + "，无法判断控制情况，请在" + durationZh(days) + "内面对面随访并测量";
  }

  static String notMeasuredEn(Disease disease, boolean phone, int days) {
    String measure = disease == Disease.HYPERTENSION ? "blood pressure" : "fasting glucose";
    if (phone) {
      return "A phone visit cannot measure "
          + measure
          + "; arrange a face-to-face visit within "
          + durationEn(days);
    }
    return capitalise(measure)
        + " was not measured, so control cannot be judged; arrange a face-to-face visit with"
        + " measurement within "
        + durationEn(days);
  }

  /** Returns "2周" for 14 days, "90天" for 90 days. */
  static String durationZh(int days) {
    return days % 7 == 0 ? (days / 7) + "周" : days + "天";
  }

  /** Returns "2 weeks" for 14 days, "1 week" for 7, "90 days" for 90. */
  static String durationEn(int days) {
    if (days % 7 == 0) {
      int weeks = days / 7;
      return weeks + (weeks == 1 ? " week" : " weeks");
    }
    return days + (days == 1 ? " day" : " days");
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
