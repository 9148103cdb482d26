package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import javax.annotation.Nullable;

/** The answer to login and refresh ({@code TokenView}). Wire type: field names are the contract. */
public final class TokenResponse {
  @SerializedName("accessToken")
  public @Nullable String accessToken;

  @SerializedName("tokenType")
  public @Nullable String tokenType;

  @SerializedName("expiresIn")
  public long expiresIn;

  @SerializedName("refreshToken")
  public @Nullable String refreshToken;

  @SerializedName("refreshExpiresIn")
  public long refreshExpiresIn;

  @SerializedName("user")
  public @Nullable UserWire user;
}
