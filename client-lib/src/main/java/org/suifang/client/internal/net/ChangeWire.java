package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.util.UUID;
import javax.annotation.Nullable;

/** One row of the change feed. Wire type: field names are the contract. */
public final class ChangeWire {
  @SerializedName("seq")
  public long seq;

  @SerializedName("type")
  public @Nullable String type;

  @SerializedName("id")
  public @Nullable UUID id;

  @SerializedName("data")
  public @Nullable JsonElement data;
}
