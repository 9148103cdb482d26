package org.suifang.rules;

import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Summarises the previous face-to-face follow-up of the same disease, which decides whether an
 * uncontrolled visit is the second in a row (连续两次控制不满意, domain.md §3) and whether an adverse drug
 * reaction persists (the previous visit was classified {@link Classification#ADVERSE_REACTION}: it
 * is then no longer a first occurrence).
 *
 * <p>The caller must pass the latest earlier visit that was face-to-face and for the same disease;
 * telephone visits are skipped because they cannot show control. {@link #wasUncontrolled()} uses
 * {@link #bphsControlled()} when it is known, and otherwise the recorded classification.
 */
public final class PreviousVisit {
  private final LocalDate visitDate;
  private final Classification classification;
  @Nullable private final Boolean bphsControlled;

  private PreviousVisit(Builder builder) {
    this.visitDate = Objects.requireNonNull(builder.visitDate, "visitDate == null");
    this.classification = Objects.requireNonNull(builder.classification, "classification == null");
    this.bphsControlled = builder.bphsControlled;
  }

  /** Creates a builder; the visit date and classification are required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Creates a previous visit from its three values. */
  public static PreviousVisit of(
      LocalDate visitDate, Classification classification, @Nullable Boolean bphsControlled) {
    return newBuilder()
        .visitDate(visitDate)
        .classification(classification)
        .bphsControlled(bphsControlled)
        .build();
  }

  /** Returns a builder initialised with this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the date of the previous visit. */
  public LocalDate visitDate() {
    return visitDate;
  }

  /** Returns the classification recorded at the previous visit. */
  public Classification classification() {
    return classification;
  }

  /**
   * Returns whether the previous visit's values met the BPHS control thresholds, or null if not
   * known (for example a record imported from paper that only has the classification).
   */
  @Nullable
  public Boolean bphsControlled() {
    return bphsControlled;
  }

  /**
   * Returns whether the previous visit was uncontrolled: {@code bphsControlled == FALSE} when it is
   * known, else {@code classification == UNCONTROLLED}.
   */
  public boolean wasUncontrolled() {
    if (bphsControlled != null) {
      return !bphsControlled;
    }
    return classification == Classification.UNCONTROLLED;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PreviousVisit)) {
      return false;
    }
    PreviousVisit that = (PreviousVisit) o;
    return visitDate.equals(that.visitDate)
        && classification == that.classification
        && Objects.equals(bphsControlled, that.bphsControlled);
  }

  @Override
  public int hashCode() {
    return Objects.hash(visitDate, classification, bphsControlled);
  }

  @Override
  public String toString() {
    return "PreviousVisit{visitDate="
        + visitDate
        + ", classification="
        + classification
        + ", bphsControlled="
        + bphsControlled
        + "}";
  }

  /** Builds a {@link PreviousVisit}; not thread-safe. */
  public static final class Builder {
    @Nullable private LocalDate visitDate;
    @Nullable private Classification classification;
    @Nullable private Boolean bphsControlled;

    private Builder() {}

    private Builder(PreviousVisit source) {
      visitDate = source.visitDate;
      classification = source.classification;
      bphsControlled = source.bphsControlled;
    }

    /** Sets the date of the previous visit (required). */
    public Builder visitDate(LocalDate visitDate) {
      this.visitDate = Objects.requireNonNull(visitDate, "visitDate == null");
      return this;
    }

    /** Sets the classification recorded at the previous visit (required). */
    public Builder classification(Classification classification) {
      this.classification = Objects.requireNonNull(classification, "classification == null");
      return this;
    }

    /** Sets whether the previous visit met the BPHS thresholds, or null if not known. */
    public Builder bphsControlled(@Nullable Boolean bphsControlled) {
      this.bphsControlled = bphsControlled;
      return this;
    }

    /**
     * Creates the previous visit.
     *
     * @throws NullPointerException if the visit date or classification is not set
     */
    public PreviousVisit build() {
      return new PreviousVisit(this);
    }
  }
}
