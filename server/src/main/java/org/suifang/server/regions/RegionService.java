package org.suifang.server.regions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;

/**
 * Creates and looks up regions and facilities, and works out which of them a user may see.
 *
 * <p>Visibility: a village doctor sees their villages plus the township and county around them (as
 * context, without sibling villages); a township supervisor sees their township with all its
 * villages, and the county around it; a county administrator sees the whole county.
 */
@Singleton
public class RegionService {

  private static final Set<String> URBAN_RURAL_CODES =
      Set.of("111", "112", "121", "122", "123", "210", "220");

  private final RegionRepository regions;
  private final FacilityRepository facilities;

  RegionService(RegionRepository regions, FacilityRepository facilities) {
    this.regions = regions;
    this.facilities = facilities;
  }

  /**
   * Creates a region after checking its code: twelve digits, matching {@code level}, and a parent
   * (implied by the code) that exists. Answers {@code VALIDATION_FAILED} with field errors, or
   * {@code REGION_ALREADY_EXISTS}.
   */
  @Transactional
  public RegionView createRegion(RegionCommand command) {
    Objects.requireNonNull(command, "command == null");
    String code = command.code();
    if (!RegionCodes.isWellFormed(code)) {
      throw invalid("code", "INVALID_REGION_CODE", "区划代码应为12位数字。", "A region code has 12 digits.");
    }
    RegionLevel level;
    try {
      level = RegionCodes.levelOf(code);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "code",
          "INVALID_REGION_CODE",
          "区划代码的乡镇段不能为000。",
          "The township segment of a village code cannot be 000.");
    }
    if (level != command.level()) {
      throw invalid(
          "level",
          "LEVEL_MISMATCH",
          "区划级别与代码不符（代码表示" + level + "）。",
          "The level does not match the code, which denotes a " + level + ".");
    }
    String parentCode = RegionCodes.parentOf(code);
    if (parentCode != null) {
      Optional<Region> parent = regions.findById(parentCode);
      if (parent.isEmpty()) {
        throw invalid(
            "code",
            "PARENT_NOT_FOUND",
            "上级区划 " + parentCode + " 不存在。",
            "The parent region " + parentCode + " does not exist.");
      }
    }
    String urbanRural = blankToNull(command.urbanRuralCode());
    if (urbanRural != null && !URBAN_RURAL_CODES.contains(urbanRural)) {
      throw invalid(
          "urbanRuralCode",
          "INVALID_URBAN_RURAL_CODE",
          "城乡分类代码应为111、112、121、122、123、210或220。",
          "The urban-rural code must be one of 111, 112, 121, 122, 123, 210, 220.");
    }
    String segment = blankToNull(command.healthRecordSegment());
    if (segment != null && (level != RegionLevel.VILLAGE || !isHealthRecordSegment(segment))) {
      throw invalid(
          "healthRecordSegment",
          "INVALID_HEALTH_RECORD_SEGMENT",
          "健康档案村级编码只用于村级区划，应为001–099、101–199或901–999。",
          "A health-record segment belongs to a village and is 001-099, 101-199 or 901-999.");
    }
    if (regions.existsById(code)) {
      throw new ApiException(RegionError.REGION_ALREADY_EXISTS);
    }
    Region region =
        new Region(
            code,
            level,
            command.name().strip(),
            parentCode,
            RegionCodes.countyOf(code),
            urbanRural,
            segment);
    return RegionView.of(regions.save(region));
  }

  /**
   * Creates a facility in an existing region of the matching level (a township health centre in a
   * township, a village clinic in a village).
   */
  @Transactional
  public FacilityView createFacility(FacilityCommand command) {
    Objects.requireNonNull(command, "command == null");
    RegionLevel expected =
        command.kind() == FacilityKind.TOWNSHIP_HEALTH_CENTRE
            ? RegionLevel.TOWNSHIP
            : RegionLevel.VILLAGE;
    Optional<Region> region = regions.findById(command.regionCode());
    if (region.isEmpty() || region.get().level() != expected) {
      throw invalid(
          "regionCode",
          "REGION_NOT_FOUND",
          "所在区划不存在或级别不符。",
          "The region does not exist or is not a " + expected + ".");
    }
    Facility facility =
        new Facility(
            UUID.randomUUID(), command.name().strip(), command.kind(), command.regionCode());
    return FacilityView.of(facilities.save(facility));
  }

  /** Returns the region with this code, if any. */
  @Transactional(readOnly = true)
  public Optional<RegionView> find(String code) {
    return regions.findById(code).map(RegionView::of);
  }

  /** Returns the facility with this id, if any. */
  @Transactional(readOnly = true)
  public Optional<FacilityView> findFacility(UUID id) {
    return facilities.findById(id).map(FacilityView::of);
  }

  /**
   * Returns the visible region tree, rooted at the user's county (null if the county is unknown).
   */
  @Transactional(readOnly = true)
  @Nullable
  RegionNodeView visibleTree(CurrentUser user) {
    Visible visible = visible(user);
    return visible.root == null ? null : node(visible.root, visible);
  }

  /**
   * Returns the visible subtree at {@code code}; empty if the region does not exist. Throws 403 if
   * out of scope.
   */
  @Transactional(readOnly = true)
  Optional<RegionNodeView> visibleSubtree(CurrentUser user, String code) {
    Optional<Region> region = regions.findById(code);
    if (region.isEmpty()) {
      return Optional.empty();
    }
    Visible visible = visible(user);
    if (!visible.byCode.containsKey(code)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    return Optional.of(node(visible.byCode.get(code), visible));
  }

  /** Returns the facilities in the regions the user may see, ordered by name. */
  @Transactional(readOnly = true)
  List<FacilityView> visibleFacilities(CurrentUser user) {
    Visible visible = visible(user);
    return visible.facilities.values().stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparing(FacilityView::name))
        .toList();
  }

  /** Returns true if the region is visible to the user (see the class comment). */
  static boolean isVisible(CurrentUser user, Region region) {
    if (!region.countyCode().equals(user.countyCode())) {
      return false;
    }
    switch (region.level()) {
      case COUNTY:
        return true;
      case TOWNSHIP:
        switch (user.role()) {
          case COUNTY_ADMIN:
            return true;
          case TOWNSHIP_SUPERVISOR:
            return region.code().equals(user.townshipCode());
          default:
            return user.villageCodes().stream()
                .anyMatch(v -> RegionCodes.townshipOf(v).equals(region.code()));
        }
      default:
        return user.canRead(region.code());
    }
  }

  private Visible visible(CurrentUser user) {
    Visible v = new Visible();
    for (Region r : regions.findByCountyCodeOrderByCode(user.countyCode())) {
      if (isVisible(user, r)) {
        v.byCode.put(r.code(), r);
        if (r.level() == RegionLevel.COUNTY) {
          v.root = r;
        }
      }
    }
    if (!v.byCode.isEmpty()) {
      for (Facility f : facilities.findByRegionCodeInOrderByName(v.byCode.keySet())) {
        v.facilities
            .computeIfAbsent(f.regionCode(), k -> new ArrayList<>())
            .add(FacilityView.of(f));
      }
    }
    for (Region r : v.byCode.values()) {
      if (r.parentCode() != null && v.byCode.containsKey(r.parentCode())) {
        v.children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
      }
    }
    return v;
  }

  private static RegionNodeView node(Region r, Visible v) {
    List<RegionNodeView> children = new ArrayList<>();
    for (Region child : v.children.getOrDefault(r.code(), List.of())) {
      children.add(node(child, v));
    }
    return new RegionNodeView(
        r.code(),
        r.level(),
        r.name(),
        r.parentCode(),
        r.urbanRuralCode(),
        r.healthRecordSegment(),
        List.copyOf(v.facilities.getOrDefault(r.code(), List.of())),
        List.copyOf(children));
  }

  private static boolean isHealthRecordSegment(String s) {
    if (s.length() != 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(s);
    return (n >= 1 && n <= 99) || (n >= 101 && n <= 199) || (n >= 901 && n <= 999);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static ApiException invalid(String field, String code, String zh, String en) {
    return ApiException.invalidField(field, code, zh, en);
  }

  /** The regions a user may see, indexed for building the tree. Regions arrive ordered by code. */
  private static final class Visible {
    final Map<String, Region> byCode = new LinkedHashMap<>();
    final Map<String, List<Region>> children = new LinkedHashMap<>();
    final Map<String, List<FacilityView>> facilities = new LinkedHashMap<>();
    @Nullable Region root;
  }
}
