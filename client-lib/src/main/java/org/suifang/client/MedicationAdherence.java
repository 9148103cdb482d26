package org.suifang.client;

/** 服药依从性, medication adherence. */
public enum MedicationAdherence {
  /** 1 规律: takes the medicine as prescribed. */
  REGULAR,
  /** 2 间断: not as prescribed. */
  INTERMITTENT,
  /** 3 不服药: prescribed but not taken. */
  NOT_TAKING
}
