package org.suifang.client.internal.state;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.internal.net.SyncResponse;

/**
 * One local transaction, the unit of {@code LocalStore.commit}: everything one user action or one
 * sync round trip changes, so that a crash leaves either all of it or none. {@link ClientState}
 * applies it the same way live and on replay.
 */
public final class Tx {

  /** The kinds of transaction. */
  public enum Kind {
    /** The first open of a data directory: the device id. */
    INIT,
    /** A local write: the change and its outbox mutation, with the new HLC and device seq. */
    LOCAL,
    /** A sync round trip: the push results and the pulled page with its cursor. */
    ROUND_TRIP,
    /** A registration answer for the current device id. */
    REGISTERED,
    /** A new device id, its registration, and the pending mutations renumbered. */
    NEW_DEVICE,
    /** A rejection marked seen. */
    ACKNOWLEDGE
  }

  @SerializedName("kind")
  public @Nullable Kind kind;

  @SerializedName("at")
  public @Nullable Instant at;

  @SerializedName("deviceId")
  public @Nullable UUID deviceId;

  @SerializedName("entry")
  public @Nullable OutboxEntry entry;

  @SerializedName("response")
  public @Nullable SyncResponse response;

  @SerializedName("retentionMillis")
  public long retentionMillis;

  @SerializedName("registration")
  public @Nullable Registration registration;

  @SerializedName("mutationId")
  public @Nullable UUID mutationId;

  private Tx() {}

  static Tx of(Kind kind, Instant at) {
    Tx tx = new Tx();
    tx.kind = kind;
    tx.at = at;
    return tx;
  }

  public static Tx init(UUID deviceId, Instant at) {
    Tx tx = of(Kind.INIT, at);
    tx.deviceId = deviceId;
    return tx;
  }

  public static Tx local(OutboxEntry entry, Instant at) {
    Tx tx = of(Kind.LOCAL, at);
    tx.entry = entry;
    return tx;
  }

  /** A round trip answered for requests sent as {@code deviceId}. */
  public static Tx roundTrip(
      UUID deviceId, SyncResponse response, long retentionMillis, Instant at) {
    Tx tx = of(Kind.ROUND_TRIP, at);
    tx.deviceId = deviceId;
    tx.response = response;
    tx.retentionMillis = retentionMillis;
    return tx;
  }

  public static Tx registered(Registration registration, Instant at) {
    Tx tx = of(Kind.REGISTERED, at);
    tx.registration = registration;
    return tx;
  }

  /** A new device id; pending mutations are renumbered from the registration's lastSeq + 1. */
  public static Tx newDevice(Registration registration, Instant at) {
    Tx tx = of(Kind.NEW_DEVICE, at);
    tx.deviceId = registration.deviceId;
    tx.registration = registration;
    return tx;
  }

  public static Tx acknowledge(UUID mutationId, Instant at) {
    Tx tx = of(Kind.ACKNOWLEDGE, at);
    tx.mutationId = mutationId;
    return tx;
  }
}
