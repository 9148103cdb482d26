package org.suifang.server.regions;

/** The kinds of primary-care facility in a county. */
public enum FacilityKind {
  /** 乡镇卫生院, located in a township. */
  TOWNSHIP_HEALTH_CENTRE,
  /** 村卫生室, located in a village. */
  VILLAGE_CLINIC
}
