package org.suifang.server.users;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.suifang.server.auth.PasswordHasher;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.common.FieldError;
import org.suifang.server.regions.FacilityView;
import org.suifang.server.regions.RegionCodes;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;

/**
 * Creates users and reads and updates their accounts. Used by the auth feature (login counters,
 * locks), the county administrator's API and demo-data seeding.
 *
 * <p>Usernames are stored in lower case and looked up case-insensitively. Passwords are stored only
 * as bcrypt hashes ({@link PasswordHasher}).
 */
@Singleton
public class UserService {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  private final UserRepository users;
  private final RegionService regions;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final ApplicationEventPublisher<PasswordChangedEvent> passwordChanges;

  UserService(UserRepository users, RegionService regions, PasswordHasher hasher, Clock clock,
      ApplicationEventPublisher<PasswordChangedEvent> passwordChanges) {
    this.users = users;
    this.regions = regions;
    this.hasher = hasher;
    this.clock = clock;
    this.passwordChanges = passwordChanges;
  }

  /**
   * Creates an active user after checking the username, password and the area for the role (see
   * {@link UserCommand}). Answers {@code VALIDATION_FAILED} with field errors, or
   * {@code USERNAME_TAKEN}.
   */
  @Transactional
  public UserView createUser(UserCommand command) {
    return create(command, null);
  }

  /**
   * Creates a user like {@link #createUser}, but only inside the given county; answers
   * {@code FORBIDDEN} for an area elsewhere. Used by the county administrator's API.
   */
  @Transactional
  public UserView createUserInCounty(UserCommand command, String countyCode) {
    return create(command, Objects.requireNonNull(countyCode, "countyCode == null"));
  }

  private UserView create(UserCommand command, @Nullable String requiredCounty) {
    Objects.requireNonNull(command, "command == null");
    String username = normalize(command.username());
    if (!USERNAME.matcher(username).matches()) {
      throw ApiException.invalidField("username", "INVALID_USERNAME",
          "用户名为3–64位小写字母、数字或 . _ -，以字母或数字开头。",
          "A username has 3-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit.");
    }
    String password = command.password();
    if (password == null || password.length() < 8 || !PasswordHasher.fits(password)) {
      throw ApiException.invalidField("password", "INVALID_PASSWORD",
          "密码至少8位，最多72字节。", "A password has at least 8 characters and at most 72 bytes.");
    }
    Area area = area(command);
    if (requiredCounty != null && !requiredCounty.equals(area.county)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    if (command.facilityId() != null) {
      Optional<FacilityView> facility = regions.findFacility(command.facilityId());
      if (facility.isEmpty() || !RegionCodes.countyOf(facility.get().regionCode()).equals(area.county)) {
        throw ApiException.invalidField("facilityId", "FACILITY_NOT_FOUND",
            "所属机构不存在或不在该县。", "The facility does not exist or is not in this county.");
      }
    }
    if (users.existsByUsername(username)) {
      throw new ApiException(UserError.USERNAME_TAKEN);
    }
    Instant now = clock.instant();
    User user = new User(UUID.randomUUID(), username, command.displayName().strip(), command.role(),
        hasher.hash(password), area.county, area.township, command.facilityId(), true, 0, null, now, now);
    users.save(user);
    for (String village : area.villages) {
      users.insertVillage(user.id(), village);
    }
    return UserView.of(user, area.villages);
  }

  /** Returns the user with this username (case-insensitive), if any. */
  @Transactional(readOnly = true)
  public Optional<User> findByUsername(String username) {
    return users.findByUsername(normalize(username));
  }

  /** Returns the user with this id, if any. */
  @Transactional(readOnly = true)
  public Optional<User> findById(UUID id) {
    return users.findById(id);
  }

  /** Returns the villages of a doctor, ordered; empty for other roles. */
  @Transactional(readOnly = true)
  public List<String> villageCodes(UUID userId) {
    return users.findVillageCodes(userId);
  }

  /** Returns the profile of the user with this id, if any. */
  @Transactional(readOnly = true)
  public Optional<UserView> findView(UUID id) {
    return users.findById(id).map(this::view);
  }

  /** Returns the profile of a user. */
  @Transactional(readOnly = true)
  public UserView view(User user) {
    return UserView.of(user, users.findVillageCodes(user.id()));
  }

  /** Returns the users of a county, ordered by username. */
  @Transactional(readOnly = true)
  public List<UserView> listCounty(String countyCode) {
    List<UserView> out = new ArrayList<>();
    for (User u : users.findByCountyCodeOrderByUsername(countyCode)) {
      out.add(view(u));
    }
    return out;
  }

  /** Counts one more consecutive failed login and returns the new count. */
  @Transactional
  public int recordFailedLogin(UUID userId) {
    users.incrementFailedLogins(userId, clock.instant());
    return users.findFailedLogins(userId);
  }

  /** Locks the account until {@code until} and resets its failure count. */
  @Transactional
  public void lock(UUID userId, Instant until) {
    users.resetFailedLogins(userId, until, clock.instant());
  }

  /** Clears the failure count and any lock (after a successful login, or by an administrator). */
  @Transactional
  public void clearFailedLogins(UUID userId) {
    users.resetFailedLogins(userId, null, clock.instant());
  }

  /** Activates or deactivates an account. A deactivated user can neither log in nor refresh. */
  @Transactional
  public void setActive(UUID userId, boolean active) {
    users.updateActive(userId, active, clock.instant());
  }

  /**
   * Replaces a user's password and ends their sessions (refresh tokens), in the same transaction;
   * access tokens already issued run out within their lifetime.
   */
  @Transactional
  public void setPassword(UUID userId, String password) {
    if (password == null || password.length() < 8 || !PasswordHasher.fits(password)) {
      throw ApiException.invalidField("password", "INVALID_PASSWORD",
          "密码至少8位，最多72字节。", "A password has at least 8 characters and at most 72 bytes.");
    }
    users.updatePasswordHash(userId, hasher.hash(password), clock.instant());
    passwordChanges.publishEvent(new PasswordChangedEvent(userId));
  }

  /** Returns the username as stored: trimmed and lower case. */
  public static String normalize(@Nullable String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  /** Works out and checks the county, township and villages of a new user. */
  private Area area(UserCommand c) {
    List<String> villages = c.villageCodes() == null ? List.of() : c.villageCodes();
    String county = blankToNull(c.countyCode());
    String township = blankToNull(c.townshipCode());
    switch (c.role()) {
      case VILLAGE_DOCTOR: {
        if (villages.isEmpty()) {
          throw scope("villageCodes", "村医至少需要一个村。", "A village doctor needs at least one village.");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String v : villages) {
          requireRegion("villageCodes", v, RegionLevel.VILLAGE);
          sorted.add(v);
        }
        String first = RegionCodes.townshipOf(sorted.first());
        if (!sorted.stream().allMatch(v -> RegionCodes.townshipOf(v).equals(first))) {
          throw scope("villageCodes", "村医的村必须属于同一乡镇。", "A doctor's villages must lie in one township.");
        }
        requireAgrees("townshipCode", township, first);
        requireAgrees("countyCode", county, RegionCodes.countyOf(first));
        return new Area(RegionCodes.countyOf(first), first, List.copyOf(sorted));
      }
      case TOWNSHIP_SUPERVISOR: {
        if (township == null) {
          throw scope("townshipCode", "乡镇督导需要指定乡镇。", "A township supervisor needs a township.");
        }
        requireRegion("townshipCode", township, RegionLevel.TOWNSHIP);
        requireNoVillages(villages);
        requireAgrees("countyCode", county, RegionCodes.countyOf(township));
        return new Area(RegionCodes.countyOf(township), township, List.of());
      }
      case COUNTY_ADMIN: {
        if (county == null) {
          throw scope("countyCode", "县级管理员需要指定县。", "A county administrator needs a county.");
        }
        requireRegion("countyCode", county, RegionLevel.COUNTY);
        if (township != null) {
          throw scope("townshipCode", "县级管理员不属于某个乡镇。", "A county administrator has no township.");
        }
        requireNoVillages(villages);
        return new Area(county, null, List.of());
      }
      default:
        throw new IllegalArgumentException("unknown role " + c.role());
    }
  }

  private void requireRegion(String field, String code, RegionLevel level) {
    Optional<RegionView> region = RegionCodes.isLevel(code, level) ? regions.find(code) : Optional.empty();
    if (region.isEmpty()) {
      throw new ApiException(CommonError.VALIDATION_FAILED, List.of(new FieldError(field, "REGION_NOT_FOUND",
          "区划 " + code + " 不存在或级别不符。", "Region " + code + " does not exist or is not a " + level + ".")));
    }
  }

  private static void requireAgrees(String field, @Nullable String given, String derived) {
    if (given != null && !given.equals(derived)) {
      throw scope(field, "区划与所选的村/乡镇不一致。", "Does not match the villages or township given.");
    }
  }

  private static void requireNoVillages(List<String> villages) {
    if (!villages.isEmpty()) {
      throw scope("villageCodes", "只有村医可以分配村。", "Only village doctors have villages.");
    }
  }

  private static ApiException scope(String field, String zh, String en) {
    return ApiException.invalidField(field, "INVALID_SCOPE", zh, en);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private record Area(String county, @Nullable String township, List<String> villages) {}
}
