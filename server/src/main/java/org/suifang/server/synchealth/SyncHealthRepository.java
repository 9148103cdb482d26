package org.suifang.server.synchealth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads doctors, their villages and their devices for sync health. Plain SQL that runs on H2
 * (PostgreSQL mode) and PostgreSQL; callers hold a transaction.
 */
@Singleton
class SyncHealthRepository {

  /** A doctor and one of their villages. */
  record DoctorVillage(
      UUID doctorId,
      String username,
      String displayName,
      boolean active,
      String villageCode,
      String villageName) {}

  /** A device one doctor uses (registered it or signed in on it), as the device last reported. */
  record DeviceUse(
      UUID doctorId,
      UUID deviceId,
      @Nullable String appVersion,
      @Nullable String platform,
      @Nullable String model,
      Instant registeredAt,
      @Nullable Instant lastSeenAt,
      @Nullable Instant lastSyncAt,
      int pendingCount,
      @Nullable Instant oldestPendingAt,
      @Nullable Long clockOffsetMs,
      int clockSuspectCount) {}

  private static final String DEVICE_COLUMNS =
      """
      d.id, d.app_version, d.platform, d.model, d.registered_at, d.last_seen_at, d.last_sync_at,
      d.pending_count, d.oldest_pending_at, d.clock_offset_ms, d.clock_suspect_count""";

  private final JdbcOperations jdbc;

  SyncHealthRepository(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns the village doctors with a village whose code starts with {@code prefix}. */
  List<DoctorVillage> doctorsByVillagePrefix(String prefix) {
    return jdbc.prepareStatement(
        """
        SELECT u.id, u.username, u.display_name, u.active, uv.village_code, r.name
        FROM app_user u
        JOIN user_village uv ON uv.user_id = u.id
        JOIN region r ON r.code = uv.village_code
        WHERE u.role = 'VILLAGE_DOCTOR' AND uv.village_code LIKE ?
        ORDER BY uv.village_code, u.display_name, u.id""",
        ps -> {
          ps.setString(1, prefix + "%");
          return doctors(ps);
        });
  }

  /** Returns the village doctors with one of the villages. */
  List<DoctorVillage> doctorsOfVillages(Collection<String> villageCodes) {
    if (villageCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.prepareStatement(
        """
        SELECT u.id, u.username, u.display_name, u.active, uv.village_code, r.name
        FROM app_user u
        JOIN user_village uv ON uv.user_id = u.id
        JOIN region r ON r.code = uv.village_code
        WHERE u.role = 'VILLAGE_DOCTOR' AND uv.village_code IN (%s)
        ORDER BY uv.village_code, u.display_name, u.id"""
            .formatted(placeholders(villageCodes.size())),
        ps -> {
          bind(ps, new ArrayList<>(villageCodes));
          return doctors(ps);
        });
  }

  /**
   * Returns every (device, doctor) pair for the doctors: devices they registered last and devices
   * they signed in on (shared tablets), each pair once.
   */
  List<DeviceUse> devicesOf(Collection<UUID> doctorIds) {
    if (doctorIds.isEmpty()) {
      return List.of();
    }
    List<Object> ids = new ArrayList<>(doctorIds);
    String in = placeholders(ids.size());
    List<DeviceUse> uses = new ArrayList<>();
    uses.addAll(
        jdbc.prepareStatement(
            "SELECT du.user_id AS doctor_id, "
                + DEVICE_COLUMNS
                + " FROM device_user du JOIN device d ON d.id = du.device_id"
                + " WHERE du.user_id IN ("
                + in
                + ")",
            ps -> {
              bind(ps, ids);
              return devices(ps);
            }));
    uses.addAll(
        jdbc.prepareStatement(
            "SELECT d.user_id AS doctor_id, "
                + DEVICE_COLUMNS
                + " FROM device d WHERE d.user_id IN ("
                + in
                + ")",
            ps -> {
              bind(ps, ids);
              return devices(ps);
            }));
    Map<List<UUID>, DeviceUse> unique = new java.util.LinkedHashMap<>();
    for (DeviceUse use : uses) {
      unique.putIfAbsent(List.of(use.deviceId(), use.doctorId()), use);
    }
    return new ArrayList<>(unique.values());
  }

  /** Returns the number of rejected mutations per device, for the devices that have any. */
  Map<UUID, Integer> rejectedCounts(Collection<UUID> deviceIds) {
    if (deviceIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.prepareStatement(
        """
        SELECT device_id, COUNT(*) FROM mutation_result
        WHERE status = 'REJECTED' AND device_id IN (%s)
        GROUP BY device_id"""
            .formatted(placeholders(deviceIds.size())),
        ps -> {
          bind(ps, new ArrayList<>(deviceIds));
          Map<UUID, Integer> counts = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
          }
          return counts;
        });
  }

  private static List<DoctorVillage> doctors(PreparedStatement ps) throws SQLException {
    List<DoctorVillage> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new DoctorVillage(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return out;
  }

  private static List<DeviceUse> devices(PreparedStatement ps) throws SQLException {
    List<DeviceUse> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long offset = rs.getLong("clock_offset_ms");
        Long clockOffset = rs.wasNull() ? null : offset;
        out.add(
            new DeviceUse(
                rs.getObject("doctor_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("app_version"),
                rs.getString("platform"),
                rs.getString("model"),
                instant(rs, "registered_at"),
                instant(rs, "last_seen_at"),
                instant(rs, "last_sync_at"),
                rs.getInt("pending_count"),
                instant(rs, "oldest_pending_at"),
                clockOffset,
                rs.getInt("clock_suspect_count")));
      }
    }
    return out;
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }
}
