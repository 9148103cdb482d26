package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One problem with one input field, as the server reports it: the JSON path of the field (e.g.
 * {@code conditions[0].diagnosedOn}), a stable code and messages in Chinese and English. Also used
 * for a visit's soft warnings ({@code IMPLAUSIBLE}).
 */
public final class FieldError {
  @Nullable
  @SerializedName("field")
  private final String field;

  @SerializedName("code")
  private final String code;

  @SerializedName("messageZh")
  private final String messageZh;

  @SerializedName("messageEn")
  private final String messageEn;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private FieldError() {
    this(null, "", "", "");
  }

  /** Creates a field error; {@code field} is null for a warning not tied to one field. */
  public FieldError(@Nullable String field, String code, String messageZh, String messageEn) {
    this.field = field;
    this.code = Objects.requireNonNull(code, "code == null");
    this.messageZh = Objects.requireNonNull(messageZh, "messageZh == null");
    this.messageEn = Objects.requireNonNull(messageEn, "messageEn == null");
  }

  /** Returns the JSON path of the field, or null. */
  @Nullable
  public String field() {
    return field;
  }

  /** Returns the stable code, e.g. {@code REQUIRED}. */
  public String code() {
    return code;
  }

  /** Returns the message in Chinese. */
  public String messageZh() {
    return messageZh;
  }

  /** Returns the message in English. */
  public String messageEn() {
    return messageEn;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FieldError)) {
      return false;
    }
    FieldError that = (FieldError) o;
    return Objects.equals(field, that.field)
        && code.equals(that.code)
        && messageZh.equals(that.messageZh)
        && messageEn.equals(that.messageEn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, code, messageZh, messageEn);
  }

  @Override
  public String toString() {
    return field + ": " + code;
  }
}
