package org.suifang.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What one {@link SuifangClient#sync()} did. A failed sync keeps everything it stored before the
 * failure and leaves the outbox for the next one. Immutable.
 */
public final class SyncReport {
  private final boolean success;
  @Nullable private final SuifangException error;

  private final int pushed;
  private final int pulled;
  private final List<Rejection> rejected;
  private final int conflicts;
  private final long bytesSent;
  private final long bytesReceived;
  private final int roundTrips;
  private final Duration duration;
  private final boolean resetHappened;
  private final Instant startedAt;

  private SyncReport(Builder b) {
    this.success = b.success;
    this.error = b.error;
    this.pushed = b.pushed;
    this.pulled = b.pulled;
    this.rejected = Collections.unmodifiableList(new ArrayList<>(b.rejected));
    this.conflicts = b.conflicts;
    this.bytesSent = b.bytesSent;
    this.bytesReceived = b.bytesReceived;
    this.roundTrips = b.roundTrips;
    this.duration = Objects.requireNonNull(b.duration, "duration == null");
    this.resetHappened = b.resetHappened;
    this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt == null");
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns whether the sync ended with the outbox sent and the change feed read to its head. */
  public boolean success() {
    return success;
  }

  /** Returns why the sync failed; null on success, or null. */
  @Nullable
  public SuifangException error() {
    return error;
  }

  /** Returns the mutations the server applied in this sync (duplicates included). */
  public int pushed() {
    return pushed;
  }

  /** Returns the change rows applied from the server. */
  public int pulled() {
    return pulled;
  }

  /** Returns the mutations the server refused in this sync (unmodifiable). */
  public List<Rejection> rejected() {
    return rejected;
  }

  /** Returns the conflict rows the server recorded for this sync's mutations. */
  public int conflicts() {
    return conflicts;
  }

  /** Returns request body bytes on the wire (compressed). */
  public long bytesSent() {
    return bytesSent;
  }

  /** Returns response body bytes on the wire (compressed). */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** Returns the HTTP requests made, retries included. */
  public int roundTrips() {
    return roundTrips;
  }

  /** Returns how long the sync took, by the client's clock. */
  public Duration duration() {
    return duration;
  }

  /**
   * Returns whether the server asked for a reset (its database was restored) and the pulled data
   * was replaced.
   */
  public boolean resetHappened() {
    return resetHappened;
  }

  /** Returns when the sync started. */
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SyncReport)) {
      return false;
    }
    SyncReport that = (SyncReport) o;
    return success == that.success
        && Objects.equals(error, that.error)
        && pushed == that.pushed
        && pulled == that.pulled
        && Objects.equals(rejected, that.rejected)
        && conflicts == that.conflicts
        && bytesSent == that.bytesSent
        && bytesReceived == that.bytesReceived
        && roundTrips == that.roundTrips
        && Objects.equals(duration, that.duration)
        && resetHappened == that.resetHappened
        && Objects.equals(startedAt, that.startedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        success,
        error,
        pushed,
        pulled,
        rejected,
        conflicts,
        bytesSent,
        bytesReceived,
        roundTrips,
        duration,
        resetHappened,
        startedAt);
  }

  @Override
  public String toString() {
    return "SyncReport{"
        + "success="
        + success
        + ", error="
        + error
        + ", pushed="
        + pushed
        + ", pulled="
        + pulled
        + ", rejected="
        + rejected
        + ", conflicts="
        + conflicts
        + ", bytesSent="
        + bytesSent
        + ", bytesReceived="
        + bytesReceived
        + ", roundTrips="
        + roundTrips
        + ", duration="
        + duration
        + ", resetHappened="
        + resetHappened
        + ", startedAt="
        + startedAt
        + "}";
  }

  /** Builds a {@link SyncReport}; not thread-safe. */
  public static final class Builder {
    private boolean success;
    @Nullable private SuifangException error;
    private int pushed;
    private int pulled;
    private List<Rejection> rejected = new ArrayList<>();
    private int conflicts;
    private long bytesSent;
    private long bytesReceived;
    private int roundTrips;
    @Nullable private Duration duration;
    private boolean resetHappened;
    @Nullable private Instant startedAt;

    private Builder() {}

    private Builder(SyncReport source) {
      success = source.success;
      error = source.error;
      pushed = source.pushed;
      pulled = source.pulled;
      rejected = new ArrayList<>(source.rejected);
      conflicts = source.conflicts;
      bytesSent = source.bytesSent;
      bytesReceived = source.bytesReceived;
      roundTrips = source.roundTrips;
      duration = source.duration;
      resetHappened = source.resetHappened;
      startedAt = source.startedAt;
    }

    /** Sets whether the sync ended with the outbox sent and the change feed read to its head. */
    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    /** Sets why the sync failed; null on success. */
    public Builder error(@Nullable SuifangException error) {
      this.error = error;
      return this;
    }

    /** Sets the mutations the server applied in this sync (duplicates included). */
    public Builder pushed(int pushed) {
      this.pushed = pushed;
      return this;
    }

    /** Sets the change rows applied from the server. */
    public Builder pulled(int pulled) {
      this.pulled = pulled;
      return this;
    }

    /** Sets the mutations the server refused in this sync. */
    public Builder rejected(java.util.Collection<? extends Rejection> rejected) {
      this.rejected = new ArrayList<>(Objects.requireNonNull(rejected, "rejected == null"));
      return this;
    }

    /** Sets the conflict rows the server recorded for this sync's mutations. */
    public Builder conflicts(int conflicts) {
      this.conflicts = conflicts;
      return this;
    }

    /** Sets request body bytes on the wire (compressed). */
    public Builder bytesSent(long bytesSent) {
      this.bytesSent = bytesSent;
      return this;
    }

    /** Sets response body bytes on the wire (compressed). */
    public Builder bytesReceived(long bytesReceived) {
      this.bytesReceived = bytesReceived;
      return this;
    }

    /** Sets the HTTP requests made, retries included. */
    public Builder roundTrips(int roundTrips) {
      this.roundTrips = roundTrips;
      return this;
    }

    /** Sets how long the sync took, by the client's clock (required). */
    public Builder duration(Duration duration) {
      this.duration = Objects.requireNonNull(duration, "duration == null");
      return this;
    }

    /**
     * Sets whether the server asked for a reset (its database was restored) and the pulled data was
     * replaced.
     */
    public Builder resetHappened(boolean resetHappened) {
      this.resetHappened = resetHappened;
      return this;
    }

    /** Sets when the sync started (required). */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = Objects.requireNonNull(startedAt, "startedAt == null");
      return this;
    }

    /**
     * Returns the syncReport.
     *
     * @throws NullPointerException if a required value is missing
     */
    public SyncReport build() {
      return new SyncReport(this);
    }
  }
}
