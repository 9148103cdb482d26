package org.suifang.client.internal.net;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import javax.annotation.Nullable;

/** The answer of {@code POST /api/v1/sync}. Wire type: field names are the contract. */
public final class SyncResponse {
  @SerializedName("results")
  public @Nullable List<ResultWire> results;

  @SerializedName("ackedThroughSeq")
  public @Nullable Long ackedThroughSeq;

  @SerializedName("expectedSeq")
  public @Nullable Long expectedSeq;

  @SerializedName("ackChangeSeq")
  public @Nullable Long ackChangeSeq;

  @SerializedName("resetRequired")
  public boolean resetRequired;

  @SerializedName("changes")
  public @Nullable List<ChangeWire> changes;

  @SerializedName("nextCursor")
  public @Nullable JsonElement nextCursor;

  @SerializedName("hasMore")
  public boolean hasMore;

  @SerializedName("serverHlc")
  public @Nullable Long serverHlc;

  @SerializedName("serverTime")
  public @Nullable Instant serverTime;

  /**
   * The answer as received, when it was read from it in one pass ({@code AnswerReader}): its change
   * rows then carry their typed record ({@link ChangeWire#parsed}) and no {@code data} tree, and
   * the journal stores this text as the transaction's {@code response}. Not on the wire.
   */
  public transient @Nullable String json;
}
