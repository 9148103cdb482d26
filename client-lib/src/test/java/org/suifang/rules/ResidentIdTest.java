package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 resident ID numbers (domain.md §6.1). */
class ResidentIdTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 16);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "11010519491231002X, 110105, 1949-12-31, 002, FEMALE",
    "34052419800101001X, 340524, 1980-01-01, 001, MALE",
    "370101190102039973, 370101, 1901-02-03, 997, MALE",
    "440524188001010014, 440524, 1880-01-01, 001, MALE",
  })
  void check_verifiedExamples_valid(
      String raw, String addressCode, LocalDate birthDate, String sequence, Sex sex) {
    ResidentIdCheck check = ResidentId.check(raw, TODAY);

    assertThat(check.isValid()).isTrue();
    assertThat(check.error()).isNull();
    assertThat(check.code()).isNull();
    assertThat(check.messageZh()).isNull();
    ResidentId id = check.residentId();
    assertThat(id.number()).isEqualTo(raw);
    assertThat(id.addressCode()).isEqualTo(addressCode);
    assertThat(id.birthDate()).isEqualTo(birthDate);
    assertThat(id.sequenceCode()).isEqualTo(sequence);
    assertThat(id.sex()).isEqualTo(sex);
    assertThat(id.upgradedFrom15()).isFalse();
    assertThat(ResidentId.checkCharacter(raw.substring(0, 17))).isEqualTo(raw.charAt(17));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "110105194912310021",
        "340524198001010010",
        "370101190102039970",
        "440524188001010015"
      })
  void check_wrongCheckCharacter_checkDigitError(String raw) {
    ResidentIdCheck check = ResidentId.check(raw, TODAY);

    assertThat(check.error()).isEqualTo(ResidentIdError.CHECK_DIGIT);
    assertThat(check.code()).isEqualTo("CHECK_DIGIT");
    assertThat(check.messageZh()).contains("校验码");
    assertThat(check.messageEn()).contains("check character");
    assertThat(ResidentId.parse(raw, TODAY)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"11010519491231002x", "  11010519491231002X ", "\t11010519491231002x\n"})
  void parse_lowerCaseXOrWhitespace_normalised(String raw) {
    ResidentId id = ResidentId.parse(raw, TODAY);

    assertThat(id).isNotNull();
    assertThat(id.number()).isEqualTo("11010519491231002X");
  }

  @Test
  void parse_fifteenDigits_upgradedWithCenturyAndCheckCharacter() {
    ResidentId id = ResidentId.parse("110105491231002", TODAY);

    assertThat(id.number()).isEqualTo("11010519491231002X");
    assertThat(id.upgradedFrom15()).isTrue();
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo(Sex.FEMALE);
    assertThat(id).isNotEqualTo(ResidentId.parse("11010519491231002X", TODAY));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"19990230", "19990229", "19991301", "19990001", "19990100", "17991231"})
  void check_impossibleBirthDate_birthDateInvalid(String birthDigits) {
    String first17 = "110105" + birthDigits + "001";
    String raw = first17 + ResidentId.checkCharacter(first17);

    assertThat(ResidentId.check(raw, TODAY).error()).isEqualTo(ResidentIdError.BIRTH_DATE_INVALID);
  }

  @Test
  void check_impossibleBirthDateInFifteenDigits_birthDateInvalid() {
    assertThat(ResidentId.check("110105990230001", TODAY).error())
        .isEqualTo(ResidentIdError.BIRTH_DATE_INVALID);
  }

  @Test
  void check_leapDay_validInLeapYearOnly() {
    String leap = "110105" + "20000229" + "001";

    assertThat(ResidentId.check(leap + ResidentId.checkCharacter(leap), TODAY).isValid()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"20250617, BIRTH_DATE_IN_FUTURE", "20300101, BIRTH_DATE_IN_FUTURE", "20250616, "})
  void check_birthDateAfterToday_inFuture(String birthDigits, ResidentIdError error) {
    String first17 = "110105" + birthDigits + "001";

    assertThat(ResidentId.check(first17 + ResidentId.checkCharacter(first17), TODAY).error())
        .isEqualTo(error);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "   ",
        "11010519491231002",
        "11010519491231002XX",
        "1101051949123100X2",
        "11010519491231002Y",
        "110105 19491231002X",
        "11010549123100X",
        "1101054912310021",
        "１１０１０５１９４９１２３１００２Ｘ",
      })
  void check_wrongShape_formatError(String raw) {
    ResidentIdCheck check = ResidentId.check(raw, TODAY);

    assertThat(check.error()).isEqualTo(ResidentIdError.FORMAT);
    assertThat(check.residentId()).isNull();
  }

  @ParameterizedTest(name = "17th digit {0}")
  @CsvSource({
    "0, FEMALE",
    "1, MALE",
    "2, FEMALE",
    "3, MALE",
    "4, FEMALE",
    "5, MALE",
    "6, FEMALE",
    "7, MALE",
    "8, FEMALE",
    "9, MALE"
  })
  void sex_seventeenthDigit_oddMaleEvenFemale(int digit, Sex sex) {
    String first17 = "3705241980010100" + digit;

    assertThat(ResidentId.parse(first17 + ResidentId.checkCharacter(first17), TODAY).sex())
        .isEqualTo(sex);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "1101051949123100",
        "110105194912310022",
        "1101051949123100X",
        "a1010519491231002"
      })
  void checkCharacter_notSeventeenDigits_throws(String input) {
    assertThatThrownBy(() -> ResidentId.checkCharacter(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(input);
  }

  /**
   * The same property as {@code ResidentIdPropertyTest}, on seeded random samples, so it holds
   * without the property-testing engine too.
   */
  @Test
  void checkCharacter_seededRandomNumbers_onlyTheComputedCharacterIsValid() {
    Random random = new Random(20250616L);
    for (int n = 0; n < 2000; n++) {
      LocalDate birth = LocalDate.ofEpochDay(-25000 + random.nextInt(45000));
      String first17 =
          String.format("%06d", random.nextInt(1000000))
              + birth.toString().replace("-", "")
              + String.format("%03d", random.nextInt(1000));
      char expected = ResidentId.checkCharacter(first17);
      for (char c : "0123456789X".toCharArray()) {
        ResidentIdCheck check = ResidentId.check(first17 + c, TODAY);
        assertThat(check.isValid()).as(first17 + c).isEqualTo(c == expected);
      }
    }
  }

  @Test
  void toString_masksTheBirthDate() {
    assertThat(ResidentId.parse("11010519491231002X", TODAY).toString())
        .isEqualTo("ResidentId{110105********002X}");
  }
}
