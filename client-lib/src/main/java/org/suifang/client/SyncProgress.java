package org.suifang.client;

import java.util.Objects;
import javax.annotation.Nullable;

/** Where a running sync stands; passed to {@link SyncListener}. Immutable. */
public final class SyncProgress {
  private final SyncPhase phase;
  private final int pushed;
  private final int pulled;
  private final int roundTrips;
  private final int pendingCount;

  private SyncProgress(Builder b) {
    this.phase = Objects.requireNonNull(b.phase, "phase == null");
    this.pushed = b.pushed;
    this.pulled = b.pulled;
    this.roundTrips = b.roundTrips;
    this.pendingCount = b.pendingCount;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns what the sync is doing. */
  public SyncPhase phase() {
    return phase;
  }

  /** Returns the mutations the server applied so far. */
  public int pushed() {
    return pushed;
  }

  /** Returns the change rows applied so far. */
  public int pulled() {
    return pulled;
  }

  /** Returns the HTTP requests made so far. */
  public int roundTrips() {
    return roundTrips;
  }

  /** Returns the mutations still in the outbox. */
  public int pendingCount() {
    return pendingCount;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SyncProgress)) {
      return false;
    }
    SyncProgress that = (SyncProgress) o;
    return Objects.equals(phase, that.phase)
        && pushed == that.pushed
        && pulled == that.pulled
        && roundTrips == that.roundTrips
        && pendingCount == that.pendingCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, pushed, pulled, roundTrips, pendingCount);
  }

  @Override
  public String toString() {
    return "SyncProgress{"
        + "phase="
        + phase
        + ", pushed="
        + pushed
        + ", pulled="
        + pulled
        + ", roundTrips="
        + roundTrips
        + ", pendingCount="
        + pendingCount
        + "}";
  }

  /** Builds a {@link SyncProgress}; not thread-safe. */
  public static final class Builder {
    @Nullable private SyncPhase phase;
    private int pushed;
    private int pulled;
    private int roundTrips;
    private int pendingCount;

    private Builder() {}

    private Builder(SyncProgress source) {
      phase = source.phase;
      pushed = source.pushed;
      pulled = source.pulled;
      roundTrips = source.roundTrips;
      pendingCount = source.pendingCount;
    }

    /** Sets what the sync is doing (required). */
    public Builder phase(SyncPhase phase) {
      this.phase = Objects.requireNonNull(phase, "phase == null");
      return this;
    }

    /** Sets the mutations the server applied so far. */
    public Builder pushed(int pushed) {
      this.pushed = pushed;
      return this;
    }

    /** Sets the change rows applied so far. */
    public Builder pulled(int pulled) {
      this.pulled = pulled;
      return this;
    }

    /** Sets the HTTP requests made so far. */
    public Builder roundTrips(int roundTrips) {
      this.roundTrips = roundTrips;
      return this;
    }

    /** Sets the mutations still in the outbox. */
    public Builder pendingCount(int pendingCount) {
      this.pendingCount = pendingCount;
      return this;
    }

    /**
     * Returns the syncProgress.
     *
     * @throws NullPointerException if a required value is missing
     */
    public SyncProgress build() {
      return new SyncProgress(this);
    }
  }
}
