package org.suifang.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A user of the Suifang server as the login answered it (docs/auth.md): role and area decide what
 * the user may read and write. Immutable.
 */
public final class User {
  private final UUID id;
  private final String username;
  private final String displayName;
  @Nullable private final Role role;

  private final String countyCode;
  @Nullable private final String townshipCode;

  private final List<String> villageCodes;
  @Nullable private final UUID facilityId;

  private final boolean active;

  private User(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.username = Objects.requireNonNull(b.username, "username == null");
    this.displayName = Objects.requireNonNull(b.displayName, "displayName == null");
    this.role = b.role;
    this.countyCode = Objects.requireNonNull(b.countyCode, "countyCode == null");
    this.townshipCode = b.townshipCode;
    this.villageCodes = Collections.unmodifiableList(new ArrayList<>(b.villageCodes));
    this.facilityId = b.facilityId;
    this.active = b.active;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the user id. */
  public UUID id() {
    return id;
  }

  /** Returns the login name. */
  public String username() {
    return username;
  }

  /** Returns the name shown to people. */
  public String displayName() {
    return displayName;
  }

  /** Returns the role; null if this SDK does not know the server's role name, or null. */
  @Nullable
  public Role role() {
    return role;
  }

  /** Returns the county code. */
  public String countyCode() {
    return countyCode;
  }

  /** Returns the township code; null for a county administrator, or null. */
  @Nullable
  public String townshipCode() {
    return townshipCode;
  }

  /** Returns a doctor's villages; empty for the other roles (unmodifiable). */
  public List<String> villageCodes() {
    return villageCodes;
  }

  /** Returns the facility the user works at, or null. */
  @Nullable
  public UUID facilityId() {
    return facilityId;
  }

  /** Returns whether the account is active. */
  public boolean active() {
    return active;
  }

  /** Returns whether the user may record data for patients of {@code villageCode}. */
  public boolean canWrite(String villageCode) {
    return active && role == Role.VILLAGE_DOCTOR && villageCodes.contains(villageCode);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof User)) {
      return false;
    }
    User that = (User) o;
    return Objects.equals(id, that.id)
        && Objects.equals(username, that.username)
        && Objects.equals(displayName, that.displayName)
        && Objects.equals(role, that.role)
        && Objects.equals(countyCode, that.countyCode)
        && Objects.equals(townshipCode, that.townshipCode)
        && Objects.equals(villageCodes, that.villageCodes)
        && Objects.equals(facilityId, that.facilityId)
        && active == that.active;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        username,
        displayName,
        role,
        countyCode,
        townshipCode,
        villageCodes,
        facilityId,
        active);
  }

  @Override
  public String toString() {
    return "User{"
        + "id="
        + id
        + ", username="
        + username
        + ", displayName="
        + displayName
        + ", role="
        + role
        + ", countyCode="
        + countyCode
        + ", townshipCode="
        + townshipCode
        + ", villageCodes="
        + villageCodes
        + ", facilityId="
        + facilityId
        + ", active="
        + active
        + "}";
  }

  /** Builds a {@link User}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private String username;
    @Nullable private String displayName;
    @Nullable private Role role;
    @Nullable private String countyCode;
    @Nullable private String townshipCode;
    private List<String> villageCodes = new ArrayList<>();
    @Nullable private UUID facilityId;
    private boolean active;

    private Builder() {}

    private Builder(User source) {
      id = source.id;
      username = source.username;
      displayName = source.displayName;
      role = source.role;
      countyCode = source.countyCode;
      townshipCode = source.townshipCode;
      villageCodes = new ArrayList<>(source.villageCodes);
      facilityId = source.facilityId;
      active = source.active;
    }

    /** Sets the user id (required). */
    public Builder id(UUID id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the login name (required). */
    public Builder username(String username) {
      this.username = Objects.requireNonNull(username, "username == null");
      return this;
    }

    /** Sets the name shown to people (required). */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName == null");
      return this;
    }

    /** Sets the role; null if this SDK does not know the server's role name. */
    public Builder role(@Nullable Role role) {
      this.role = role;
      return this;
    }

    /** Sets the county code (required). */
    public Builder countyCode(String countyCode) {
      this.countyCode = Objects.requireNonNull(countyCode, "countyCode == null");
      return this;
    }

    /** Sets the township code; null for a county administrator. */
    public Builder townshipCode(@Nullable String townshipCode) {
      this.townshipCode = townshipCode;
      return this;
    }

    /** Sets a doctor's villages; empty for the other roles. */
    public Builder villageCodes(java.util.Collection<? extends String> villageCodes) {
      this.villageCodes =
          new ArrayList<>(Objects.requireNonNull(villageCodes, "villageCodes == null"));
      return this;
    }

    /** Sets the facility the user works at. */
    public Builder facilityId(@Nullable UUID facilityId) {
      this.facilityId = facilityId;
      return this;
    }

    /** Sets whether the account is active. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * Returns the user.
     *
     * @throws NullPointerException if a required value is missing
     */
    public User build() {
      return new User(this);
    }
  }
}
