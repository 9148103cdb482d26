package org.suifang.client.internal;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A last-writer-wins register for one patient field: a value with its {@link FieldVersion}. {@link
 * #merge} keeps the write with the larger version, so it is commutative, associative and idempotent
 * (a state-based LWW register; docs/sync-protocol.md, "Conflict rules"). Two writes with equal
 * versions are the same write: versions are unique per device and HLC.
 *
 * @param <T> the value type; null is a value (e.g. a cleared phone number)
 */
public final class LwwRegister<T> {
  @Nullable private final T value;
  private final FieldVersion version;

  private LwwRegister(@Nullable T value, FieldVersion version) {
    this.value = value;
    this.version = Objects.requireNonNull(version, "version == null");
  }

  /** Returns a register holding one write. */
  public static <T> LwwRegister<T> of(@Nullable T value, FieldVersion version) {
    return new LwwRegister<>(value, version);
  }

  @Nullable
  public T value() {
    return value;
  }

  public FieldVersion version() {
    return version;
  }

  /** Returns the register with the larger version of the two; {@code this} on a tie. */
  public LwwRegister<T> merge(LwwRegister<T> other) {
    return other.version.compareTo(version) > 0 ? other : this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LwwRegister)) {
      return false;
    }
    LwwRegister<?> that = (LwwRegister<?>) o;
    return Objects.equals(value, that.value) && version.equals(that.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, version);
  }

  @Override
  public String toString() {
    return "LwwRegister{" + value + " @ " + version + "}";
  }
}
