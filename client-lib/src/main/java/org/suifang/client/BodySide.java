package org.suifang.client;

/** Which side a finding is on. */
public enum BodySide {
  /** 双侧: both sides. */
  BOTH,
  /** 左侧: left. */
  LEFT,
  /** 右侧: right. */
  RIGHT
}
