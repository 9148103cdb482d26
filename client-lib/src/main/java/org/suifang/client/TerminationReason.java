package org.suifang.client;

/** Why management of a patient ended. */
public enum TerminationReason {
  /** 死亡: death. */
  DEATH,
  /** 迁出: moved out. */
  MOVED_OUT,
  /** 拒绝: refused further management. */
  REFUSED
}
