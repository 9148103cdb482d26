package org.suifang.rules;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The outcome of checking an identifier: either the parsed value or the error that explains why the
 * input is not valid. {@link ResidentIdCheck} and {@link HealthRecordNumberCheck} are its public
 * forms.
 *
 * @param <T> the parsed value
 * @param <E> the error enum
 */
abstract class CheckOutcome<T, E extends Enum<E> & Localized> {
  @Nullable private final T value;
  @Nullable private final E error;

  CheckOutcome(@Nullable T value, @Nullable E error) {
    if ((value == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of value and error: " + value + ", " + error);
    }
    this.value = value;
    this.error = error;
  }

  @Nullable
  final T value() {
    return value;
  }

  /** Returns whether the input is valid. */
  public final boolean isValid() {
    return value != null;
  }

  /** Returns the error, or null if valid. */
  @Nullable
  public final E error() {
    return error;
  }

  /** Returns the stable error code (the error's name, e.g. {@code "FORMAT"}), or null if valid. */
  @Nullable
  public final String code() {
    return error == null ? null : error.name();
  }

  /** Returns the Chinese error message, or null if valid. */
  @Nullable
  public final String messageZh() {
    return error == null ? null : error.messageZh();
  }

  /** Returns the English error message, or null if valid. */
  @Nullable
  public final String messageEn() {
    return error == null ? null : error.messageEn();
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    CheckOutcome<?, ?> that = (CheckOutcome<?, ?>) o;
    return Objects.equals(value, that.value) && error == that.error;
  }

  @Override
  public final int hashCode() {
    return Objects.hash(value, error);
  }

  @Override
  public final String toString() {
    String name = getClass().getSimpleName();
    return isValid() ? name + "{valid " + value + "}" : name + "{" + error + "}";
  }
}
