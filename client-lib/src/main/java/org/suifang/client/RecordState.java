package org.suifang.client;

/** Whether the server has seen everything a record shows. */
public enum RecordState {
  /** The record carries local changes the server has not acknowledged yet. */
  PENDING,
  /** The server has acknowledged every change the record shows. */
  SYNCED
}
