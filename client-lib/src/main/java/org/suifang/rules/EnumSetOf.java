package org.suifang.rules;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;

/** Builds an {@link EnumSet} from any collection, which {@code EnumSet.copyOf} can't when empty. */
final class EnumSetOf {
  private EnumSetOf() {}

  static <E extends Enum<E>> EnumSet<E> of(Class<E> type, Collection<E> values) {
    EnumSet<E> result = EnumSet.noneOf(type);
    for (E value : values) {
      result.add(Objects.requireNonNull(value, "null element"));
    }
    return result;
  }
}
