package org.suifang.server.common;

import io.micronaut.http.HttpStatus;

/**
 * The error codes every feature shares. Features declare their own codes in an enum of their own
 * package implementing {@link ErrorCode}; every code is documented in docs/errors.md.
 */
public enum CommonError implements ErrorCode {
  // Generic request problems
  VALIDATION_FAILED(
      HttpStatus.BAD_REQUEST, "输入数据有误，请检查标出的字段。", "The input is not valid; see the field errors."),
  MALFORMED_REQUEST(
      HttpStatus.BAD_REQUEST, "请求格式错误，无法解析。", "The request body could not be parsed."),
  PAYLOAD_TOO_LARGE(
      HttpStatus.REQUEST_ENTITY_TOO_LARGE, "请求内容过大。", "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型。", "The content type is not supported."),
  NOT_FOUND(HttpStatus.NOT_FOUND, "未找到请求的资源。", "The requested resource was not found."),
  METHOD_NOT_ALLOWED(
      HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方法。", "The HTTP method is not allowed here."),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "请先登录。", "Authentication is required."),
  FORBIDDEN(HttpStatus.FORBIDDEN, "您无权访问该数据。", "You are not allowed to access this data."),
  CONFLICT(
      HttpStatus.CONFLICT,
      "数据已被他人修改，请刷新后重试。",
      "The data was changed by someone else; reload and retry."),
  INTERNAL_ERROR(
      HttpStatus.INTERNAL_SERVER_ERROR,
      "服务器内部错误，请稍后重试。",
      "Internal server error; please retry later."),
  TEMPORARILY_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "服务器繁忙，本次操作未保存，请稍后重试。",
      "The server is busy and nothing was saved; retry shortly."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  CommonError(HttpStatus status, String messageZh, String messageEn) {
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
