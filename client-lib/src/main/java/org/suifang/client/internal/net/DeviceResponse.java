package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/** The answer to a device registration. Wire type: field names are the contract. */
public final class DeviceResponse {
  @SerializedName("deviceId")
  public @Nullable UUID deviceId;

  @SerializedName("userId")
  public @Nullable UUID userId;

  @SerializedName("lastSeq")
  public long lastSeq;

  @SerializedName("epoch")
  public @Nullable String epoch;

  @SerializedName("ruleSetId")
  public @Nullable String ruleSetId;

  @SerializedName("registeredAt")
  public @Nullable Instant registeredAt;
}
