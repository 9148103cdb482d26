package org.suifang.server.sync;

import static org.suifang.server.common.SqlValues.setInstant;
import static org.suifang.server.common.SqlValues.setLong;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code mutation_result} and {@code device_mutation} rows of the follow-up mutations at a
 * batch's head, held until the batch stamps them ({@link MutationProcessor#processBatch}) and then
 * inserted in two JDBC batches with their {@code change_seq} already in place, instead of an insert
 * of each and an update of the results' {@code change_seq}. While they wait, the batch's own checks
 * read them here first: a seq or a mutation id already in the batch is answered as it would be from
 * the tables.
 *
 * <p>Only the deferred head of a batch uses it: a patient handler reads {@code mutation_result}
 * (the base of an edit, {@code PatientConflicts}), so the rows are written before any other
 * mutation applies.
 */
final class PendingResults {

  private final Map<UUID, MutationResult> results = new LinkedHashMap<>();
  private final Map<Long, UUID> seqs = new LinkedHashMap<>();

  /** The result held for this mutation, or null. */
  @Nullable
  MutationResult result(UUID mutationId) {
    return results.get(mutationId);
  }

  /** The mutation held under this seq of the batch's device, or null. */
  @Nullable
  UUID mutationAt(long deviceSeq) {
    return seqs.get(deviceSeq);
  }

  void add(MutationResult result) {
    results.put(result.mutationId(), result);
  }

  void record(long deviceSeq, UUID mutationId) {
    seqs.put(deviceSeq, mutationId);
  }

  /** Sets the change sequence number of a held applied result. */
  void stamp(UUID mutationId, long changeSeq) {
    MutationResult r = results.get(mutationId);
    results.put(
        mutationId,
        new MutationResult(
            r.mutationId(),
            r.deviceId(),
            r.deviceSeq(),
            r.type(),
            r.authorId(),
            r.status(),
            r.code(),
            r.errorJson(),
            changeSeq,
            r.clientHlc(),
            r.appliedHlc(),
            r.clockSuspect(),
            r.conflicts(),
            r.deviceTime(),
            r.processedAt(),
            r.patientId()));
  }

  boolean isEmpty() {
    return results.isEmpty() && seqs.isEmpty();
  }

  /** Inserts the held rows in the connection's transaction and forgets them. */
  void write(Connection connection, UUID deviceId) {
    try {
      if (!results.isEmpty()) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO mutation_result (mutation_id, device_id, device_seq, type, author_id,"
                    + " status, code, error_json, change_seq, client_hlc, applied_hlc,"
                    + " clock_suspect, conflicts, device_time, processed_at, patient_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (MutationResult r : results.values()) {
            insert.setObject(1, r.mutationId());
            insert.setObject(2, r.deviceId());
            insert.setLong(3, r.deviceSeq());
            insert.setString(4, r.type());
            insert.setObject(5, r.authorId());
            insert.setString(6, r.status().name());
            insert.setString(7, r.code());
            insert.setString(8, r.errorJson());
            setLong(insert, 9, r.changeSeq());
            insert.setLong(10, r.clientHlc());
            insert.setLong(11, r.appliedHlc());
            insert.setBoolean(12, r.clockSuspect());
            insert.setInt(13, r.conflicts());
            setInstant(insert, 14, r.deviceTime());
            setInstant(insert, 15, r.processedAt());
            insert.setObject(16, r.patientId());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      if (!seqs.isEmpty()) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO device_mutation (device_id, device_seq, mutation_id) VALUES (?, ?, ?)")) {
          for (Map.Entry<Long, UUID> seq : seqs.entrySet()) {
            insert.setObject(1, deviceId);
            insert.setLong(2, seq.getKey());
            insert.setObject(3, seq.getValue());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new SyncStoreException("Could not store a batch's results", e);
    }
    results.clear();
    seqs.clear();
  }
}
