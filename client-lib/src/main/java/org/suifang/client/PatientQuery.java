package org.suifang.client;

import javax.annotation.Nullable;

/**
 * An offline patient search: every criterion given must match. Name is a substring, the resident ID
 * number is compared after normalisation (upper case, a 15-digit number upgraded to 18), the
 * village exactly. An empty query matches every patient. Results are ordered by name. Immutable.
 */
public final class PatientQuery {
  @Nullable private final String name;
  @Nullable private final String residentId;
  @Nullable private final String villageCode;

  private PatientQuery(Builder b) {
    name = b.name;
    residentId = b.residentId;
    villageCode = b.villageCode;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns the name substring, or null. */
  @Nullable
  public String name() {
    return name;
  }

  /** Returns the resident ID number, or null. */
  @Nullable
  public String residentId() {
    return residentId;
  }

  /** Returns the village code, or null. */
  @Nullable
  public String villageCode() {
    return villageCode;
  }

  @Override
  public String toString() {
    return "PatientQuery{name="
        + name
        + ", residentId="
        + residentId
        + ", village="
        + villageCode
        + "}";
  }

  /** Builds a {@link PatientQuery}; not thread-safe. */
  public static final class Builder {
    @Nullable private String name;
    @Nullable private String residentId;
    @Nullable private String villageCode;

    private Builder() {}

    /** Matches names containing {@code name}. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Matches this resident ID number. */
    public Builder residentId(@Nullable String residentId) {
      this.residentId = residentId;
      return this;
    }

    /** Matches patients of this village. */
    public Builder villageCode(@Nullable String villageCode) {
      this.villageCode = villageCode;
      return this;
    }

    /** Returns the query. */
    public PatientQuery build() {
      return new PatientQuery(this);
    }
  }
}
