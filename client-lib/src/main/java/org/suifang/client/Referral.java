package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;
import javax.annotation.Nullable;

/** 转诊: a referral made at a visit, with the JSON names of the server's {@code ReferralCommand}. */
public final class Referral {
  @Nullable
  @SerializedName("reason")
  private final String reason;

  @Nullable
  @SerializedName("facility")
  private final String facility;

  @Nullable
  @SerializedName("department")
  private final String department;

  @Nullable
  @SerializedName("contact")
  private final String contact;

  @Nullable
  @SerializedName("contactPhone")
  private final String contactPhone;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private Referral() {
    this(null, null, null, null, null);
  }

  private Referral(
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department,
      @Nullable String contact,
      @Nullable String contactPhone) {
    this.reason = reason;
    this.facility = facility;
    this.department = department;
    this.contact = contact;
    this.contactPhone = contactPhone;
  }

  /**
   * Returns a referral.
   *
   * @param reason 原因 (required, at most 200 characters)
   * @param facility 机构, e.g. "××市人民医院" (required, at most 100 characters)
   * @param department 科别, e.g. "心内科" (at most 50 characters), or null
   * @param contact 联系人 (at most 50 characters), or null
   * @param contactPhone 联系电话 (at most 20 characters), or null
   */
  public static Referral of(
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department,
      @Nullable String contact,
      @Nullable String contactPhone) {
    return new Referral(reason, facility, department, contact, contactPhone);
  }

  /** Returns 原因, or null if missing. */
  @Nullable
  public String reason() {
    return reason;
  }

  /** Returns 机构, or null if missing. */
  @Nullable
  public String facility() {
    return facility;
  }

  /** Returns 科别, or null. */
  @Nullable
  public String department() {
    return department;
  }

  /** Returns 联系人, or null. */
  @Nullable
  public String contact() {
    return contact;
  }

  /** Returns 联系电话, or null. */
  @Nullable
  public String contactPhone() {
    return contactPhone;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Referral)) {
      return false;
    }
    Referral that = (Referral) o;
    return Objects.equals(reason, that.reason)
        && Objects.equals(facility, that.facility)
        && Objects.equals(department, that.department)
        && Objects.equals(contact, that.contact)
        && Objects.equals(contactPhone, that.contactPhone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, facility, department, contact, contactPhone);
  }

  @Override
  public String toString() {
    return "Referral{" + reason + ", " + facility + ", " + department + "}";
  }
}
