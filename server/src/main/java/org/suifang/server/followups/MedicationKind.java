package org.suifang.server.followups;

/** Which list of the form a medication row belongs to. */
public enum MedicationKind {
  /** 用药情况: the medicines the patient takes. */
  CURRENT,
  /** 用药调整意见: the doctor's adjustment advice. */
  ADJUSTMENT
}
