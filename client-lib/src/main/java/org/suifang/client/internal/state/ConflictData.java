package org.suifang.client.internal.state;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/** A {@code CONFLICT} change row (docs/sync-protocol.md, "Change types"). */
public final class ConflictData {
  @SerializedName("id")
  public @Nullable UUID id;

  @SerializedName("patientId")
  public @Nullable UUID patientId;

  @SerializedName("field")
  public @Nullable String field;

  @SerializedName("winner")
  public @Nullable Side winner;

  @SerializedName("loser")
  public @Nullable Side loser;

  @SerializedName("detectedAt")
  public @Nullable Instant detectedAt;

  @SerializedName("status")
  public @Nullable String status;

  /** How a supervisor resolved it; null while open. */
  @SerializedName("resolution")
  public @Nullable Resolution resolution;

  /** A supervisor's resolution (docs/sync-protocol.md, "Change types"). */
  public static final class Resolution {
    @SerializedName("choice")
    public @Nullable String choice;

    @SerializedName("value")
    public @Nullable JsonElement value;

    @SerializedName("hlc")
    public @Nullable Long hlc;

    @SerializedName("resolvedBy")
    public @Nullable UUID resolvedBy;

    @SerializedName("resolvedByName")
    public @Nullable String resolvedByName;

    @SerializedName("resolvedAt")
    public @Nullable Instant resolvedAt;

    @SerializedName("note")
    public @Nullable String note;
  }

  /** One side of the conflict. */
  public static final class Side {
    @SerializedName("value")
    public @Nullable JsonElement value;

    @SerializedName("hlc")
    public long hlc;

    @SerializedName("deviceId")
    public @Nullable UUID deviceId;

    @SerializedName("authorId")
    public @Nullable UUID authorId;
  }
}
