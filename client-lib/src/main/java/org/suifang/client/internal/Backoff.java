package org.suifang.client.internal;

import java.util.Random;

/**
 * Jittered exponential backoff (docs/sync-protocol.md, "Retry rules"): the n-th retry waits a
 * random time between half and all of {@code min(cap, base * 2^(n-1))}.
 */
public final class Backoff {
  private final long baseMillis;
  private final long capMillis;
  private final Random random;

  public Backoff(long baseMillis, long capMillis, Random random) {
    if (baseMillis <= 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException("base " + baseMillis + ", cap " + capMillis);
    }
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.random = random;
  }

  /** Returns the wait before retry number {@code retry} (1 for the first retry). */
  public long delayMillis(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry < 1: " + retry);
    }
    long ceiling = baseMillis;
    for (int i = 1; i < retry && ceiling < capMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, capMillis);
    long half = ceiling / 2;
    return half + (long) (random.nextDouble() * (ceiling - half));
  }
}
