package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.suifang.server.sync.ChangeSequencer.Stamp;

/**
 * Marks patient and follow-up rows as changed by the current transaction, so the change feed
 * delivers them: sets their {@code change_seq} to the transaction's {@link ChangeSequencer} stamp
 * and, for patients, the per-field versions. A patient that moves to another village takes its
 * follow-ups and conflicts along: they get the same stamp, so the devices of the new area receive
 * them.
 *
 * <p>Call it after the transaction's own writes to the row (the stamp locks {@code sync_clock}
 * until commit; taking it last keeps the lock short and the lock order fixed: rows first, clock
 * last).
 */
@Singleton
public class ChangeStamps {

  /** The patient fields that are last-writer-wins registers (docs/sync-protocol.md). */
  public static final List<String> PATIENT_FIELDS =
      List.of(
          "name",
          "sex",
          "birthDate",
          "residentId",
          "phone",
          "villageCode",
          "address",
          "healthRecordNumber",
          "heightCm",
          "hypertensionDiagnosedOn",
          "diabetesDiagnosedOn",
          "status");

  // The rows of a patient that the change feed delivers with it.
  private static final List<String> DEPENDENTS = List.of("follow_up", "sync_conflict");

  private static final String FOLLOW_UP_STAMP = "UPDATE follow_up SET change_seq = ? WHERE id = ?";

  private static final Argument<Map<String, FieldVersion>> VERSIONS =
      Argument.mapOf(String.class, FieldVersion.class);

  private final ChangeSequencer sequencer;
  private final TransactionOperations<Connection> transactions;
  private final JsonMapper json;

  ChangeStamps(
      ChangeSequencer sequencer, TransactionOperations<Connection> transactions, JsonMapper json) {
    this.sequencer = sequencer;
    this.transactions = transactions;
    this.json = json;
  }

  /**
   * Stamps a patient written through the REST API: each named field gets the version (server HLC,
   * {@link FieldVersion#SERVER_DEVICE}).
   *
   * @param previousVillageCode the village the patient left, when this write moved it
   */
  public Stamp patientWrittenByServer(
      UUID patientId, Collection<String> changedFields, @Nullable String previousVillageCode) {
    lockDependents(patientId, previousVillageCode);
    Stamp stamp = sequencer.stamp();
    Map<String, FieldVersion> versions = new TreeMap<>();
    FieldVersion version = new FieldVersion(stamp.hlc(), FieldVersion.SERVER_DEVICE);
    for (String field : changedFields) {
      versions.put(field, version);
    }
    write(patientId, stamp, versions, previousVillageCode);
    return stamp;
  }

  /**
   * Stamps a patient written by a sync mutation: the named fields get the given versions (the
   * others keep theirs).
   *
   * @param atLeastHlc the mutation's HLC, so the server clock moves past it
   */
  public Stamp patientWritten(
      UUID patientId,
      Map<String, FieldVersion> versions,
      @Nullable String previousVillageCode,
      long atLeastHlc) {
    lockDependents(patientId, previousVillageCode);
    Stamp stamp = sequencer.stamp(atLeastHlc);
    write(patientId, stamp, versions, previousVillageCode);
    return stamp;
  }

  /** The stored versions of a patient's fields (empty for an unknown patient). */
  public Map<String, FieldVersion> patientVersions(UUID patientId) {
    Connection connection = transactions.getConnection();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT field_versions FROM patient WHERE id = ?")) {
      select.setObject(1, patientId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? parse(rs.getString(1)) : new TreeMap<>();
      }
    } catch (SQLException e) {
      throw new ChangeSequencer.ChangeSequenceException(e);
    }
  }

  /**
   * Stamps a follow-up record that was inserted or voided; in a batch of pushed follow-up mutations
   * the stamp is taken at the batch's end instead ({@link MutationProcessor#processBatch}).
   */
  public void followUpWritten(UUID followUpId, long atLeastHlc) {
    Deferral deferral = sequencer.deferral();
    if (deferral != null) {
      deferral.written(followUpId);
      return;
    }
    Stamp stamp = sequencer.stamp(atLeastHlc);
    update(FOLLOW_UP_STAMP, stamp.seq(), followUpId);
  }

  /**
   * Inserts a new follow-up row and stamps it ({@link #followUpWritten}); while a batch of pushed
   * follow-up mutations defers its stamps, holds it instead: the batch inserts it at its end with
   * its number, one insert instead of an insert now and an update then ({@link
   * MutationProcessor#processBatch}).
   */
  public void followUpInserted(UUID followUpId, HeldRow row, long atLeastHlc) {
    Deferral deferral = sequencer.deferral();
    if (deferral != null) {
      deferral.hold(followUpId, row);
      return;
    }
    row.insert(0);
    followUpWritten(followUpId, atLeastHlc);
  }

  /**
   * Inserts now the rows held by the batch's earlier mutations that {@code which} selects, so that
   * the current mutation's queries see them (a later visit of the same patient reads the previous
   * one); they are still numbered at the batch's end. Does nothing outside such a batch.
   */
  public void release(Predicate<HeldRow> which) {
    Deferral deferral = sequencer.deferral();
    if (deferral != null) {
      deferral.release(which);
    }
  }

  /**
   * Stamps follow-ups whose stamps were deferred: each id with its number, in this order. A row
   * still in {@code held} is inserted with its number (and removed from it); the others, written
   * already, are updated.
   */
  void followUpsStamped(List<UUID> followUpIds, List<Long> seqs, Map<UUID, HeldRow> held) {
    Connection connection = transactions.getConnection();
    try (PreparedStatement update = connection.prepareStatement(FOLLOW_UP_STAMP)) {
      int updates = 0;
      for (int i = 0; i < followUpIds.size(); i++) {
        HeldRow row = held.remove(followUpIds.get(i));
        if (row != null) {
          row.insert(seqs.get(i));
          continue;
        }
        update.setLong(1, seqs.get(i));
        update.setObject(2, followUpIds.get(i));
        update.addBatch();
        updates++;
      }
      if (updates == 0) {
        return;
      }
      for (int count : update.executeBatch()) {
        if (count == 0) {
          throw new IllegalStateException("A deferred follow-up stamp found no row");
        }
      }
    } catch (SQLException e) {
      throw new ChangeSequencer.ChangeSequenceException(e);
    }
  }

  private void write(
      UUID patientId,
      Stamp stamp,
      Map<String, FieldVersion> changed,
      @Nullable String previousVillageCode) {
    Map<String, FieldVersion> versions = patientVersions(patientId);
    versions.putAll(changed);
    String encoded;
    try {
      encoded = json.writeValueAsString(new TreeMap<>(versions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Connection connection = transactions.getConnection();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE patient SET change_seq = ?, field_versions = ?,"
                + " prev_village_code = COALESCE(?, prev_village_code) WHERE id = ?")) {
      update.setLong(1, stamp.seq());
      update.setString(2, encoded);
      update.setString(3, previousVillageCode);
      update.setObject(4, patientId);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("No patient " + patientId + " to stamp");
      }
    } catch (SQLException e) {
      throw new ChangeSequencer.ChangeSequenceException(e);
    }
    if (previousVillageCode != null) {
      // The devices of the patient's new area receive its records with it.
      for (String table : DEPENDENTS) {
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + table + " SET change_seq = ? WHERE patient_id = ?")) {
          update.setLong(1, stamp.seq());
          update.setObject(2, patientId);
          update.executeUpdate();
        } catch (SQLException e) {
          throw new ChangeSequencer.ChangeSequenceException(e);
        }
      }
    }
  }

  /**
   * Locks the follow-ups and conflicts of a patient that moves to another village before the stamp
   * is taken (rows first, clock last), so that {@link #write} can re-stamp them.
   */
  private void lockDependents(UUID patientId, @Nullable String previousVillageCode) {
    if (previousVillageCode == null) {
      return;
    }
    Connection connection = transactions.getConnection();
    for (String table : DEPENDENTS) {
      try (PreparedStatement lock =
          connection.prepareStatement(
              "SELECT id FROM " + table + " WHERE patient_id = ? FOR UPDATE")) {
        lock.setObject(1, patientId);
        try (ResultSet rs = lock.executeQuery()) {
          while (rs.next()) {
            // Reading the rows is what locks them.
          }
        }
      } catch (SQLException e) {
        throw new ChangeSequencer.ChangeSequenceException(e);
      }
    }
  }

  private void update(String sql, long seq, UUID id) {
    Connection connection = transactions.getConnection();
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, seq);
      update.setObject(2, id);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("No row " + id + " to stamp");
      }
    } catch (SQLException e) {
      throw new ChangeSequencer.ChangeSequenceException(e);
    }
  }

  private Map<String, FieldVersion> parse(@Nullable String stored) {
    if (stored == null || stored.isBlank()) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(json.readValue(stored, VERSIONS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
