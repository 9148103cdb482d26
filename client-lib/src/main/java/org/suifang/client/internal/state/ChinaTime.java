package org.suifang.client.internal.state;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the clinical record are China Standard Time dates, as on the server. */
public final class ChinaTime {
  /** Asia/Shanghai. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  /** Returns today's date in China by {@code clock}. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
