package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices, the users who registered them, and their (device, seq) → mutation log. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeviceRepository extends CrudRepository<Device, UUID> {

  /** Reads the device and locks its row until the transaction ends. */
  Optional<Device> findByIdForUpdate(UUID id);

  @Query(
      """
      UPDATE device SET user_id = :userId, app_version = :appVersion, platform = :platform,
        model = :model, last_seen_at = :now
      WHERE id = :id""")
  void updateRegistration(
      UUID id,
      UUID userId,
      @Nullable String appVersion,
      @Nullable String platform,
      @Nullable String model,
      Instant now);

  @Query("SELECT COUNT(*) FROM device_user WHERE device_id = :deviceId AND user_id = :userId")
  long countDeviceUser(UUID deviceId, UUID userId);

  @Query(
      "INSERT INTO device_user (device_id, user_id, registered_at) VALUES (:deviceId, :userId, :now)")
  void insertDeviceUser(UUID deviceId, UUID userId, Instant now);

  @Query("SELECT user_id FROM device_user WHERE device_id = :deviceId ORDER BY registered_at")
  List<UUID> findDeviceUsers(UUID deviceId);

  /** What the device reported at the start of a sync request. */
  @Query(
      """
      UPDATE device SET last_seen_at = :now, app_version = COALESCE(:appVersion, app_version),
        pending_count = :pendingCount, oldest_pending_at = :oldestPendingAt,
        clock_offset_ms = COALESCE(:clockOffsetMs, clock_offset_ms)
      WHERE id = :id""")
  void updateReported(
      UUID id,
      Instant now,
      @Nullable String appVersion,
      int pendingCount,
      @Nullable Instant oldestPendingAt,
      @Nullable Long clockOffsetMs);

  @Query("UPDATE device SET last_sync_at = :now WHERE id = :id")
  void updateLastSync(UUID id, Instant now);

  @Query("UPDATE device SET last_seq = :lastSeq WHERE id = :id")
  void updateLastSeq(UUID id, long lastSeq);

  @Query("UPDATE device SET clock_suspect_count = clock_suspect_count + 1 WHERE id = :id")
  void countClockSuspect(UUID id);

  @Query(
      "SELECT mutation_id FROM device_mutation WHERE device_id = :deviceId AND device_seq = :deviceSeq")
  Optional<UUID> findMutationId(UUID deviceId, long deviceSeq);

  @Query(
      """
      INSERT INTO device_mutation (device_id, device_seq, mutation_id)
      VALUES (:deviceId, :deviceSeq, :mutationId)""")
  void insertMutation(UUID deviceId, long deviceSeq, UUID mutationId);
}
