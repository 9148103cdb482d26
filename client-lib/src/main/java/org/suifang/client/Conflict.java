package org.suifang.client;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A concurrent edit of one patient field, recorded by the server for a supervisor (a {@code
 * CONFLICT} row of the change feed). The stored value is the winner's; the loser is kept here for
 * review. Immutable.
 */
public final class Conflict {
  private final UUID id;
  private final UUID patientId;
  private final String field;
  private final ConflictVersion winner;
  private final ConflictVersion loser;
  @Nullable private final Instant detectedAt;

  private final String status;
  @Nullable private final ConflictResolution resolution;

  private Conflict(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.patientId = Objects.requireNonNull(b.patientId, "patientId == null");
    this.field = Objects.requireNonNull(b.field, "field == null");
    this.winner = Objects.requireNonNull(b.winner, "winner == null");
    this.loser = Objects.requireNonNull(b.loser, "loser == null");
    this.detectedAt = b.detectedAt;
    this.status = Objects.requireNonNull(b.status, "status == null");
    this.resolution = b.resolution;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the conflict id. */
  public UUID id() {
    return id;
  }

  /** Returns the patient. */
  public UUID patientId() {
    return patientId;
  }

  /** Returns the patient field, e.g. {@code phone}. */
  public String field() {
    return field;
  }

  /** Returns the write that is stored. */
  public ConflictVersion winner() {
    return winner;
  }

  /** Returns the write that lost. */
  public ConflictVersion loser() {
    return loser;
  }

  /** Returns when the server found the conflict, or null. */
  @Nullable
  public Instant detectedAt() {
    return detectedAt;
  }

  /** Returns the review status: {@code OPEN} or {@code RESOLVED}. */
  public String status() {
    return status;
  }

  /**
   * Returns how a supervisor resolved the conflict, or null while it is open. The chosen value
   * reaches the patient itself through the server's write.
   */
  @Nullable
  public ConflictResolution resolution() {
    return resolution;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Conflict)) {
      return false;
    }
    Conflict that = (Conflict) o;
    return Objects.equals(id, that.id)
        && Objects.equals(patientId, that.patientId)
        && Objects.equals(field, that.field)
        && Objects.equals(winner, that.winner)
        && Objects.equals(loser, that.loser)
        && Objects.equals(detectedAt, that.detectedAt)
        && Objects.equals(status, that.status)
        && Objects.equals(resolution, that.resolution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, patientId, field, winner, loser, detectedAt, status, resolution);
  }

  @Override
  public String toString() {
    return "Conflict{"
        + "id="
        + id
        + ", patientId="
        + patientId
        + ", field="
        + field
        + ", winner="
        + winner
        + ", loser="
        + loser
        + ", detectedAt="
        + detectedAt
        + ", status="
        + status
        + ", resolution="
        + resolution
        + "}";
  }

  /** Builds a {@link Conflict}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private UUID patientId;
    @Nullable private String field;
    @Nullable private ConflictVersion winner;
    @Nullable private ConflictVersion loser;
    @Nullable private Instant detectedAt;
    @Nullable private String status;
    @Nullable private ConflictResolution resolution;

    private Builder() {}

    private Builder(Conflict source) {
      id = source.id;
      patientId = source.patientId;
      field = source.field;
      winner = source.winner;
      loser = source.loser;
      detectedAt = source.detectedAt;
      status = source.status;
      resolution = source.resolution;
    }

    /** Sets the conflict id (required). */
    public Builder id(UUID id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the patient (required). */
    public Builder patientId(UUID patientId) {
      this.patientId = Objects.requireNonNull(patientId, "patientId == null");
      return this;
    }

    /** Sets the patient field, e.g. {@code phone} (required). */
    public Builder field(String field) {
      this.field = Objects.requireNonNull(field, "field == null");
      return this;
    }

    /** Sets the write that is stored (required). */
    public Builder winner(ConflictVersion winner) {
      this.winner = Objects.requireNonNull(winner, "winner == null");
      return this;
    }

    /** Sets the write that lost (required). */
    public Builder loser(ConflictVersion loser) {
      this.loser = Objects.requireNonNull(loser, "loser == null");
      return this;
    }

    /** Sets when the server found the conflict. */
    public Builder detectedAt(@Nullable Instant detectedAt) {
      this.detectedAt = detectedAt;
      return this;
    }

    /** Sets the review status, e.g. {@code OPEN} (required). */
    public Builder status(String status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /** Sets how a supervisor resolved it; null while open. */
    public Builder resolution(@Nullable ConflictResolution resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * Returns the conflict.
     *
     * @throws NullPointerException if a required value is missing
     */
    public Conflict build() {
      return new Conflict(this);
    }
  }
}
