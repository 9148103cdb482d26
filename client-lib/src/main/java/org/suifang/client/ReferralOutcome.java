package org.suifang.client;

/** 转诊结果: whether the patient reached the facility they were referred to. */
public enum ReferralOutcome {
  /** 1 到位: arrived. */
  ARRIVED,
  /** 2 不到位: did not arrive. */
  NOT_ARRIVED
}
