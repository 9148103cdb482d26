package org.suifang.server.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues access tokens (JWTs signed by micronaut-security-jwt) and issues, rotates and revokes
 * refresh tokens.
 *
 * <p>A refresh token is 256 random bits ({@link SecureRandom}), base64url-encoded; only its SHA-256
 * is stored. Exchanging one marks it used and issues the next token of the same family; presenting
 * a used token again means it was copied, so the whole family is revoked.
 */
@Singleton
public class TokenService {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final TokenGenerator generator;
  private final String rolesClaim;
  private final AuthConfiguration config;
  private final RefreshTokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TokenService(
      TokenGenerator generator,
      TokenConfiguration tokenConfiguration,
      AuthConfiguration config,
      RefreshTokenRepository tokens,
      Clock clock) {
    this.generator = generator;
    this.rolesClaim = tokenConfiguration.getRolesName();
    this.config = config;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Returns a signed access token for the user, valid for {@code suifang.auth.access-token-ttl}.
   * Claims: {@code sub} (username), the roles claim (exactly the role's name), {@code uid}, {@code
   * county}, {@code township} (absent for an administrator), {@code villages}, {@code iss}, {@code
   * aud}, {@code iat}, {@code exp}, {@code jti}. micronaut-security-jwt refuses a token whose
   * {@code iss} or {@code aud} differ from {@code suifang.auth.issuer} and {@code .audience}
   * (application.yml, {@code claims-validators}).
   */
  String accessToken(CurrentUser user, List<String> villageCodes) {
    return signedToken(user, villageCodes, config.accessTokenTtl(), Map.of());
  }

  /**
   * Returns a signed token with the claims of {@link #accessToken} plus {@code extraClaims}, valid
   * for {@code ttl}; the dashboard's session cookie carries one.
   */
  String signedToken(
      CurrentUser user, List<String> villageCodes, Duration ttl, Map<String, Object> extraClaims) {
    Instant now = clock.instant();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.username());
    claims.put("iss", config.issuer());
    claims.put("aud", config.audience());
    claims.put("iat", Date.from(now));
    claims.put("exp", Date.from(now.plus(ttl)));
    claims.put("jti", UUID.randomUUID().toString());
    claims.put(rolesClaim, List.of(user.role().name()));
    claims.put(CurrentUser.CLAIM_USER_ID, user.id().toString());
    claims.put(CurrentUser.CLAIM_COUNTY, user.countyCode());
    if (user.townshipCode() != null) {
      claims.put(CurrentUser.CLAIM_TOWNSHIP, user.townshipCode());
    }
    claims.put(CurrentUser.CLAIM_VILLAGES, List.copyOf(villageCodes));
    extraClaims.forEach(claims::putIfAbsent);
    return generator
        .generateToken(claims)
        .orElseThrow(() -> new IllegalStateException("the JWT generator produced no token"));
  }

  /** Starts a new family (one login session) and returns its first refresh token. */
  @Transactional
  String startFamily(UUID userId, @Nullable String deviceName) {
    return issue(userId, UUID.randomUUID(), deviceName);
  }

  /**
   * Exchanges a refresh token for the next one of its family. Returns the outcome rather than
   * throwing, so that a revocation on reuse is committed.
   */
  @Transactional
  Rotation rotate(String token) {
    Instant now = clock.instant();
    Optional<RefreshToken> found = tokens.findByTokenHash(hash(token));
    if (found.isEmpty()) {
      return Rotation.failed(AuthError.REFRESH_TOKEN_INVALID, null);
    }
    RefreshToken presented = found.get();
    if (presented.revokedAt() != null || !presented.expiresAt().isAfter(now)) {
      return Rotation.failed(AuthError.REFRESH_TOKEN_INVALID, presented.userId());
    }
    if (presented.usedAt() != null || tokens.markUsed(presented.id(), now) == 0) {
      tokens.revokeFamily(presented.familyId(), now);
      return Rotation.failed(AuthError.REFRESH_TOKEN_REUSED, presented.userId());
    }
    String next = issue(presented.userId(), presented.familyId(), presented.deviceName());
    return new Rotation(null, presented.userId(), presented.familyId(), next);
  }

  /** Revokes the family of a refresh token; does nothing for an unknown token. */
  @Transactional
  void revokeFamilyOf(String token) {
    tokens
        .findByTokenHash(hash(token))
        .ifPresent(t -> tokens.revokeFamily(t.familyId(), clock.instant()));
  }

  /** Revokes one family. */
  @Transactional
  void revokeFamily(UUID familyId) {
    tokens.revokeFamily(familyId, clock.instant());
  }

  /** Revokes every refresh token of a user (deactivation, password change). */
  @Transactional
  void revokeAll(UUID userId) {
    tokens.revokeAllOfUser(userId, clock.instant());
  }

  /** Deletes refresh tokens that expired before {@code before}; returns how many. */
  @Transactional
  int purgeExpired(Instant before) {
    return tokens.deleteExpiredBefore(before);
  }

  private String issue(UUID userId, UUID familyId, @Nullable String deviceName) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = BASE64URL.encodeToString(bytes);
    Instant now = clock.instant();
    tokens.save(
        new RefreshToken(
            UUID.randomUUID(),
            userId,
            familyId,
            hash(token),
            deviceName,
            now,
            now.plus(config.refreshTokenTtl()),
            null,
            null));
    return token;
  }

  /**
   * Returns the SHA-256 of the token's UTF-8 bytes as lower-case hex (64 characters): how refresh
   * tokens and signed-out dashboard sessions are stored.
   */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The outcome of {@link #rotate}: either {@code error} is set, or {@code refreshToken} is the new
   * token.
   */
  record Rotation(
      @Nullable AuthError error,
      @Nullable UUID userId,
      @Nullable UUID familyId,
      @Nullable String refreshToken) {

    static Rotation failed(AuthError error, @Nullable UUID userId) {
      return new Rotation(error, userId, null, null);
    }
  }
}
