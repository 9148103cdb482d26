package org.suifang.server.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The area's figures for the four quarters ending with the period's last quarter that has begun
 * ({@code GET /api/v1/reports/indicators/trend}).
 *
 * @param quarters oldest first
 */
@Serdeable
record IndicatorTrend(
    String period,
    IndicatorReport.AreaView area,
    List<Point> quarters,
    int hypertensionTarget,
    int diabetesTarget,
    Instant computedAt,
    long asOfSeq) {

  /** The area's totals in one quarter. */
  @Serdeable
  record Point(
      String quarter,
      IndicatorReport.DiseaseFigures hypertension,
      IndicatorReport.DiseaseFigures diabetes) {}
}
