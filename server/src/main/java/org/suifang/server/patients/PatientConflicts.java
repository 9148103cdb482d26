package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.LwwMerge;

/**
 * The database side of the patient conflict rules (docs/sync-protocol.md#conflict-rules): reads
 * what the device's earlier mutations were applied as, and records concurrent edits in {@code
 * sync_conflict}. Runs in the caller's transaction.
 */
@Singleton
class PatientConflicts {

  private static final String APPLIED_HLC =
      "SELECT applied_hlc FROM mutation_result"
          + " WHERE device_id = ? AND client_hlc = ? AND status = 'APPLIED'";
  private static final String AUTHOR =
      "SELECT author_id FROM mutation_result"
          + " WHERE device_id = ? AND applied_hlc = ? AND status = 'APPLIED'";
  private static final String INSERT =
      "INSERT INTO sync_conflict (id, patient_id, field, winner_value, winner_hlc,"
          + " winner_device_id, winner_author_id, loser_value, loser_hlc, loser_device_id,"
          + " loser_author_id, mutation_id, detected_at, status, change_seq)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)";

  private final JdbcOperations jdbc;
  private final Clock clock;

  PatientConflicts(JdbcOperations jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Returns the version a {@code base} stands for: a version this device wrote under an HLC the
   * server re-stamped is read as the re-stamped one; a missing base is {@link LwwMerge#ORIGIN}.
   */
  FieldVersion base(@Nullable FieldVersion base, UUID deviceId) {
    if (base == null) {
      return LwwMerge.ORIGIN;
    }
    if (!base.deviceId().equals(deviceId)) {
      return base;
    }
    Long applied =
        jdbc.prepareStatement(
            APPLIED_HLC,
            ps -> {
              ps.setObject(1, deviceId);
              ps.setLong(2, base.hlc());
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
              }
            });
    return applied == null ? base : new FieldVersion(applied, deviceId);
  }

  /**
   * Returns who wrote a stored field version, or null if unknown: the author of the tablet mutation
   * that was applied with it, else the patient's last writer if this version is the newest of the
   * patient's fields (the last write stamped it).
   */
  @Nullable
  UUID authorOf(FieldVersion version, Patient p, Map<String, FieldVersion> versions) {
    if (!version.deviceId().equals(FieldVersion.SERVER_DEVICE)) {
      UUID author =
          jdbc.prepareStatement(
              AUTHOR,
              ps -> {
                ps.setObject(1, version.deviceId());
                ps.setLong(2, version.hlc());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
              });
      if (author != null) {
        return author;
      }
    }
    long newest = versions.values().stream().mapToLong(FieldVersion::hlc).max().orElse(0);
    return version.hlc() > 0 && version.hlc() == newest ? p.updatedBy() : null;
  }

  /** Records one concurrent edit of a field, open for a supervisor. */
  void insert(
      UUID patientId,
      String field,
      LwwMerge.Write winner,
      @Nullable UUID winnerAuthor,
      LwwMerge.Write loser,
      @Nullable UUID loserAuthor,
      UUID mutationId,
      long changeSeq) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.prepareStatement(
        INSERT,
        ps -> {
          ps.setObject(1, UUID.randomUUID());
          ps.setObject(2, patientId);
          ps.setString(3, field);
          ps.setString(4, winner.value());
          ps.setLong(5, winner.version().hlc());
          ps.setObject(6, winner.version().deviceId());
          ps.setObject(7, winnerAuthor);
          ps.setString(8, loser.value());
          ps.setLong(9, loser.version().hlc());
          ps.setObject(10, loser.version().deviceId());
          ps.setObject(11, loserAuthor);
          ps.setObject(12, mutationId);
          ps.setObject(13, now);
          ps.setLong(14, changeSeq);
          return ps.executeUpdate();
        });
  }
}
