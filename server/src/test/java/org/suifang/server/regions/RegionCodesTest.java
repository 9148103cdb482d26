package org.suifang.server.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodesTest {

  @Test
  void isWellFormed_twelveDigits_true() {
    assertThat(RegionCodes.isWellFormed("320508019044")).isTrue();
    assertThat(RegionCodes.isWellFormed("130123000000")).isTrue();
  }

  @Test
  void isWellFormed_wrongLengthLettersOrZeroCounty_false() {
    assertThat(RegionCodes.isWellFormed(null)).isFalse();
    assertThat(RegionCodes.isWellFormed("13012300000")).isFalse();
    assertThat(RegionCodes.isWellFormed("1301230000000")).isFalse();
    assertThat(RegionCodes.isWellFormed("13012310020a")).isFalse();
    assertThat(RegionCodes.isWellFormed("１３０１２３０００００００")).isFalse();
    assertThat(RegionCodes.isWellFormed("000000100201")).isFalse();
  }

  @Test
  void levelOf_trailingZeros_givesLevel() {
    assertThat(RegionCodes.levelOf("130123000000")).isEqualTo(RegionLevel.COUNTY);
    assertThat(RegionCodes.levelOf("130123100000")).isEqualTo(RegionLevel.TOWNSHIP);
    assertThat(RegionCodes.levelOf("320508019044")).isEqualTo(RegionLevel.VILLAGE);
  }

  @Test
  void levelOf_villageWithoutTownshipSegment_throws() {
    assertThatThrownBy(() -> RegionCodes.levelOf("130123000201")).isInstanceOf(IllegalArgumentException.class);
    assertThat(RegionCodes.isLevel("130123000201", RegionLevel.VILLAGE)).isFalse();
  }

  @Test
  void parentOf_eachLevel_givesEnclosingRegion() {
    assertThat(RegionCodes.parentOf("130123000000")).isNull();
    assertThat(RegionCodes.parentOf("130123100000")).isEqualTo("130123000000");
    assertThat(RegionCodes.parentOf("130123100201")).isEqualTo("130123100000");
    assertThat(RegionCodes.countyOf("320508019044")).isEqualTo("320508000000");
    assertThat(RegionCodes.townshipOf("320508019044")).isEqualTo("320508019000");
  }

  @Test
  void townshipOf_county_throws() {
    assertThatThrownBy(() -> RegionCodes.townshipOf("130123000000")).isInstanceOf(IllegalArgumentException.class);
  }
}
