package org.suifang.client;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a {@link TokenStore} keeps: the logged-in user and the tokens of the session. The tokens are
 * null once the session can no longer be refreshed; the user stays, so that the doctor keeps
 * working offline until the next login. Immutable.
 */
public final class Session {
  private final User user;
  @Nullable private final String accessToken;

  @Nullable private final String refreshToken;

  @Nullable private final Instant accessTokenExpiresAt;

  @Nullable private final Instant refreshTokenExpiresAt;

  private Session(Builder b) {
    this.user = Objects.requireNonNull(b.user, "user == null");
    this.accessToken = b.accessToken;
    this.refreshToken = b.refreshToken;
    this.accessTokenExpiresAt = b.accessTokenExpiresAt;
    this.refreshTokenExpiresAt = b.refreshTokenExpiresAt;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the logged-in user. */
  public User user() {
    return user;
  }

  /** Returns the access token (a JWT), or null. */
  @Nullable
  public String accessToken() {
    return accessToken;
  }

  /** Returns the single-use refresh token, or null. */
  @Nullable
  public String refreshToken() {
    return refreshToken;
  }

  /** Returns when the access token expires, by the device clock, or null. */
  @Nullable
  public Instant accessTokenExpiresAt() {
    return accessTokenExpiresAt;
  }

  /** Returns when the refresh token expires, by the device clock, or null. */
  @Nullable
  public Instant refreshTokenExpiresAt() {
    return refreshTokenExpiresAt;
  }

  /** Returns whether the session can still reach the server without a new login. */
  public boolean canRefresh() {
    return refreshToken != null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Session)) {
      return false;
    }
    Session that = (Session) o;
    return Objects.equals(user, that.user)
        && Objects.equals(accessToken, that.accessToken)
        && Objects.equals(refreshToken, that.refreshToken)
        && Objects.equals(accessTokenExpiresAt, that.accessTokenExpiresAt)
        && Objects.equals(refreshTokenExpiresAt, that.refreshTokenExpiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        user, accessToken, refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt);
  }

  @Override
  public String toString() {
    return "Session{"
        + "user="
        + user
        + ", accessToken="
        + accessToken
        + ", refreshToken="
        + refreshToken
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshTokenExpiresAt="
        + refreshTokenExpiresAt
        + "}";
  }

  /** Builds a {@link Session}; not thread-safe. */
  public static final class Builder {
    @Nullable private User user;
    @Nullable private String accessToken;
    @Nullable private String refreshToken;
    @Nullable private Instant accessTokenExpiresAt;
    @Nullable private Instant refreshTokenExpiresAt;

    private Builder() {}

    private Builder(Session source) {
      user = source.user;
      accessToken = source.accessToken;
      refreshToken = source.refreshToken;
      accessTokenExpiresAt = source.accessTokenExpiresAt;
      refreshTokenExpiresAt = source.refreshTokenExpiresAt;
    }

    /** Sets the logged-in user (required). */
    public Builder user(User user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    /** Sets the access token (a JWT). */
    public Builder accessToken(@Nullable String accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /** Sets the single-use refresh token. */
    public Builder refreshToken(@Nullable String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Sets when the access token expires, by the device clock. */
    public Builder accessTokenExpiresAt(@Nullable Instant accessTokenExpiresAt) {
      this.accessTokenExpiresAt = accessTokenExpiresAt;
      return this;
    }

    /** Sets when the refresh token expires, by the device clock. */
    public Builder refreshTokenExpiresAt(@Nullable Instant refreshTokenExpiresAt) {
      this.refreshTokenExpiresAt = refreshTokenExpiresAt;
      return this;
    }

    /**
     * Returns the session.
     *
     * @throws NullPointerException if a required value is missing
     */
    public Session build() {
      return new Session(this);
    }
  }
}
