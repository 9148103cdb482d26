package org.suifang.client.bench;

import java.util.Locale;

/**
 * The link profiles of sync-design.md §5.2 (WebPageTest's defaults), for projecting a measured sync
 * onto a slow network: bytes over bandwidth plus one round-trip time per request. Payload and
 * headers only; a new TLS connection would add two or three round trips more.
 */
public enum LinkProfile {
  TWO_G("2G", 35, 32, 1300),
  EDGE("EDGE", 240, 200, 840),
  THREE_G_SLOW("3G-Slow", 780, 330, 200),
  THREE_G("3G", 1600, 768, 300);

  public final String label;
  public final int downKbps;
  public final int upKbps;
  public final int rttMillis;

  LinkProfile(String label, int downKbps, int upKbps, int rttMillis) {
    this.label = label;
    this.downKbps = downKbps;
    this.upKbps = upKbps;
    this.rttMillis = rttMillis;
  }

  /**
   * Seconds to send {@code upBytes}, receive {@code downBytes} and wait {@code roundTrips} round
   * trips on this link.
   */
  public double seconds(long upBytes, long downBytes, long roundTrips) {
    return upBytes * 8.0 / (upKbps * 1000.0)
        + downBytes * 8.0 / (downKbps * 1000.0)
        + roundTrips * rttMillis / 1000.0;
  }

  /** {@link #seconds} formatted, e.g. {@code "12.3 s"}. */
  public String format(long upBytes, long downBytes, long roundTrips) {
    return String.format(Locale.ROOT, "%.1f s", seconds(upBytes, downBytes, roundTrips));
  }
}
