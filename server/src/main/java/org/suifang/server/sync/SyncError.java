package org.suifang.server.sync;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/**
 * Error codes of the sync feature, documented in docs/errors.md under "Sync". {@link
 * #UNKNOWN_MUTATION_TYPE} and {@link #AUTHOR_NOT_ALLOWED} are codes of REJECTED mutation results
 * inside a 200 answer; the others answer a whole request.
 */
public enum SyncError implements ErrorCode {
  DEVICE_NOT_REGISTERED(
      HttpStatus.NOT_FOUND,
      "该设备尚未在服务器登记，请重新登记后再同步。",
      "This device is not registered with the server (or not by this user); register it and retry."),
  DEVICE_IDENTITY_CONFLICT(
      HttpStatus.CONFLICT,
      "该设备的操作序号已被另一条操作占用，请以新的设备编号重新登记。",
      "This device sequence number already holds another mutation; register a new device id."),
  SYNC_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "同步暂时不可用，请稍后重试。",
      "Sync is temporarily unavailable; retry later."),
  UNKNOWN_MUTATION_TYPE(
      HttpStatus.UNPROCESSABLE_ENTITY,
      "服务器不认识该操作类型，请升级应用。",
      "The server does not know this mutation type; update the app."),
  AUTHOR_NOT_ALLOWED(
      HttpStatus.FORBIDDEN,
      "该操作的作者不是当前登录用户，也未在此设备上登录过，或账号已停用。",
      "The author is neither the signed-in user nor an active user who registered this device."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  SyncError(HttpStatus status, String messageZh, String messageEn) {
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
