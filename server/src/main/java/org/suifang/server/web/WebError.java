package org.suifang.server.web;

import io.micronaut.http.HttpStatus;
import org.suifang.server.common.ErrorCode;

/** Error codes of the dashboard shell; documented in docs/errors.md under "Dashboard". */
public enum WebError implements ErrorCode {
  CSRF_TOKEN_INVALID(
      HttpStatus.FORBIDDEN,
      "页面已过期或请求来源不可信，请刷新页面后重试。",
      "The page has expired or the request did not come from this site; reload the page and try"
          + " again."),
  ;

  private final HttpStatus status;
  private final String messageZh;
  private final String messageEn;

  WebError(HttpStatus status, String messageZh, String messageEn) {
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
