package org.suifang.client;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * The sync state of the device, for the app's status line: what waits in the outbox, when the last
 * sync succeeded, and what needs the doctor's attention. Immutable.
 */
public final class SyncState {
  private final UUID deviceId;
  private final int pendingCount;
  @Nullable private final Instant oldestPendingAt;

  @Nullable private final Instant lastSuccessfulSyncAt;

  @Nullable private final Instant lastResetAt;

  private final int needsAttentionCount;

  private SyncState(Builder b) {
    this.deviceId = Objects.requireNonNull(b.deviceId, "deviceId == null");
    this.pendingCount = b.pendingCount;
    this.oldestPendingAt = b.oldestPendingAt;
    this.lastSuccessfulSyncAt = b.lastSuccessfulSyncAt;
    this.lastResetAt = b.lastResetAt;
    this.needsAttentionCount = b.needsAttentionCount;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the device id. */
  public UUID deviceId() {
    return deviceId;
  }

  /** Returns the mutations not yet acknowledged by the server. */
  public int pendingCount() {
    return pendingCount;
  }

  /** Returns when the oldest pending mutation was made, or null. */
  @Nullable
  public Instant oldestPendingAt() {
    return oldestPendingAt;
  }

  /** Returns when a sync last ended with everything sent and pulled, or null. */
  @Nullable
  public Instant lastSuccessfulSyncAt() {
    return lastSuccessfulSyncAt;
  }

  /** Returns when the pulled data was last replaced after a server restore, or null. */
  @Nullable
  public Instant lastResetAt() {
    return lastResetAt;
  }

  /** Returns the rejections the app has not acknowledged. */
  public int needsAttentionCount() {
    return needsAttentionCount;
  }

  /** Returns whether a reset ever replaced the pulled data on this device. */
  public boolean resetHappened() {
    return lastResetAt != null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SyncState)) {
      return false;
    }
    SyncState that = (SyncState) o;
    return Objects.equals(deviceId, that.deviceId)
        && pendingCount == that.pendingCount
        && Objects.equals(oldestPendingAt, that.oldestPendingAt)
        && Objects.equals(lastSuccessfulSyncAt, that.lastSuccessfulSyncAt)
        && Objects.equals(lastResetAt, that.lastResetAt)
        && needsAttentionCount == that.needsAttentionCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        deviceId,
        pendingCount,
        oldestPendingAt,
        lastSuccessfulSyncAt,
        lastResetAt,
        needsAttentionCount);
  }

  @Override
  public String toString() {
    return "SyncState{"
        + "deviceId="
        + deviceId
        + ", pendingCount="
        + pendingCount
        + ", oldestPendingAt="
        + oldestPendingAt
        + ", lastSuccessfulSyncAt="
        + lastSuccessfulSyncAt
        + ", lastResetAt="
        + lastResetAt
        + ", needsAttentionCount="
        + needsAttentionCount
        + "}";
  }

  /** Builds a {@link SyncState}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID deviceId;
    private int pendingCount;
    @Nullable private Instant oldestPendingAt;
    @Nullable private Instant lastSuccessfulSyncAt;
    @Nullable private Instant lastResetAt;
    private int needsAttentionCount;

    private Builder() {}

    private Builder(SyncState source) {
      deviceId = source.deviceId;
      pendingCount = source.pendingCount;
      oldestPendingAt = source.oldestPendingAt;
      lastSuccessfulSyncAt = source.lastSuccessfulSyncAt;
      lastResetAt = source.lastResetAt;
      needsAttentionCount = source.needsAttentionCount;
    }

    /** Sets the device id (required). */
    public Builder deviceId(UUID deviceId) {
      this.deviceId = Objects.requireNonNull(deviceId, "deviceId == null");
      return this;
    }

    /** Sets the mutations not yet acknowledged by the server. */
    public Builder pendingCount(int pendingCount) {
      this.pendingCount = pendingCount;
      return this;
    }

    /** Sets when the oldest pending mutation was made. */
    public Builder oldestPendingAt(@Nullable Instant oldestPendingAt) {
      this.oldestPendingAt = oldestPendingAt;
      return this;
    }

    /** Sets when a sync last ended with everything sent and pulled. */
    public Builder lastSuccessfulSyncAt(@Nullable Instant lastSuccessfulSyncAt) {
      this.lastSuccessfulSyncAt = lastSuccessfulSyncAt;
      return this;
    }

    /** Sets when the pulled data was last replaced after a server restore. */
    public Builder lastResetAt(@Nullable Instant lastResetAt) {
      this.lastResetAt = lastResetAt;
      return this;
    }

    /** Sets the rejections the app has not acknowledged. */
    public Builder needsAttentionCount(int needsAttentionCount) {
      this.needsAttentionCount = needsAttentionCount;
      return this;
    }

    /**
     * Returns the syncState.
     *
     * @throws NullPointerException if a required value is missing
     */
    public SyncState build() {
      return new SyncState(this);
    }
  }
}
