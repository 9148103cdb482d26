package org.suifang.server.regions;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the regions feature; documented in docs/errors.md under "Regions". */
public enum RegionError implements ErrorCode {
  REGION_ALREADY_EXISTS(
      HttpStatus.CONFLICT, "该区划代码已存在。", "A region with this code already exists."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  RegionError(HttpStatus status, String messageZh, String messageEn) {
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
