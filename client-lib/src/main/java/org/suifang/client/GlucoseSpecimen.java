package org.suifang.client;

/** The specimen a glucose value was measured on. */
public enum GlucoseSpecimen {
  /** 末梢血: capillary fingerstick with a glucometer. */
  CAPILLARY,
  /** 血浆: venous plasma, laboratory. */
  PLASMA
}
