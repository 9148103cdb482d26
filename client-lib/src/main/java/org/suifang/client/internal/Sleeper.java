package org.suifang.client.internal;

/** Waits between retries; tests pass one that records instead of sleeping. */
public interface Sleeper {

  /** The real one: {@link Thread#sleep}. */
  Sleeper THREAD = Thread::sleep;

  /** Waits {@code millis} milliseconds. */
  void sleep(long millis) throws InterruptedException;
}
