package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import java.util.UUID;
import javax.annotation.Nullable;

/** {@code POST /api/v1/devices}. Wire type: field names are the contract. */
public final class DeviceRequest {
  @SerializedName("deviceId")
  public @Nullable UUID deviceId;

  @SerializedName("appVersion")
  public @Nullable String appVersion;

  @SerializedName("platform")
  public @Nullable String platform;

  @SerializedName("model")
  public @Nullable String model;
}
