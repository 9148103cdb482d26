package org.suifang.server.demo;

import java.util.List;
import org.suifang.server.auth.Role;

/**
 * The demo county: 唐县 (Tang County, Baoding, Hebei; GB/T 2260 code 130627) with two townships and
 * six villages. The county's name and code are real; its townships, villages, facilities and people
 * here are made up. Codes follow the NBS scheme (domain.md §6.3): townships 1xx (镇) and 2xx (乡),
 * villages 2xx (村委会); health-record village segments 101–199 (§6.2).
 */
final class DemoArea {

  static final String COUNTY = "130627000000";
  static final String COUNTY_NAME = "唐县";
  static final String COUNTY_HOSPITAL = "唐县人民医院";
  static final String COUNTY_HOSPITAL_PHONE = "0312-6412120";

  /** A township and its health centre. */
  record Township(String code, String name, String healthCentre) {}

  /**
   * A village, its clinic and the codes it carries.
   *
   * @param urbanRural the NBS urban-rural code (121 seat of a town, 210 seat of a township, 220
   *     village)
   * @param segment the village segment of the 17-digit health-record number
   */
  record Village(String code, String name, String clinic, String urbanRural, String segment) {

    String townshipCode() {
      return code.substring(0, 9) + "000";
    }
  }

  /** A demo login. {@code area} holds the village, township or county codes of the role. */
  record Login(
      String username, String displayName, Role role, List<String> area, String facilityRegion) {}

  static final List<Township> TOWNSHIPS =
      List.of(
          new Township("130627101000", "仁厚镇", "仁厚镇卫生院"),
          new Township("130627201000", "北店头乡", "北店头乡卫生院"));

  static final List<Village> VILLAGES =
      List.of(
          new Village("130627101201", "东街村", "东街村卫生室", "121", "101"),
          new Village("130627101202", "西街村", "西街村卫生室", "220", "102"),
          new Village("130627101203", "南关村", "南关村卫生室", "220", "103"),
          new Village("130627201201", "北店头村", "北店头村卫生室", "210", "101"),
          new Village("130627201202", "上苇村", "上苇村卫生室", "220", "102"),
          new Village("130627201203", "葛堡村", "葛堡村卫生室", "220", "103"));

  /** The demo logins, in the order the banner and docs list them; the administrator comes last. */
  static final List<Login> LOGINS =
      List.of(
          new Login("doctor1", "张建华", Role.VILLAGE_DOCTOR, List.of("130627101201"), "130627101201"),
          new Login(
              "doctor2",
              "李秀兰",
              Role.VILLAGE_DOCTOR,
              List.of("130627101202", "130627101203"),
              "130627101202"),
          new Login("doctor3", "王志刚", Role.VILLAGE_DOCTOR, List.of("130627201201"), "130627201201"),
          new Login("doctor4", "刘桂芳", Role.VILLAGE_DOCTOR, List.of("130627201202"), "130627201202"),
          new Login("doctor5", "陈德明", Role.VILLAGE_DOCTOR, List.of("130627201203"), "130627201203"),
          new Login(
              "supervisor1",
              "赵文静",
              Role.TOWNSHIP_SUPERVISOR,
              List.of("130627101000"),
              "130627101000"),
          new Login(
              "supervisor2",
              "孙海峰",
              Role.TOWNSHIP_SUPERVISOR,
              List.of("130627201000"),
              "130627201000"),
          new Login("admin", "周立新", Role.COUNTY_ADMIN, List.of(COUNTY), null));

  private DemoArea() {}

  /** Returns the doctor who records for the village. */
  static Login doctorOf(String villageCode) {
    return LOGINS.stream()
        .filter(l -> l.role() == Role.VILLAGE_DOCTOR && l.area().contains(villageCode))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo doctor for " + villageCode));
  }

  /** Returns the name of a region of the demo area by code. */
  static String nameOf(String code) {
    if (code.equals(COUNTY)) {
      return COUNTY_NAME;
    }
    for (Township t : TOWNSHIPS) {
      if (t.code().equals(code)) {
        return t.name();
      }
    }
    for (Village v : VILLAGES) {
      if (v.code().equals(code)) {
        return v.name();
      }
    }
    throw new IllegalArgumentException("not in the demo area: " + code);
  }
}
