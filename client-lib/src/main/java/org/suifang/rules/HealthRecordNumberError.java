package org.suifang.rules;

/**
 * Identifies why a health record number (居民健康档案编号) is not valid; the constant names are stable
 * error codes.
 */
public enum HealthRecordNumberError implements Localized {
  /** Not exactly 17 digits after trimming. */
  FORMAT("健康档案编号应为17位数字", "A health record number has exactly 17 digits"),
  /** The first two digits are not a GB/T 2260 province code (11–82). */
  COUNTY_CODE("健康档案编号前6位不是有效的县级行政区划代码", "Digits 1–6 are not a county-level division code"),
  /** The township/street segment (digits 7–9) is 000. */
  TOWNSHIP_SEGMENT("健康档案编号第7–9位（乡镇/街道）不能为000", "Digits 7–9 (township or street) cannot be 000"),
  /** The village segment (digits 10–12) is outside 001–099, 101–199 and 901–999. */
  VILLAGE_SEGMENT(
      "健康档案编号第10–12位（居/村委会）应为001–099、101–199或901–999",
      "Digits 10–12 (village level) must be 001–099, 101–199 or 901–999"),
  /** The personal serial (digits 13–17) is 00000. */
  SERIAL("健康档案编号第13–17位（个人序号）不能为00000", "Digits 13–17 (personal serial) cannot be 00000");

  private final String messageZh;
  private final String messageEn;

  HealthRecordNumberError(String messageZh, String messageEn) {
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
