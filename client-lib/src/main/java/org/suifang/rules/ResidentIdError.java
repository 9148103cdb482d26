package org.suifang.rules;

/**
 * Identifies why a resident ID number (公民身份号码) is not valid; the constant names are stable error
 * codes.
 */
public enum ResidentIdError implements Localized {
  /** Not 18 characters (17 digits and a digit or X) or 15 digits, after trimming. */
  FORMAT(
      "身份证号码格式错误：应为18位（前17位为数字，末位为数字或X）或15位数字",
      "Wrong format: an ID number has 18 characters (17 digits, then a digit or X) or 15 digits"),
  /** The 18th character does not match the ISO 7064 MOD 11-2 check character. */
  CHECK_DIGIT("身份证号码校验码错误，请核对号码", "The check character does not match; check the number"),
  /** The birth-date digits are not a real calendar date (e.g. 19990230), or are before 1800. */
  BIRTH_DATE_INVALID("身份证号码中的出生日期不是有效日期", "The birth date in the ID number is not a real date"),
  /** The birth date is after today. */
  BIRTH_DATE_IN_FUTURE("身份证号码中的出生日期晚于今天", "The birth date in the ID number is in the future");

  private final String messageZh;
  private final String messageEn;

  ResidentIdError(String messageZh, String messageEn) {
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** Returns the message in Chinese. */
  public String messageZh() {
    return messageZh;
  }

  /** Returns the message in English. */
  public String messageEn() {
    return messageEn;
  }
}
