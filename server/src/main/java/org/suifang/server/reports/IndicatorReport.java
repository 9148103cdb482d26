package org.suifang.server.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The indicator table of an area for a period ({@code GET /api/v1/reports/indicators}); the
 * overview page and the CSV show exactly these figures.
 *
 * @param period the period, {@code 2026Q3} or {@code 2026}
 * @param area the area the figures cover
 * @param groupBy township, village or doctor
 * @param settings the settings the figures were computed with
 * @param rows one row per township, village or doctor of the area
 * @param totals the whole area
 * @param computedAt when the figures were computed
 * @param asOfSeq the sync change sequence ({@code sync_clock}) the figures include at least
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
record IndicatorReport(
    String period,
    LocalDate periodStart,
    LocalDate periodEnd,
    AreaView area,
    String groupBy,
    SettingsView settings,
    List<Row> rows,
    Row totals,
    Instant computedAt,
    long asOfSeq) {

  /** An area: a county, township or village. */
  @Serdeable
  record AreaView(String code, String level, String name) {}

  /** The settings in force (docs/dashboard.md#overview-and-indicators). */
  @Serdeable
  record SettingsView(
      StandardManagementSettings standardManagement,
      boolean countTerminatedInPeriod,
      int hypertensionTarget,
      int diabetesTarget) {}

  /**
   * One row of the table.
   *
   * @param key the township or village code, or the doctor's user id; {@code total} for totals
   * @param name its name
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Serdeable
  record Row(
      String key,
      String name,
      DiseaseFigures hypertension,
      DiseaseFigures diabetes,
      Freshness freshness) {}

  /**
   * The figures of one disease. Rates are percentages rounded half up to one decimal, null when the
   * denominator is zero (or, for 健康管理率, when no estimate is configured).
   *
   * @param managed 年内同期管理的患者人数, the denominator
   * @param visitsDone counted face-to-face visits done in the period
   * @param visitsDue visits required in the period
   * @param standardManaged 规范管理人数
   * @param standardRate 规范管理率
   * @param standardTarget the configured target of 规范管理率, percent
   * @param controlled patients whose latest face-to-face visit of the period met the target
   * @param controlRate 血压控制率 (hypertension) or 血糖控制率 (diabetes)
   * @param estimated the estimated patients of the area (population_estimate), or null
   * @param healthManagementRate 健康管理率, or null without an estimate
   * @param formulas each figure's formula with its numbers
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Serdeable
  record DiseaseFigures(
      long managed,
      long visitsDone,
      long visitsDue,
      long standardManaged,
      @Nullable BigDecimal standardRate,
      int standardTarget,
      long controlled,
      @Nullable BigDecimal controlRate,
      @Nullable Long estimated,
      @Nullable BigDecimal healthManagementRate,
      Formulas formulas) {}

  /** A formula with its numbers, in Chinese and English. */
  @Serdeable
  record Formula(String zh, String en) {}

  /** The formula of each figure; {@code healthManagementRate} null without an estimate. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Serdeable
  record Formulas(
      Formula visits,
      Formula standardRate,
      Formula controlRate,
      @Nullable Formula healthManagementRate) {}

  /**
   * How fresh the row's data is: the tablets of the doctors of the row's villages (for a doctor
   * row, the doctor's own villages in the area), as the sync-health page counts them.
   *
   * @param devices how many tablets
   * @param staleDevices how many of them have not synced successfully for {@code
   *     suifang.dashboard.stale-after} (3 days) or never
   * @param doctorsWithoutDevice doctors of the villages who never registered a tablet
   * @param oldestSyncAt the oldest last successful sync among the tablets; null if none synced
   * @param newestSyncAt the newest last successful sync
   * @param pendingChanges the changes they reported still pending at their last sync
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Serdeable
  record Freshness(
      int devices,
      int staleDevices,
      int doctorsWithoutDevice,
      @Nullable Instant oldestSyncAt,
      @Nullable Instant newestSyncAt,
      long pendingChanges) {}
}
