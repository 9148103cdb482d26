package org.suifang.client;

import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/** One side of a {@link Conflict}: a field value with its version and author. Immutable. */
public final class ConflictVersion {
  @Nullable private final String value;

  private final long hlc;
  @Nullable private final UUID deviceId;

  @Nullable private final UUID authorId;

  private ConflictVersion(Builder b) {
    this.value = b.value;
    this.hlc = b.hlc;
    this.deviceId = b.deviceId;
    this.authorId = b.authorId;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the value as JSON (e.g. {@code \"13800138000\"} or {@code null}), or null. */
  @Nullable
  public String value() {
    return value;
  }

  /** Returns the hybrid logical clock of the write. */
  public long hlc() {
    return hlc;
  }

  /** Returns the device that wrote it, or null. */
  @Nullable
  public UUID deviceId() {
    return deviceId;
  }

  /** Returns the user who wrote it, or null. */
  @Nullable
  public UUID authorId() {
    return authorId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConflictVersion)) {
      return false;
    }
    ConflictVersion that = (ConflictVersion) o;
    return Objects.equals(value, that.value)
        && hlc == that.hlc
        && Objects.equals(deviceId, that.deviceId)
        && Objects.equals(authorId, that.authorId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, hlc, deviceId, authorId);
  }

  @Override
  public String toString() {
    return "ConflictVersion{"
        + "value="
        + value
        + ", hlc="
        + hlc
        + ", deviceId="
        + deviceId
        + ", authorId="
        + authorId
        + "}";
  }

  /** Builds a {@link ConflictVersion}; not thread-safe. */
  public static final class Builder {
    @Nullable private String value;
    private long hlc;
    @Nullable private UUID deviceId;
    @Nullable private UUID authorId;

    private Builder() {}

    private Builder(ConflictVersion source) {
      value = source.value;
      hlc = source.hlc;
      deviceId = source.deviceId;
      authorId = source.authorId;
    }

    /** Sets the value as JSON (e.g. {@code \"13800138000\"} or {@code null}). */
    public Builder value(@Nullable String value) {
      this.value = value;
      return this;
    }

    /** Sets the hybrid logical clock of the write. */
    public Builder hlc(long hlc) {
      this.hlc = hlc;
      return this;
    }

    /** Sets the device that wrote it. */
    public Builder deviceId(@Nullable UUID deviceId) {
      this.deviceId = deviceId;
      return this;
    }

    /** Sets the user who wrote it. */
    public Builder authorId(@Nullable UUID authorId) {
      this.authorId = authorId;
      return this;
    }

    /**
     * Returns the conflictVersion.
     *
     * @throws NullPointerException if a required value is missing
     */
    public ConflictVersion build() {
      return new ConflictVersion(this);
    }
  }
}
