package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import javax.annotation.Nullable;

/**
 * {@code POST /api/v1/auth/refresh} and {@code /logout}. Wire type: field names are the contract.
 */
public final class RefreshRequest {
  @SerializedName("refreshToken")
  public @Nullable String refreshToken;
}
