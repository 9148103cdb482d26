package org.suifang.client;

/** 低血糖反应 since the last visit (diabetes form). */
public enum Hypoglycaemia {
  /** 1 无: none. */
  NONE,
  /** 2 偶尔: occasional. */
  OCCASIONAL,
  /** 3 频繁: frequent. */
  FREQUENT
}
