package org.suifang.client;

/**
 * Receives the progress of {@link SuifangClient#sync()}. Called on the thread that runs {@code
 * sync()}, synchronously: keep it short and hand work to the UI thread yourself. A listener must
 * not throw; a RuntimeException it throws ends the sync (what was stored before stays stored) and
 * propagates to the caller of {@code sync()}.
 */
public interface SyncListener {

  /** Called at each step of a sync. */
  void onProgress(SyncProgress progress);
}
