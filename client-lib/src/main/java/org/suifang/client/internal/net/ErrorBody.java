package org.suifang.client.internal.net;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import javax.annotation.Nullable;
import org.suifang.client.FieldError;

/** The server's error body (docs/errors.md). Wire type: field names are the contract. */
public final class ErrorBody {
  @SerializedName("status")
  public int status;

  @SerializedName("code")
  public @Nullable String code;

  @SerializedName("messageZh")
  public @Nullable String messageZh;

  @SerializedName("messageEn")
  public @Nullable String messageEn;

  @SerializedName("fieldErrors")
  public @Nullable List<FieldError> fieldErrors;
}
