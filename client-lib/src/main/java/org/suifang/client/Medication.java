package org.suifang.client;

import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One row of 用药情况 or 用药调整意见, with the JSON names of the server's {@code MedicationCommand}. An oral
 * drug has {@code timesPerDay} and {@code mgPerDose}; an insulin row (diabetes form only) has
 * {@code insulinType} and {@code insulinDosage} instead.
 */
public final class Medication {
  @Nullable
  @SerializedName("drugName")
  private final String drugName;

  @Nullable
  @SerializedName("timesPerDay")
  private final Integer timesPerDay;

  @Nullable
  @SerializedName("mgPerDose")
  private final BigDecimal mgPerDose;

  @Nullable
  @SerializedName("insulinType")
  private final String insulinType;

  @Nullable
  @SerializedName("insulinDosage")
  private final String insulinDosage;

  // For Gson, which overwrites the fields.
  @SuppressWarnings("unused")
  private Medication() {
    this(null, null, null, null, null);
  }

  private Medication(
      @Nullable String drugName,
      @Nullable Integer timesPerDay,
      @Nullable BigDecimal mgPerDose,
      @Nullable String insulinType,
      @Nullable String insulinDosage) {
    this.drugName = drugName;
    this.timesPerDay = timesPerDay;
    this.mgPerDose = mgPerDose;
    this.insulinType = insulinType;
    this.insulinDosage = insulinDosage;
  }

  /** Returns an oral drug row: 药物名称, 每日 … 次, 每次 … mg. */
  public static Medication oral(String drugName, int timesPerDay, BigDecimal mgPerDose) {
    return new Medication(
        Objects.requireNonNull(drugName, "drugName == null"),
        timesPerDay,
        Objects.requireNonNull(mgPerDose, "mgPerDose == null"),
        null,
        null);
  }

  /** Returns an insulin row: 药物名称, 胰岛素种类, 用法和用量 (e.g. "早餐前12单位，晚餐前8单位"). */
  public static Medication insulin(String drugName, String insulinType, String insulinDosage) {
    return new Medication(
        Objects.requireNonNull(drugName, "drugName == null"),
        null,
        null,
        Objects.requireNonNull(insulinType, "insulinType == null"),
        Objects.requireNonNull(insulinDosage, "insulinDosage == null"));
  }

  /** Returns a row with any combination of values, as read from a form; checked when recorded. */
  public static Medication of(
      @Nullable String drugName,
      @Nullable Integer timesPerDay,
      @Nullable BigDecimal mgPerDose,
      @Nullable String insulinType,
      @Nullable String insulinDosage) {
    return new Medication(drugName, timesPerDay, mgPerDose, insulinType, insulinDosage);
  }

  /** Returns 药物名称 (required, at most 100 characters), or null if missing. */
  @Nullable
  public String drugName() {
    return drugName;
  }

  /** Returns 每日 … 次 (1-24), or null. */
  @Nullable
  public Integer timesPerDay() {
    return timesPerDay;
  }

  /** Returns 每次 … mg (above 0, at most 100000), or null. */
  @Nullable
  public BigDecimal mgPerDose() {
    return mgPerDose;
  }

  /** Returns 胰岛素种类, or null. */
  @Nullable
  public String insulinType() {
    return insulinType;
  }

  /** Returns 胰岛素用法和用量, or null. */
  @Nullable
  public String insulinDosage() {
    return insulinDosage;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Medication)) {
      return false;
    }
    Medication that = (Medication) o;
    return Objects.equals(drugName, that.drugName)
        && Objects.equals(timesPerDay, that.timesPerDay)
        && Objects.equals(mgPerDose, that.mgPerDose)
        && Objects.equals(insulinType, that.insulinType)
        && Objects.equals(insulinDosage, that.insulinDosage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(drugName, timesPerDay, mgPerDose, insulinType, insulinDosage);
  }

  @Override
  public String toString() {
    return "Medication{"
        + drugName
        + ", timesPerDay="
        + timesPerDay
        + ", mgPerDose="
        + mgPerDose
        + ", insulinType="
        + insulinType
        + ", insulinDosage="
        + insulinDosage
        + "}";
  }
}
