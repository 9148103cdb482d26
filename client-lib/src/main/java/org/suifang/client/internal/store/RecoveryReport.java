package org.suifang.client.internal.store;

import java.io.File;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What {@link JournalStore#open} found and repaired: how many transactions it recovered from the
 * journal, how many bytes it cut from the journal's end, and whether that cut removed frames that
 * still looked valid (damage in the middle, not a torn write), in which case the whole damaged
 * journal was first copied aside.
 */
public final class RecoveryReport {
  private final long generation;
  private final int framesRecovered;
  private final long bytesCut;
  private final long damageOffset;
  @Nullable private final File damagedCopy;

  RecoveryReport(
      long generation,
      int framesRecovered,
      long bytesCut,
      long damageOffset,
      @Nullable File damagedCopy) {
    if ((damagedCopy == null) != (damageOffset < 0)) {
      throw new IllegalArgumentException(
          "damageOffset " + damageOffset + " with damagedCopy " + damagedCopy);
    }
    this.generation = generation;
    this.framesRecovered = framesRecovered;
    this.bytesCut = bytesCut;
    this.damageOffset = damageOffset;
    this.damagedCopy = damagedCopy;
  }

  /**
   * Returns the generation of the snapshot and journal that were opened (0 before any compaction).
   */
  public long generation() {
    return generation;
  }

  /** Returns how many transactions were read back from the journal. */
  public int framesRecovered() {
    return framesRecovered;
  }

  /** Returns how many bytes were cut from the end of the journal (a torn or damaged tail). */
  public long bytesCut() {
    return bytesCut;
  }

  /** Returns true if valid-looking frames followed a bad one, so the journal was copied aside. */
  public boolean damageFound() {
    return damagedCopy != null;
  }

  /** Returns the journal offset of the first bad frame when {@link #damageFound()}, else -1. */
  public long damageOffset() {
    return damageOffset;
  }

  /**
   * Returns the copy of the damaged journal, kept for inspection, or null if there was no damage.
   */
  @Nullable
  public File damagedCopy() {
    return damagedCopy;
  }

  /** Returns true if nothing was cut and nothing was damaged. */
  public boolean isClean() {
    return bytesCut == 0 && damagedCopy == null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecoveryReport)) {
      return false;
    }
    RecoveryReport that = (RecoveryReport) o;
    return generation == that.generation
        && framesRecovered == that.framesRecovered
        && bytesCut == that.bytesCut
        && damageOffset == that.damageOffset
        && Objects.equals(damagedCopy, that.damagedCopy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(generation, framesRecovered, bytesCut, damageOffset, damagedCopy);
  }

  @Override
  public String toString() {
    return "RecoveryReport{generation="
        + generation
        + ", framesRecovered="
        + framesRecovered
        + ", bytesCut="
        + bytesCut
        + ", damageOffset="
        + damageOffset
        + ", damagedCopy="
        + damagedCopy
        + '}';
  }
}
