package org.suifang.client;

import java.util.ArrayList;
import java.util.List;
import org.suifang.client.internal.Sleeper;

/** A {@link Sleeper} that records the waits instead of waiting. */
final class RecordingSleeper implements Sleeper {
  final List<Long> waits = new ArrayList<>();

  @Override
  public synchronized void sleep(long millis) {
    waits.add(millis);
  }
}
