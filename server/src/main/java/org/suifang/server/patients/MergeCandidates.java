package org.suifang.server.patients;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records possible duplicate patients for a supervisor (docs/sync-protocol.md, "Duplicate
 * patients"): after a patient is registered or changed, every other patient with the same resident
 * ID number in the same county, or the same name, birth date and village, makes one {@code
 * merge_candidate} row for the pair, unless the pair has one already (whatever its status). Both
 * patients are kept.
 *
 * <p>Runs in the caller's transaction, in two steps around the transaction's change stamp: {@link
 * #insertFor} before it (so the transaction never waits for another one's candidate row while it
 * holds the {@code sync_clock} lock), {@link #stamp} after it.
 */
@Singleton
class MergeCandidates {

  /** Why two patients may be one person. */
  enum Reason {
    /** The same resident ID number in the same county. */
    RESIDENT_ID,
    /** The same name, birth date and village. */
    NAME_BIRTH_DATE_VILLAGE
  }

  private static final String INSERT =
      "INSERT INTO merge_candidate (id, patient_a, patient_b, reason, status, detected_at,"
          + " change_seq) VALUES (?, ?, ?, ?, 'OPEN', ?, 0) ON CONFLICT DO NOTHING";
  private static final String STAMP = "UPDATE merge_candidate SET change_seq = ? WHERE id = ?";

  private final PatientRepository patients;
  private final JdbcOperations jdbc;
  private final Clock clock;

  MergeCandidates(PatientRepository patients, JdbcOperations jdbc, Clock clock) {
    this.patients = patients;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Inserts the candidates of the patient as it now stands, with {@code change_seq} 0, and returns
   * the ids of the rows inserted; pass them to {@link #stamp} once the transaction has its stamp.
   */
  List<UUID> insertFor(Patient p) {
    Map<UUID, Reason> others = new LinkedHashMap<>();
    if (p.residentId() != null) {
      for (Patient other : patients.findByCountyCodeAndResidentId(p.countyCode(), p.residentId())) {
        others.put(other.id(), Reason.RESIDENT_ID);
      }
    }
    for (Patient other :
        patients.findByVillageCodeAndBirthDateAndName(p.villageCode(), p.birthDate(), p.name())) {
      others.putIfAbsent(other.id(), Reason.NAME_BIRTH_DATE_VILLAGE);
    }
    others.remove(p.id());
    List<UUID> inserted = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    others.forEach(
        (other, reason) -> {
          UUID id = UUID.randomUUID();
          // patient_a < patient_b as the database orders UUIDs (unsigned bytes = hex text order).
          boolean selfFirst = p.id().toString().compareTo(other.toString()) < 0;
          int rows =
              jdbc.prepareStatement(
                  INSERT,
                  ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, selfFirst ? p.id() : other);
                    ps.setObject(3, selfFirst ? other : p.id());
                    ps.setString(4, reason.name());
                    ps.setObject(5, now);
                    return ps.executeUpdate();
                  });
          if (rows == 1) {
            inserted.add(id);
          }
        });
    return inserted;
  }

  /** Sets the change sequence number of candidates this transaction inserted. */
  void stamp(List<UUID> ids, long seq) {
    for (UUID id : ids) {
      jdbc.prepareStatement(
          STAMP,
          ps -> {
            ps.setLong(1, seq);
            ps.setObject(2, id);
            return ps.executeUpdate();
          });
    }
  }
}
