package org.suifang.server.users;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/**
 * Error codes of the users feature; documented in docs/errors.md under "Authentication and users".
 */
public enum UserError implements ErrorCode {
  USERNAME_TAKEN(HttpStatus.CONFLICT, "该用户名已被使用。", "This username is already taken."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  UserError(HttpStatus status, String messageZh, String messageEn) {
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
