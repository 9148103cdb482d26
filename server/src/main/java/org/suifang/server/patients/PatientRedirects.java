package org.suifang.server.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * The permanent redirects of merged duplicates (column {@code patient.merged_into}, V31;
 * docs/dashboard.md#review-queue): a duplicate merged into a survivor stands for the survivor
 * everywhere a patient id comes in, so a tablet that was offline during the merge loses nothing.
 * Runs in the caller's transaction.
 */
@Singleton
class PatientRedirects {

  // A survivor may itself be merged later; a longer chain than this is a cycle (a bug).
  private static final int MAX_HOPS = 32;

  private final JdbcOperations jdbc;

  PatientRedirects(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns the patient a duplicate was merged into, or null (not merged, or no such patient). */
  @Nullable
  UUID mergedInto(UUID id) {
    return jdbc.prepareStatement(
        "SELECT merged_into FROM patient WHERE id = ?",
        ps -> {
          ps.setObject(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
          }
        });
  }

  /** Returns the patient that stands for {@code id}: its last survivor, or {@code id} itself. */
  UUID current(UUID id) {
    UUID current = id;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      UUID next = mergedInto(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    throw new IllegalStateException("The merges of patient " + id + " form a cycle");
  }
}
