package org.suifang.server.synchealth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.synchealth.SyncHealthRepository.DeviceUse;
import org.suifang.server.synchealth.SyncHealthRepository.DoctorVillage;
import org.suifang.server.web.DashboardConfiguration;

/**
 * Builds the sync-health report of a supervisor's township or an administrator's county (or one
 * township of it), and the {@link Freshness} of any set of villages.
 *
 * <p>A doctor belongs to the area through their villages (user_village); a device belongs to a
 * doctor who registered it last or signed in on it (device_user). A device is <b>stale</b> when its
 * last successful sync is older than {@code suifang.dashboard.stale-after} (3 days) or it never
 * completed one; its clock is <b>suspect</b> when the offset it showed at its last sync exceeds
 * {@code suifang.sync.max-clock-skew} either way, or the server re-stamped any of its changes for a
 * clock too far ahead.
 */
@Singleton
public class SyncHealthService {

  private static final Comparator<SyncHealthRow> ORDER =
      Comparator.comparing((SyncHealthRow r) -> !r.flagged())
          .thenComparing(
              SyncHealthRow::lastSyncAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(SyncHealthRow::doctorName)
          .thenComparing(r -> String.valueOf(r.deviceId()));

  private final SyncHealthRepository repository;
  private final RegionService regions;
  private final DashboardConfiguration dashboard;
  private final Duration maxClockSkew;
  private final Clock clock;

  SyncHealthService(
      SyncHealthRepository repository,
      RegionService regions,
      DashboardConfiguration dashboard,
      @Value("${suifang.sync.max-clock-skew:5m}") Duration maxClockSkew,
      Clock clock) {
    this.repository = repository;
    this.regions = regions;
    this.dashboard = dashboard;
    this.maxClockSkew = maxClockSkew;
    this.clock = clock;
  }

  /**
   * Returns the report of the viewer's area: a supervisor's township, an administrator's county, or
   * the given township, which must lie in the viewer's area.
   *
   * @param township a 12-digit township code, or null for the viewer's whole area
   * @throws ApiException {@code FORBIDDEN} for a doctor or a township outside the viewer's area,
   *     {@code VALIDATION_FAILED} for a malformed code, {@code NOT_FOUND} for an unknown township
   */
  @Transactional(readOnly = true)
  public SyncHealthReport report(CurrentUser viewer, @Nullable String township) {
    String areaCode = areaCode(viewer, township);
    String areaName =
        regions
            .find(areaCode)
            .map(RegionView::name)
            .orElseThrow(() -> new ApiException(CommonError.NOT_FOUND));
    String prefix = prefixOf(areaCode);
    Instant now = clock.instant();
    List<SyncHealthRow> rows = rows(repository.doctorsByVillagePrefix(prefix), now);
    Set<UUID> devices = new HashSet<>();
    Set<UUID> stale = new HashSet<>();
    Set<UUID> suspect = new HashSet<>();
    Map<UUID, Integer> pending = new LinkedHashMap<>();
    int withoutDevice = 0;
    for (SyncHealthRow row : rows) {
      if (row.deviceId() == null) {
        withoutDevice++;
        continue;
      }
      devices.add(row.deviceId());
      pending.put(row.deviceId(), row.pendingCount());
      if (row.stale()) {
        stale.add(row.deviceId());
      }
      if (row.clockSuspect()) {
        suspect.add(row.deviceId());
      }
    }
    return new SyncHealthReport(
        areaCode,
        areaName,
        now,
        dashboard.staleAfter().toHours(),
        maxClockSkew.toSeconds(),
        devices.size(),
        stale.size(),
        suspect.size(),
        withoutDevice,
        pending.values().stream().mapToInt(Integer::intValue).sum(),
        rows);
  }

  /**
   * Returns how fresh the data of the villages is: the oldest and newest last successful sync among
   * the devices of their doctors, the changes still pending on those devices, how many are stale,
   * and how many of the doctors have no device. The caller checks that the user may read the
   * villages. Read-only; one transaction of four small queries.
   */
  @Transactional(readOnly = true)
  public Freshness freshness(Collection<String> villageCodes) {
    Objects.requireNonNull(villageCodes, "villageCodes == null");
    Instant now = clock.instant();
    List<SyncHealthRow> rows = rows(repository.doctorsOfVillages(Set.copyOf(villageCodes)), now);
    Map<UUID, SyncHealthRow> byDevice = new LinkedHashMap<>();
    int withoutDevice = 0;
    for (SyncHealthRow row : rows) {
      if (row.deviceId() == null) {
        withoutDevice++;
      } else {
        byDevice.putIfAbsent(row.deviceId(), row);
      }
    }
    Instant oldest = null;
    Instant newest = null;
    int pending = 0;
    int stale = 0;
    for (SyncHealthRow row : byDevice.values()) {
      Instant at = row.lastSyncAt();
      if (at != null) {
        oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        newest = newest == null || at.isAfter(newest) ? at : newest;
      }
      pending += row.pendingCount();
      stale += row.stale() ? 1 : 0;
    }
    return new Freshness(byDevice.size(), oldest, newest, pending, stale, withoutDevice);
  }

  /** Returns a clock offset as people read it, e.g. {@code +2 h 03 min}, {@code -45 s}. */
  static String humanOffset(long millis) {
    long seconds = Math.abs(millis) / 1000;
    if (seconds == 0) {
      return "0 s";
    }
    String sign = millis < 0 ? "-" : "+";
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    if (days > 0) {
      return sign + days + " d " + two(hours) + " h";
    }
    if (hours > 0) {
      return sign + hours + " h " + two(minutes) + " min";
    }
    if (minutes > 0) {
      return sign + minutes + " min " + two(seconds % 60) + " s";
    }
    return sign + seconds + " s";
  }

  private List<SyncHealthRow> rows(List<DoctorVillage> doctorVillages, Instant now) {
    Map<UUID, List<DoctorVillage>> doctors = new LinkedHashMap<>();
    for (DoctorVillage dv : doctorVillages) {
      doctors.computeIfAbsent(dv.doctorId(), k -> new ArrayList<>()).add(dv);
    }
    List<DeviceUse> uses = repository.devicesOf(doctors.keySet());
    Set<UUID> deviceIds = new HashSet<>();
    uses.forEach(u -> deviceIds.add(u.deviceId()));
    Map<UUID, Integer> rejected = repository.rejectedCounts(deviceIds);
    Instant staleBefore = now.minus(dashboard.staleAfter());
    List<SyncHealthRow> rows = new ArrayList<>();
    Set<UUID> withDevice = new HashSet<>();
    for (DeviceUse use : uses) {
      List<DoctorVillage> villages = doctors.get(use.doctorId());
      if (villages == null) {
        continue;
      }
      withDevice.add(use.doctorId());
      boolean stale = use.lastSyncAt() == null || use.lastSyncAt().isBefore(staleBefore);
      Long offset = use.clockOffsetMs();
      boolean suspect =
          use.clockSuspectCount() > 0
              || (offset != null && Math.abs(offset) > maxClockSkew.toMillis());
      rows.add(
          new SyncHealthRow(
              use.doctorId(),
              villages.get(0).displayName(),
              villages.get(0).username(),
              villages.get(0).active(),
              villagesOf(villages),
              use.deviceId(),
              use.model(),
              use.platform(),
              use.appVersion(),
              use.registeredAt(),
              use.lastSyncAt(),
              use.lastSeenAt(),
              use.pendingCount(),
              use.oldestPendingAt(),
              offset,
              offset == null ? null : humanOffset(offset),
              use.clockSuspectCount(),
              rejected.getOrDefault(use.deviceId(), 0),
              stale,
              suspect,
              use.lastSyncAt() == null));
    }
    for (Map.Entry<UUID, List<DoctorVillage>> doctor : doctors.entrySet()) {
      DoctorVillage first = doctor.getValue().get(0);
      if (withDevice.contains(doctor.getKey()) || !first.active()) {
        continue;
      }
      rows.add(
          new SyncHealthRow(
              doctor.getKey(),
              first.displayName(),
              first.username(),
              true,
              villagesOf(doctor.getValue()),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              null,
              null,
              null,
              0,
              0,
              false,
              false,
              true));
    }
    rows.sort(ORDER);
    return rows;
  }

  private static String areaCode(CurrentUser viewer, @Nullable String township) {
    if (viewer.role() == Role.VILLAGE_DOCTOR) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    if (township == null || township.isBlank()) {
      return viewer.role() == Role.COUNTY_ADMIN ? viewer.countyCode() : viewer.townshipCode();
    }
    if (!township.matches("\\d{9}000") || township.endsWith("000000")) {
      throw ApiException.invalidField(
          "township", "NOT_A_TOWNSHIP", "不是乡镇代码（12 位，以 000 结尾）。", "Not a 12-digit township code.");
    }
    boolean inArea =
        viewer.role() == Role.COUNTY_ADMIN
            ? township.startsWith(viewer.countyCode().substring(0, 6))
            : township.equals(viewer.townshipCode());
    if (!inArea) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    return township;
  }

  private static String prefixOf(String areaCode) {
    // County: 6 digits + 000000; township: 9 digits + 000.
    return areaCode.endsWith("000000") ? areaCode.substring(0, 6) : areaCode.substring(0, 9);
  }

  private static List<SyncHealthRow.Village> villagesOf(List<DoctorVillage> villages) {
    return villages.stream()
        .map(v -> new SyncHealthRow.Village(v.villageCode(), v.villageName()))
        .sorted(Comparator.comparing(SyncHealthRow.Village::code))
        .toList();
  }

  private static String two(long n) {
    return n < 10 ? "0" + n : Long.toString(n);
  }
}
