package org.suifang.server.followups;

/** The specimen a glucose value was measured on (domain.md §2.8). */
public enum GlucoseSpecimen {
  /** 末梢血: capillary fingerstick with a glucometer. */
  CAPILLARY,
  /** 血浆: venous plasma, laboratory. */
  PLASMA
}
