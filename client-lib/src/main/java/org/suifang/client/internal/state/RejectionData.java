package org.suifang.client.internal.state;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.FieldError;

/** A mutation the server rejected, kept for the needs-attention list. */
public final class RejectionData {
  @SerializedName("mutationId")
  public @Nullable UUID mutationId;

  @SerializedName("type")
  public @Nullable String type;

  @SerializedName("recordId")
  public @Nullable UUID recordId;

  @SerializedName("code")
  public @Nullable String code;

  @SerializedName("messageZh")
  public @Nullable String messageZh;

  @SerializedName("messageEn")
  public @Nullable String messageEn;

  @SerializedName("fieldErrors")
  public @Nullable List<FieldError> fieldErrors;

  @SerializedName("payload")
  public @Nullable JsonObject payload;

  @SerializedName("createdAt")
  public @Nullable Instant createdAt;

  @SerializedName("rejectedAt")
  public @Nullable Instant rejectedAt;

  @SerializedName("acknowledged")
  public boolean acknowledged;
}
