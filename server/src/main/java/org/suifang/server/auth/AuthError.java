package org.suifang.server.auth;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/**
 * Error codes of login and tokens; documented in docs/errors.md under "Authentication and users".
 */
public enum AuthError implements ErrorCode {
  LOGIN_FAILED(HttpStatus.UNAUTHORIZED, "用户名或密码错误。", "Wrong username or password."),
  ACCOUNT_LOCKED(
      HttpStatus.TOO_MANY_REQUESTS,
      "登录失败次数过多，账户已暂时锁定，请稍后再试。",
      "Too many failed logins; the account is locked for a while. Try again later."),
  TOO_MANY_LOGIN_ATTEMPTS(
      HttpStatus.TOO_MANY_REQUESTS,
      "此网络登录失败次数过多，请稍后再试。",
      "Too many failed logins from this network; try again later."),
  ACCOUNT_DISABLED(
      HttpStatus.UNAUTHORIZED,
      "账户已停用，请联系县级管理员。",
      "The account is deactivated; contact the county administrator."),
  REFRESH_TOKEN_INVALID(
      HttpStatus.UNAUTHORIZED,
      "登录已过期，请重新登录。",
      "The refresh token is unknown, expired or revoked; log in again."),
  REFRESH_TOKEN_REUSED(
      HttpStatus.UNAUTHORIZED,
      "登录凭据已被使用过，为安全起见已注销该设备的登录，请重新登录。",
      "The refresh token was already used; its session is revoked for safety. Log in again."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  AuthError(HttpStatus status, String messageZh, String messageEn) {
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
