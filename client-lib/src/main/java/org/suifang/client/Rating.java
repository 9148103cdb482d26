package org.suifang.client;

/** 心理调整 and 遵医行为, by the doctor's impression. */
public enum Rating {
  /** 1 良好: good. */
  GOOD,
  /** 2 一般: fair. */
  FAIR,
  /** 3 差: poor. */
  POOR
}
