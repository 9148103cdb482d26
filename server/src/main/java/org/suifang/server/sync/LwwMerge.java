package org.suifang.server.sync;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last-writer-wins register of one patient field and the server's rules for an incoming field
 * write (docs/sync-protocol.md#conflict-rules). Pure functions, no I/O.
 *
 * <p>{@link #merge(Write, Write)} is the state-based LWW merge: the write with the larger {@link
 * FieldVersion} wins. It is commutative, associative and idempotent, so replicas that exchange
 * writes in any order, any number of times, end with the same value. {@link #apply} adds the causal
 * part that the server decides per field of a {@code PATIENT_UPDATE}: whether the write was
 * sequential (its base is the stored version) or concurrent, and which write a conflict names as
 * winner and loser.
 */
public final class LwwMerge {

  /**
   * The version of a field that no write has versioned yet (rows from before sync, or a base the
   * client did not send): smaller than every real version.
   */
  public static final FieldVersion ORIGIN = new FieldVersion(0, FieldVersion.SERVER_DEVICE);

  private LwwMerge() {}

  /**
   * One write of a field.
   *
   * @param value the value as canonical JSON text ({@code "null"} for no value), so equal values
   *     have equal text
   * @param version the write's version
   */
  public record Write(String value, FieldVersion version) {

    public Write {
      Objects.requireNonNull(value, "value == null");
      Objects.requireNonNull(version, "version == null");
    }
  }

  /**
   * What the server stores for one incoming field write.
   *
   * @param stored the field's value and version after the write
   * @param winner for a concurrent write with a different value, the write that won; else null
   * @param loser for a concurrent write with a different value, the write that lost; else null
   */
  public record Decision(Write stored, @Nullable Write winner, @Nullable Write loser) {

    /** Returns true if the write was concurrent with the stored one and their values differ. */
    public boolean conflict() {
      return loser != null;
    }
  }

  /**
   * Returns the write with the larger version. Two writes with equal versions are the same write in
   * practice; should their values still differ, the larger value text wins, so the merge stays
   * commutative for any input.
   */
  public static Write merge(Write a, Write b) {
    int order = a.version().compareTo(b.version());
    if (order == 0) {
      order = a.value().compareTo(b.value());
    }
    return order >= 0 ? a : b;
  }

  /**
   * Merges two replicas' states field by field; a field only one side has is kept as it is. Returns
   * a new sorted map.
   */
  public static Map<String, Write> merge(Map<String, Write> a, Map<String, Write> b) {
    Map<String, Write> merged = new TreeMap<>(a);
    b.forEach((field, write) -> merged.merge(field, write, LwwMerge::merge));
    return merged;
  }

  /**
   * Applies an incoming write to the stored one under the conflict rules.
   *
   * <ol>
   *   <li>{@code base} equals the stored version: sequential, the incoming write is stored,
   *       whatever the clocks say.
   *   <li>Otherwise, equal values: no conflict; the larger version is kept.
   *   <li>Otherwise concurrent: {@link #merge} picks the stored write, and the decision names the
   *       winner and the loser for one conflict record.
   * </ol>
   *
   * @param current the stored value and version ({@link #ORIGIN} when the field has none)
   * @param base the version the writer saw ({@link #ORIGIN} when it sent none)
   * @param incoming the incoming value and version
   */
  public static Decision apply(Write current, FieldVersion base, Write incoming) {
    if (base.equals(current.version())) {
      return new Decision(incoming, null, null);
    }
    if (current.value().equals(incoming.value())) {
      return new Decision(merge(current, incoming), null, null);
    }
    Write winner = merge(current, incoming);
    Write loser = winner == incoming ? current : incoming;
    return new Decision(winner, winner, loser);
  }
}
