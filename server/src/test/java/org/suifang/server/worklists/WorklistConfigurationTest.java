package org.suifang.server.worklists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorklistConfigurationTest {

  static final WorklistConfiguration DEFAULTS = new WorklistConfiguration(3, 1, 14, 14);

  @Test
  void periods_default_areCalendarQuartersAndYear() {
    assertThat(DEFAULTS.periodStart(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(DEFAULTS.periodEnd(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(DEFAULTS.periodStart(LocalDate.of(2026, 10, 1)))
        .isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(DEFAULTS.periodEnd(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(DEFAULTS.periodStart(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(DEFAULTS.yearStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(DEFAULTS.yearEnd(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void periods_assessmentYearFromJuly_quartersCountFromJuly() {
    WorklistConfiguration july = new WorklistConfiguration(3, 7, 14, 14);
    assertThat(july.yearStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(july.yearStart(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(july.periodStart(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(july.periodStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(july.yearEnd(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void periods_monthlyAndHalfYearly() {
    assertThat(new WorklistConfiguration(1, 1, 14, 14).periodStart(LocalDate.of(2026, 2, 28)))
        .isEqualTo(LocalDate.of(2026, 2, 1));
    WorklistConfiguration halves = new WorklistConfiguration(6, 1, 14, 14);
    assertThat(halves.periodStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(halves.periodStart(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(halves.periodEnd(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void create_periodNotDividingTheYear_fails() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WorklistConfiguration(5, 1, 14, 14))
        .withMessageContaining("face-to-face-period-months");
    assertThatIllegalArgumentException().isThrownBy(() -> new WorklistConfiguration(3, 13, 14, 14));
  }
}
