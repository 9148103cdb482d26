package org.suifang.server.demo;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the demo doctors made-up tablets, so that the dashboard's sync-health page has something to
 * show: one synced recently, one stale with changes waiting, one with a clock two hours ahead, one
 * synced yesterday, and one doctor without a tablet. Written straight into {@code device} and
 * {@code device_user}, because their sync state (times in the past, a wrong clock) cannot be
 * produced through the API in a moment. Real tablets that sync later get rows of their own.
 */
@Singleton
class DemoDevices {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDevices.class);

  /**
   * A made-up tablet.
   *
   * @param username the demo doctor
   * @param syncedAgo how long ago it last synced
   * @param pending changes it reported waiting
   * @param oldestPendingAgo how old the oldest of them is (null for none)
   * @param clockOffset its clock minus the server's
   * @param clockSuspect changes re-stamped for a clock too far ahead
   */
  private record Tablet(
      String username,
      Duration syncedAgo,
      int pending,
      Duration oldestPendingAgo,
      Duration clockOffset,
      int clockSuspect) {}

  private static final List<Tablet> TABLETS =
      List.of(
          new Tablet("doctor1", Duration.ofHours(2), 0, null, Duration.ofSeconds(3), 0),
          new Tablet(
              "doctor2",
              Duration.ofDays(5),
              7,
              Duration.ofDays(5).plusHours(3),
              Duration.ofSeconds(-40),
              0),
          new Tablet(
              "doctor3",
              Duration.ofMinutes(20),
              1,
              Duration.ofMinutes(25),
              Duration.ofHours(2).plusMinutes(3),
              4),
          new Tablet(
              "doctor4", Duration.ofHours(26), 2, Duration.ofHours(27), Duration.ofSeconds(-1), 0));

  private final JdbcOperations jdbc;
  private final Clock clock;

  DemoDevices(JdbcOperations jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds the tablets unless a demo doctor already has one; returns true if it added them. */
  @Transactional
  boolean seedIfAbsent() {
    long existing =
        jdbc.prepareStatement(
            "SELECT COUNT(*) FROM device d JOIN app_user u ON u.id = d.user_id"
                + " WHERE u.username IN ('doctor1', 'doctor2', 'doctor3', 'doctor4', 'doctor5')",
            ps -> {
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    if (existing > 0) {
      return false;
    }
    Instant now = clock.instant();
    for (Tablet t : TABLETS) {
      UUID user =
          jdbc.prepareStatement(
              "SELECT id FROM app_user WHERE username = ?",
              ps -> {
                ps.setString(1, t.username());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
              });
      if (user == null) {
        continue;
      }
      UUID device = UUID.randomUUID();
      Instant synced = now.minus(t.syncedAgo());
      jdbc.prepareStatement(
          """
          INSERT INTO device (id, user_id, app_version, platform, model, registered_at, last_seq,
            last_seen_at, last_sync_at, pending_count, oldest_pending_at, clock_offset_ms,
            clock_suspect_count)
          VALUES (?, ?, '0.3.0', 'Android 8.1', 'Lenovo TB-X104F', ?, 0, ?, ?, ?, ?, ?, ?)""",
          ps -> {
            ps.setObject(1, device);
            ps.setObject(2, user);
            ps.setObject(3, time(now.minus(Duration.ofDays(60))));
            ps.setObject(4, time(synced));
            ps.setObject(5, time(synced));
            ps.setInt(6, t.pending());
            ps.setObject(
                7, t.oldestPendingAgo() == null ? null : time(now.minus(t.oldestPendingAgo())));
            ps.setLong(8, t.clockOffset().toMillis());
            ps.setInt(9, t.clockSuspect());
            return ps.executeUpdate();
          });
      jdbc.prepareStatement(
          "INSERT INTO device_user (device_id, user_id, registered_at) VALUES (?, ?, ?)",
          ps -> {
            ps.setObject(1, device);
            ps.setObject(2, user);
            ps.setObject(3, time(now.minus(Duration.ofDays(60))));
            return ps.executeUpdate();
          });
    }
    LOG.info("Added {} made-up demo tablets for the sync-health page", TABLETS.size());
    return true;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
