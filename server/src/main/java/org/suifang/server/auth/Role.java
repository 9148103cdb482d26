package org.suifang.server.auth;

/** What a user may do, and over which area. */
public enum Role {
  /** 乡村医生: reads and writes the patients of their own village(s). */
  VILLAGE_DOCTOR,
  /** 乡镇卫生院 supervisor: reads one township. */
  TOWNSHIP_SUPERVISOR,
  /** County administrator: reads one county. */
  COUNTY_ADMIN
}
