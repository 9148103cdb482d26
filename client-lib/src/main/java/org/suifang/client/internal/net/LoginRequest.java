package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import javax.annotation.Nullable;

/** {@code POST /api/v1/auth/login}. Wire type: field names are the contract. */
public final class LoginRequest {
  @SerializedName("username")
  public @Nullable String username;

  @SerializedName("password")
  public @Nullable String password;

  @SerializedName("deviceName")
  public @Nullable String deviceName;
}
