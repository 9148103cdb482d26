package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.FieldError;

/** One mutation result of a sync answer. Wire type: field names are the contract. */
public final class ResultWire {
  @SerializedName("mutationId")
  public @Nullable UUID mutationId;

  @SerializedName("deviceSeq")
  public long deviceSeq;

  @SerializedName("status")
  public @Nullable String status;

  @SerializedName("duplicate")
  public boolean duplicate;

  @SerializedName("changeSeq")
  public @Nullable Long changeSeq;

  @SerializedName("hlc")
  public @Nullable Long hlc;

  @SerializedName("clockSuspect")
  public boolean clockSuspect;

  @SerializedName("conflicts")
  public int conflicts;

  @SerializedName("code")
  public @Nullable String code;

  @SerializedName("messageZh")
  public @Nullable String messageZh;

  @SerializedName("messageEn")
  public @Nullable String messageEn;

  @SerializedName("fieldErrors")
  public @Nullable List<FieldError> fieldErrors;
}
