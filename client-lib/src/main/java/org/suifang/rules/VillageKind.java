package org.suifang.rules;

import javax.annotation.Nullable;

/**
 * Identifies the kind of village-level organisation encoded in segment 3 of a health record number
 * (domain.md §6.2): 居委会 001–099, 村委会 101–199, 其他组织 901–999. Other values are invalid.
 *
 * <p>These are the health-record numbering ranges, not the NBS statistical ranges (居委会 001–199, 村委会
 * 200–399): the two cannot be copied into each other.
 */
public enum VillageKind {
  /** Residents' committee (居委会), segment values 001–099. */
  RESIDENTS_COMMITTEE(1, 99, "居委会", "Residents' committee"),
  /** Village committee (村委会), segment values 101–199. */
  VILLAGE_COMMITTEE(101, 199, "村委会", "Village committee"),
  /** Other organisation (其他组织), segment values 901–999. */
  OTHER(901, 999, "其他组织", "Other organisation");

  private final int min;
  private final int max;
  private final String labelZh;
  private final String labelEn;

  VillageKind(int min, int max, String labelZh, String labelEn) {
    this.min = min;
    this.max = max;
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

  /** Returns the kind for a segment value such as 101, or null if the value is in no range. */
  @Nullable
  public static VillageKind ofSegment(int segment) {
    for (VillageKind kind : values()) {
      if (segment >= kind.min && segment <= kind.max) {
        return kind;
      }
    }
    return null;
  }
}
