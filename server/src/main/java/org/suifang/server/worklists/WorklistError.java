package org.suifang.server.worklists;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the worklists; documented in docs/errors.md. */
public enum WorklistError implements ErrorCode {
  VILLAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到该村。", "No village with this code."),
  DOCTOR_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到该村医。", "No village doctor with this id."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  WorklistError(HttpStatus status, String messageZh, String messageEn) {
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
