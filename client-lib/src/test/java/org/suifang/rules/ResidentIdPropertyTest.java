package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Properties of the ISO 7064 MOD 11-2 check character (GB 11643-1999). */
class ResidentIdPropertyTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 16);

  @Property
  void checkCharacter_anyValidNumber_onlyComputedCharacterPasses(
      @ForAll("first17") String first17,
      @ForAll @Chars({'X'}) @CharRange(from = '0', to = '9') char other) {
    char computed = ResidentId.checkCharacter(first17);

    assertThat(ResidentId.check(first17 + computed, TODAY).isValid()).isTrue();
    if (other != computed) {
      assertThat(ResidentId.check(first17 + other, TODAY).error())
          .isEqualTo(ResidentIdError.CHECK_DIGIT);
    }
  }

  /**
   * ISO 7064 MOD 11-2: digit i (1-based) weighs 2^(18-i) mod 11, X counts 10, the total is 1 mod
   * 11.
   */
  @Property
  void checkCharacter_anySeventeenDigits_satisfiesIso7064(
      @ForAll @NumericChars @StringLength(17) String first17) {
    char check = ResidentId.checkCharacter(first17);

    int sum = check == 'X' ? 10 : check - '0';
    int weight = 2;
    for (int i = 16; i >= 0; i--) {
      sum += (first17.charAt(i) - '0') * weight;
      weight = weight * 2 % 11;
    }
    assertThat(sum % 11).isEqualTo(1);
  }

  @Provide
  Arbitrary<String> first17() {
    Arbitrary<String> address = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<LocalDate> birth =
        Arbitraries.longs()
            .between(LocalDate.of(1880, 1, 1).toEpochDay(), TODAY.toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(address, birth, sequence)
        .as((a, b, s) -> a + b.toString().replace("-", "") + s);
  }
}
