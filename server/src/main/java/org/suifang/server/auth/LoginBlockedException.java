package org.suifang.server.auth;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.suifang.server.common.ApiException;

/**
 * A login refused until {@link #until()}: a locked account or a client address with too many
 * failures. Answered with 429, a {@code Retry-After} header and the time in the messages.
 */
final class LoginBlockedException extends ApiException {

  private static final DateTimeFormatter BEIJING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final Instant until;

  LoginBlockedException(AuthError code, Instant until) {
    super(
        code,
        code.messageZh() + "（解锁时间：" + BEIJING.format(until) + " 北京时间）",
        code.messageEn() + " (until " + until + ")",
        List.of());
    this.until = until;
  }

  Instant until() {
    return until;
  }
}
