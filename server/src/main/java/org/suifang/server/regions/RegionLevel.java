package org.suifang.server.regions;

/** The level of a region in the county → township → village tree. */
public enum RegionLevel {
  /** 县/区: code = 6 digits + "000000". */
  COUNTY,
  /** 乡/镇/街道: code = 9 digits + "000". */
  TOWNSHIP,
  /** 村委会/居委会: all 12 digits. */
  VILLAGE
}
