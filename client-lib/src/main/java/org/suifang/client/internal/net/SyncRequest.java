package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;

/** The body of {@code POST /api/v1/sync}. Wire type: field names are the contract. */
public final class SyncRequest {
  @SerializedName("deviceId")
  public @Nullable UUID deviceId;

  @SerializedName("cursor")
  public @Nullable JsonElement cursor;

  @SerializedName("schemaVersion")
  public int schemaVersion;

  @SerializedName("appVersion")
  public @Nullable String appVersion;

  @SerializedName("clientHlc")
  public long clientHlc;

  @SerializedName("clientTime")
  public @Nullable Instant clientTime;

  @SerializedName("pendingCount")
  public int pendingCount;

  @SerializedName("oldestPendingAt")
  public @Nullable Instant oldestPendingAt;

  @SerializedName("mutations")
  public @Nullable List<MutationWire> mutations;

  @SerializedName("pullLimit")
  public int pullLimit;

  @SerializedName("pullMaxBytes")
  public long pullMaxBytes;

  /**
   * True asks for follow-ups in their compact form (nulls left out, coded values as codes); a
   * server from before it ignores the member and answers the full form, which is read alike.
   */
  @SerializedName("compactChanges")
  public @Nullable Boolean compactChanges;
}
