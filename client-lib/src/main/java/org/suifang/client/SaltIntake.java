package org.suifang.client;

/** 摄盐情况（咸淡）, salt intake (hypertension form). */
public enum SaltIntake {
  /** 轻: light. */
  LIGHT,
  /** 中: moderate. */
  MODERATE,
  /** 重: heavy. */
  HEAVY
}
