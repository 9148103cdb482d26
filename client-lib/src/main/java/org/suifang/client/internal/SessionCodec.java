package org.suifang.client.internal;

import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import javax.annotation.Nullable;
import org.suifang.client.Role;
import org.suifang.client.Session;
import org.suifang.client.User;
import org.suifang.client.internal.net.TokenResponse;
import org.suifang.client.internal.net.UserWire;

/** Converts sessions and users between their public types and JSON. */
public final class SessionCodec {
  private SessionCodec() {}

  private static final class Stored {
    @SerializedName("user")
    @Nullable
    UserWire user;

    @SerializedName("accessToken")
    @Nullable
    String accessToken;

    @SerializedName("refreshToken")
    @Nullable
    String refreshToken;

    @SerializedName("accessTokenExpiresAt")
    @Nullable
    Instant accessTokenExpiresAt;

    @SerializedName("refreshTokenExpiresAt")
    @Nullable
    Instant refreshTokenExpiresAt;
  }

  /** Returns the session as UTF-8 JSON. */
  public static byte[] encode(Session s) {
    Stored out = new Stored();
    out.user = wire(s.user());
    out.accessToken = s.accessToken();
    out.refreshToken = s.refreshToken();
    out.accessTokenExpiresAt = s.accessTokenExpiresAt();
    out.refreshTokenExpiresAt = s.refreshTokenExpiresAt();
    return Json.GSON.toJson(out).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the session stored as UTF-8 JSON.
   *
   * @throws JsonParseException if it cannot be read
   */
  public static Session decode(byte[] bytes) {
    Stored in = Json.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), Stored.class);
    if (in == null || in.user == null) {
      throw new JsonParseException("no session");
    }
    return Session.newBuilder()
        .user(user(in.user))
        .accessToken(in.accessToken)
        .refreshToken(in.refreshToken)
        .accessTokenExpiresAt(in.accessTokenExpiresAt)
        .refreshTokenExpiresAt(in.refreshTokenExpiresAt)
        .build();
  }

  /** Returns the session a login or refresh answer starts. */
  public static Session session(TokenResponse t, Clock clock) {
    if (t.user == null || t.accessToken == null || t.refreshToken == null) {
      throw new JsonParseException("token answer without user or tokens");
    }
    Instant now = clock.instant();
    return Session.newBuilder()
        .user(user(t.user))
        .accessToken(t.accessToken)
        .refreshToken(t.refreshToken)
        .accessTokenExpiresAt(now.plusSeconds(t.expiresIn))
        .refreshTokenExpiresAt(now.plusSeconds(t.refreshExpiresIn))
        .build();
  }

  /** Returns the public user of a wire user. */
  public static User user(UserWire u) {
    if (u.id == null || u.username == null || u.countyCode == null) {
      throw new JsonParseException("user without id, username or county");
    }
    Role role = null;
    if (u.role != null) {
      for (Role r : Role.values()) {
        if (r.name().equals(u.role)) {
          role = r;
        }
      }
    }
    return User.newBuilder()
        .id(u.id)
        .username(u.username)
        .displayName(u.displayName == null ? u.username : u.displayName)
        .role(role)
        .countyCode(u.countyCode)
        .townshipCode(u.townshipCode)
        .villageCodes(u.villageCodes == null ? new ArrayList<String>() : u.villageCodes)
        .facilityId(u.facilityId)
        .active(u.active)
        .build();
  }

  private static UserWire wire(User u) {
    UserWire w = new UserWire();
    w.id = u.id();
    w.username = u.username();
    w.displayName = u.displayName();
    w.role = u.role() == null ? null : u.role().name();
    w.countyCode = u.countyCode();
    w.townshipCode = u.townshipCode();
    w.villageCodes = new ArrayList<>(u.villageCodes());
    w.facilityId = u.facilityId();
    w.active = u.active();
    return w;
  }
}
