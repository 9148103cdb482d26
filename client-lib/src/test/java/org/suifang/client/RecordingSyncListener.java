package org.suifang.client;

import java.util.ArrayList;
import java.util.List;

/** Records the progress reports of a sync. */
final class RecordingSyncListener implements SyncListener {
  final List<SyncProgress> events = new ArrayList<>();

  @Override
  public synchronized void onProgress(SyncProgress progress) {
    events.add(progress);
  }

  synchronized List<SyncPhase> phases() {
    List<SyncPhase> out = new ArrayList<>();
    for (SyncProgress p : events) {
      out.add(p.phase());
    }
    return out;
  }
}
