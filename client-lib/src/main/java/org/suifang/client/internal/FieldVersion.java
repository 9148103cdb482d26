package org.suifang.client.internal;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * The version of one patient field: {@code {"hlc": …, "deviceId": "…"}}. Versions are ordered by
 * {@code hlc}, then by {@code deviceId} as a lower-case UUID string (docs/sync-protocol.md).
 */
public final class FieldVersion implements Comparable<FieldVersion> {

  /** The device id the server uses for writes made through the REST API. */
  public static final UUID SERVER_DEVICE = new UUID(0L, 0L);

  @SerializedName("hlc")
  private final long hlc;

  @SerializedName("deviceId")
  private final UUID deviceId;

  // For Gson: it overwrites the fields.
  @SuppressWarnings("unused")
  private FieldVersion() {
    this(0L, SERVER_DEVICE);
  }

  public FieldVersion(long hlc, UUID deviceId) {
    this.hlc = hlc;
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId == null");
  }

  public long hlc() {
    return hlc;
  }

  public UUID deviceId() {
    return deviceId;
  }

  @Override
  public int compareTo(FieldVersion other) {
    int byHlc = Long.compare(hlc, other.hlc);
    if (byHlc != 0) {
      return byHlc;
    }
    return deviceId
        .toString()
        .toLowerCase(Locale.ROOT)
        .compareTo(other.deviceId.toString().toLowerCase(Locale.ROOT));
  }

  /** Returns the larger of two versions; a null one counts as smallest. */
  @Nullable
  public static FieldVersion max(@Nullable FieldVersion a, @Nullable FieldVersion b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FieldVersion)) {
      return false;
    }
    FieldVersion that = (FieldVersion) o;
    return hlc == that.hlc && deviceId.equals(that.deviceId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hlc, deviceId);
  }

  @Override
  public String toString() {
    return "{hlc=" + hlc + ", deviceId=" + deviceId + "}";
  }
}
