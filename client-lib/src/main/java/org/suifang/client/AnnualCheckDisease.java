package org.suifang.client;

import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;
import org.suifang.rules.Disease;

/** One disease of an {@link AnnualCheckEntry}. Immutable. */
public final class AnnualCheckDisease {
  private final Disease disease;
  @Nullable private final LocalDate lastAnnualCheckDate;

  @Nullable private final LocalDate lastFaceToFaceDate;

  private AnnualCheckDisease(Builder b) {
    this.disease = Objects.requireNonNull(b.disease, "disease == null");
    this.lastAnnualCheckDate = b.lastAnnualCheckDate;
    this.lastFaceToFaceDate = b.lastFaceToFaceDate;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the disease. */
  public Disease disease() {
    return disease;
  }

  /** Returns the latest face-to-face visit marked as the annual check, or null. */
  @Nullable
  public LocalDate lastAnnualCheckDate() {
    return lastAnnualCheckDate;
  }

  /** Returns the latest face-to-face visit, or null. */
  @Nullable
  public LocalDate lastFaceToFaceDate() {
    return lastFaceToFaceDate;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AnnualCheckDisease)) {
      return false;
    }
    AnnualCheckDisease that = (AnnualCheckDisease) o;
    return Objects.equals(disease, that.disease)
        && Objects.equals(lastAnnualCheckDate, that.lastAnnualCheckDate)
        && Objects.equals(lastFaceToFaceDate, that.lastFaceToFaceDate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(disease, lastAnnualCheckDate, lastFaceToFaceDate);
  }

  @Override
  public String toString() {
    return "AnnualCheckDisease{"
        + "disease="
        + disease
        + ", lastAnnualCheckDate="
        + lastAnnualCheckDate
        + ", lastFaceToFaceDate="
        + lastFaceToFaceDate
        + "}";
  }

  /** Builds a {@link AnnualCheckDisease}; not thread-safe. */
  public static final class Builder {
    @Nullable private Disease disease;
    @Nullable private LocalDate lastAnnualCheckDate;
    @Nullable private LocalDate lastFaceToFaceDate;

    private Builder() {}

    private Builder(AnnualCheckDisease source) {
      disease = source.disease;
      lastAnnualCheckDate = source.lastAnnualCheckDate;
      lastFaceToFaceDate = source.lastFaceToFaceDate;
    }

    /** Sets the disease (required). */
    public Builder disease(Disease disease) {
      this.disease = Objects.requireNonNull(disease, "disease == null");
      return this;
    }

    /** Sets the latest face-to-face visit marked as the annual check. */
    public Builder lastAnnualCheckDate(@Nullable LocalDate lastAnnualCheckDate) {
      this.lastAnnualCheckDate = lastAnnualCheckDate;
      return this;
    }

    /** Sets the latest face-to-face visit. */
    public Builder lastFaceToFaceDate(@Nullable LocalDate lastFaceToFaceDate) {
      this.lastFaceToFaceDate = lastFaceToFaceDate;
      return this;
    }

    /**
     * Returns the annualCheckDisease.
     *
     * @throws NullPointerException if a required value is missing
     */
    public AnnualCheckDisease build() {
      return new AnnualCheckDisease(this);
    }
  }
}
