package org.suifang.client;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * How a supervisor closed a {@link Conflict} in the review queue. The chosen value has already
 * reached the patient through the server's write (a {@code PATIENT} change); this records the
 * decision. Immutable.
 */
public final class ConflictResolution {

  /** The supervisor kept the stored (winning) value. */
  public static final String WINNER = "WINNER";

  /** The supervisor chose the value that had lost. */
  public static final String LOSER = "LOSER";

  /** The patient was merged into another record, which closed the conflict. */
  public static final String MERGED = "MERGED";

  private final String choice;
  @Nullable private final String value;
  @Nullable private final UUID resolvedBy;
  @Nullable private final String resolvedByName;
  @Nullable private final Instant resolvedAt;
  @Nullable private final String note;

  private ConflictResolution(Builder b) {
    this.choice = Objects.requireNonNull(b.choice, "choice == null");
    this.value = b.value;
    this.resolvedBy = b.resolvedBy;
    this.resolvedByName = b.resolvedByName;
    this.resolvedAt = b.resolvedAt;
    this.note = b.note;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns {@link #WINNER}, {@link #LOSER} or {@link #MERGED} (other values may come later). */
  public String choice() {
    return choice;
  }

  /** Returns the value the resolution kept, as JSON (e.g. {@code "13800138000"}), or null. */
  @Nullable
  public String value() {
    return value;
  }

  /** Returns the supervisor who resolved it, or null. */
  @Nullable
  public UUID resolvedBy() {
    return resolvedBy;
  }

  /** Returns the supervisor's display name, or null. */
  @Nullable
  public String resolvedByName() {
    return resolvedByName;
  }

  /** Returns when it was resolved (server time), or null. */
  @Nullable
  public Instant resolvedAt() {
    return resolvedAt;
  }

  /** Returns the supervisor's note, or null. */
  @Nullable
  public String note() {
    return note;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConflictResolution)) {
      return false;
    }
    ConflictResolution that = (ConflictResolution) o;
    return choice.equals(that.choice)
        && Objects.equals(value, that.value)
        && Objects.equals(resolvedBy, that.resolvedBy)
        && Objects.equals(resolvedByName, that.resolvedByName)
        && Objects.equals(resolvedAt, that.resolvedAt)
        && Objects.equals(note, that.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(choice, value, resolvedBy, resolvedByName, resolvedAt, note);
  }

  @Override
  public String toString() {
    return "ConflictResolution{choice="
        + choice
        + ", value="
        + value
        + ", resolvedBy="
        + resolvedBy
        + ", resolvedByName="
        + resolvedByName
        + ", resolvedAt="
        + resolvedAt
        + ", note="
        + note
        + "}";
  }

  /** Builds a {@link ConflictResolution}; not thread-safe. */
  public static final class Builder {
    @Nullable private String choice;
    @Nullable private String value;
    @Nullable private UUID resolvedBy;
    @Nullable private String resolvedByName;
    @Nullable private Instant resolvedAt;
    @Nullable private String note;

    private Builder() {}

    private Builder(ConflictResolution source) {
      choice = source.choice;
      value = source.value;
      resolvedBy = source.resolvedBy;
      resolvedByName = source.resolvedByName;
      resolvedAt = source.resolvedAt;
      note = source.note;
    }

    /** Sets the choice, e.g. {@link #WINNER} (required). */
    public Builder choice(String choice) {
      this.choice = Objects.requireNonNull(choice, "choice == null");
      return this;
    }

    /** Sets the kept value as JSON. */
    public Builder value(@Nullable String value) {
      this.value = value;
      return this;
    }

    /** Sets the supervisor who resolved it. */
    public Builder resolvedBy(@Nullable UUID resolvedBy) {
      this.resolvedBy = resolvedBy;
      return this;
    }

    /** Sets the supervisor's display name. */
    public Builder resolvedByName(@Nullable String resolvedByName) {
      this.resolvedByName = resolvedByName;
      return this;
    }

    /** Sets when it was resolved. */
    public Builder resolvedAt(@Nullable Instant resolvedAt) {
      this.resolvedAt = resolvedAt;
      return this;
    }

    /** Sets the supervisor's note. */
    public Builder note(@Nullable String note) {
      this.note = note;
      return this;
    }

    /**
     * Returns the resolution.
     *
     * @throws NullPointerException if the choice is missing
     */
    public ConflictResolution build() {
      return new ConflictResolution(this);
    }
  }
}
