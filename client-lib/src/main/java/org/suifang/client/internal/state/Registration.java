package org.suifang.client.internal.state;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.internal.net.DeviceResponse;

/** The server's answer to the registration of this device, for one user. */
public final class Registration {
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

  /** Returns the stored form of a registration answer. */
  public static Registration of(DeviceResponse r, UUID deviceId, UUID userId) {
    Registration out = new Registration();
    out.deviceId = r.deviceId != null ? r.deviceId : deviceId;
    out.userId = r.userId != null ? r.userId : userId;
    out.lastSeq = r.lastSeq;
    out.epoch = r.epoch;
    out.ruleSetId = r.ruleSetId;
    out.registeredAt = r.registeredAt;
    return out;
  }
}
