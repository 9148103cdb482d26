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

  /**
   * The row's {@code data} as {@code ClientState.validate} read it, so that applying the answer
   * does not read it again; neither on the wire nor in the journal (transient), so a replay reads
   * {@code data}.
   */
  public transient @Nullable Object parsed;
}
