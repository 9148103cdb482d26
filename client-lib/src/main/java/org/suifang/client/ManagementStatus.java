package org.suifang.client;

/** Whether a patient is under management (转归). */
public enum ManagementStatus {
  /** 管理中: under management. */
  ACTIVE,
  /** 暂时失访: temporarily lost to follow-up. */
  LOST_TO_FOLLOW_UP,
  /** 终止管理: management ended, with a {@link TerminationReason}. */
  TERMINATED
}
