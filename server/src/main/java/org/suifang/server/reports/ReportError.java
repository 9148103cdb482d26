package org.suifang.server.reports;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the reports; documented in docs/errors.md. */
public enum ReportError implements ErrorCode {
  REPORT_PERIOD_INVALID(
      HttpStatus.BAD_REQUEST,
      "统计期应为年份（如 2026）或季度（如 2026Q3），且不能晚于当前季度。",
      "The period must be a year (2026) or a quarter (2026Q3) that has begun."),
  REPORT_AREA_INVALID(
      HttpStatus.BAD_REQUEST,
      "统计区域应为已登记的县、乡镇或村的12位代码。",
      "The area must be the 12-digit code of a registered county, township or village."),
  REPORT_GROUP_BY_INVALID(
      HttpStatus.BAD_REQUEST,
      "分组方式应为 township、village 或 doctor。",
      "groupBy must be township, village or doctor."),
  ESTIMATE_TOWNSHIP_NOT_FOUND(
      HttpStatus.NOT_FOUND, "本县没有该乡镇。", "No township with this code in your county."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  ReportError(HttpStatus status, String messageZh, String messageEn) {
    this.status = status;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public String messageEn() {
    return messageEn;
  }
}
