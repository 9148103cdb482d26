package org.suifang.server.sync;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.UUID;

/**
 * The version of one patient field: the HLC of the write and the device that made it. Versions are
 * ordered by HLC, then by the device id as a lower-case UUID string; the larger version wins
 * (last-writer-wins register, docs/sync-protocol.md#conflict-rules).
 *
 * @param hlc the hybrid logical clock of the write
 * @param deviceId the writing device; {@link #SERVER_DEVICE} for writes through the REST API
 */
@Serdeable
public record FieldVersion(long hlc, UUID deviceId) implements Comparable<FieldVersion> {

  /** The device id of writes made through the REST API rather than by a tablet. */
  public static final UUID SERVER_DEVICE = new UUID(0, 0);

  private static final Comparator<FieldVersion> ORDER =
      Comparator.comparingLong(FieldVersion::hlc).thenComparing(v -> v.deviceId().toString());

  @Override
  public int compareTo(FieldVersion other) {
    return ORDER.compare(this, other);
  }

  /** The larger of two versions. */
  public static FieldVersion max(FieldVersion a, FieldVersion b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
