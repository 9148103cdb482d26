package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;

/** A user in the login answer ({@code UserView}). Wire type: field names are the contract. */
public final class UserWire {
  @SerializedName("id")
  public @Nullable UUID id;

  @SerializedName("username")
  public @Nullable String username;

  @SerializedName("displayName")
  public @Nullable String displayName;

  @SerializedName("role")
  public @Nullable String role;

  @SerializedName("countyCode")
  public @Nullable String countyCode;

  @SerializedName("townshipCode")
  public @Nullable String townshipCode;

  @SerializedName("villageCodes")
  public @Nullable List<String> villageCodes;

  @SerializedName("facilityId")
  public @Nullable UUID facilityId;

  @SerializedName("active")
  public boolean active;
}
