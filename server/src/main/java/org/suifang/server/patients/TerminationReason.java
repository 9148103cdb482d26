package org.suifang.server.patients;

/** Why management of a patient ended. */
public enum TerminationReason {
  /** 死亡. */
  DEATH,
  /** 迁出. */
  MOVED_OUT,
  /** 拒绝. */
  REFUSED
}
