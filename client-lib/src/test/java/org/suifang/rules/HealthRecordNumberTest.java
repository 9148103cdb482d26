package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 17-digit health record numbers (domain.md §6.2). */
class HealthRecordNumberTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // number,               error,            village kind
    "11010500100100023,   ,                 RESIDENTS_COMMITTEE",
    "11010500109900023,   ,                 RESIDENTS_COMMITTEE",
    "11010500110100023,   ,                 VILLAGE_COMMITTEE",
    "11010500119900023,   ,                 VILLAGE_COMMITTEE",
    "11010500190100023,   ,                 OTHER",
    "11010500199999999,   ,                 OTHER",
    "82000199990100001,   ,                 OTHER",
    "11010500100000023,   VILLAGE_SEGMENT,  ",
    "11010500110000023,   VILLAGE_SEGMENT,  ",
    "11010500120000023,   VILLAGE_SEGMENT,  ",
    "11010500130100023,   VILLAGE_SEGMENT,  ",
    "11010500190000023,   VILLAGE_SEGMENT,  ",
    "11010500010100023,   TOWNSHIP_SEGMENT, ",
    "11010500110100000,   SERIAL,           ",
    "00000000110100023,   COUNTY_CODE,      ",
    "10010500110100023,   COUNTY_CODE,      ",
    "83010500110100023,   COUNTY_CODE,      ",
    "1101050011010002,    FORMAT,           ",
    "110105001101000230,  FORMAT,           ",
    "1101050011010002A,   FORMAT,           ",
    "110105-001-101-00023,FORMAT,           ",
  })
  void check_segments_validOrTheFirstFailingSegment(
      String raw, @Nullable HealthRecordNumberError error, @Nullable VillageKind kind) {
    HealthRecordNumberCheck check = HealthRecordNumber.check(raw);

    assertThat(check.error()).isEqualTo(error);
    assertThat(check.isValid()).isEqualTo(error == null);
    if (error == null) {
      assertThat(check.healthRecordNumber().villageKind()).isEqualTo(kind);
    } else {
      assertThat(check.code()).isEqualTo(error.name());
      assertThat(check.messageZh()).isNotBlank();
      assertThat(check.messageEn()).isNotBlank();
      assertThat(HealthRecordNumber.parse(raw)).isNull();
    }
  }

  @Test
  void parse_validNumber_exposesSegmentsAndLastEight() {
    HealthRecordNumber number = HealthRecordNumber.parse(" 32050801910100023 ");

    assertThat(number.number()).isEqualTo("32050801910100023");
    assertThat(number.countyCode()).isEqualTo("320508");
    assertThat(number.townshipSegment()).isEqualTo("019");
    assertThat(number.villageSegment()).isEqualTo("101");
    assertThat(number.serial()).isEqualTo("00023");
    assertThat(number.lastEight()).isEqualTo("10100023");
    assertThat(number.lastEightDashed()).isEqualTo("101-00023");
    assertThat(number.villageKind()).isEqualTo(VillageKind.VILLAGE_COMMITTEE);
    assertThat(number).isEqualTo(HealthRecordNumber.parse("32050801910100023"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, ",
    "1, RESIDENTS_COMMITTEE",
    "99, RESIDENTS_COMMITTEE",
    "100, ",
    "101, VILLAGE_COMMITTEE",
    "199, VILLAGE_COMMITTEE",
    "200, ",
    "900, ",
    "901, OTHER",
    "999, OTHER"
  })
  void villageKind_ofSegment_healthRecordRanges(int segment, @Nullable VillageKind kind) {
    assertThat(VillageKind.ofSegment(segment)).isEqualTo(kind);
  }
}
