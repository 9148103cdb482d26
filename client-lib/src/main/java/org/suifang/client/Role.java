package org.suifang.client;

/** A user's role; it decides what the user may read and write (docs/auth.md). */
public enum Role {
  /** 乡村医生: reads and writes the patients of their villages. */
  VILLAGE_DOCTOR,
  /** 乡镇卫生院督导: reads the township, writes nothing. */
  TOWNSHIP_SUPERVISOR,
  /** 县级管理员: reads the county, writes nothing, manages users. */
  COUNTY_ADMIN
}
