package org.suifang.client.internal.net;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * One outbox mutation as sent (docs/sync-protocol.md, "Mutation"). Wire type: field names are the
 * contract.
 */
public final class MutationWire {
  @SerializedName("mutationId")
  public @Nullable UUID mutationId;

  @SerializedName("deviceSeq")
  public long deviceSeq;

  @SerializedName("hlc")
  public long hlc;

  @SerializedName("authorId")
  public @Nullable UUID authorId;

  @SerializedName("type")
  public @Nullable String type;

  @SerializedName("schemaVersion")
  public int schemaVersion;

  @SerializedName("createdAt")
  public @Nullable Instant createdAt;

  @SerializedName("payload")
  public @Nullable JsonObject payload;
}
