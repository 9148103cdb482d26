package org.suifang.client.internal.state;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;

/** Everything the device stores, as one object: the content of a snapshot. */
final class StateData {
  static final int SCHEMA = 1;

  @SerializedName("schema")
  int schema = SCHEMA;

  @SerializedName("deviceId")
  @Nullable
  UUID deviceId;

  /** The highest device seq given to a mutation. */
  @SerializedName("lastDeviceSeq")
  long lastDeviceSeq;

  /** The highest device seq the server ever acknowledged for the current device id. */
  @SerializedName("ackedThroughSeq")
  long ackedThroughSeq;

  /**
   * The server's {@code lastSeq} for the current device id as last heard. Below {@link
   * #ackedThroughSeq} after a server restore: the mutations in between must be sent again.
   */
  @SerializedName("serverLastSeq")
  long serverLastSeq;

  @SerializedName("hlc")
  long hlc;

  @SerializedName("cursor")
  @Nullable
  JsonElement cursor;

  @SerializedName("registration")
  @Nullable
  Registration registration;

  @SerializedName("lastSuccessfulSyncAt")
  @Nullable
  Instant lastSuccessfulSyncAt;

  @SerializedName("lastResetAt")
  @Nullable
  Instant lastResetAt;

  @SerializedName("patients")
  Map<UUID, PatientData> patients = new LinkedHashMap<>();

  @SerializedName("visits")
  Map<UUID, VisitData> visits = new LinkedHashMap<>();

  @SerializedName("conflicts")
  Map<UUID, ConflictData> conflicts = new LinkedHashMap<>();

  /**
   * Merged duplicates: the duplicate's id to the survivor's (a patient may be merged again, so
   * follow the chain). Older snapshots have none: Gson keeps this initial value.
   */
  @SerializedName("redirects")
  Map<UUID, UUID> redirects = new LinkedHashMap<>();

  /** The change seq each pulled record was last written with; older copies are ignored. */
  @SerializedName("seqs")
  Map<UUID, Long> seqs = new LinkedHashMap<>();

  /** Mutations not yet acknowledged, in device-seq order. */
  @SerializedName("outbox")
  List<OutboxEntry> outbox = new ArrayList<>();

  /** Acknowledged mutations, kept for the retention period, in acknowledgement order. */
  @SerializedName("sent")
  List<OutboxEntry> sent = new ArrayList<>();

  @SerializedName("rejections")
  List<RejectionData> rejections = new ArrayList<>();
}
