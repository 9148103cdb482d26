package org.suifang.server.patients;

/** Whether a patient is under management (转归, domain.md §8.7). */
public enum ManagementStatus {
  /** 管理中: under management. */
  ACTIVE,
  /** 暂时失访: temporarily lost to follow-up; stays in the indicators' denominator. */
  LOST_TO_FOLLOW_UP,
  /** 终止管理: management ended, with a {@link TerminationReason}. */
  TERMINATED
}
