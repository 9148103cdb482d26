package org.suifang.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A local change the server refused for good (a {@code REJECTED} result): the mutation, the
 * server's code and messages, and the payload, so the doctor can redo the change. Rejections never
 * block later changes and are never dropped; {@link SuifangClient#acknowledge} only marks them
 * seen. Immutable.
 */
public final class Rejection {
  private final UUID mutationId;
  private final MutationType type;
  private final UUID recordId;
  private final String code;
  private final String messageZh;
  private final String messageEn;
  private final List<FieldError> fieldErrors;
  private final String payload;
  private final Instant createdAt;
  private final Instant rejectedAt;
  private final boolean acknowledged;

  private Rejection(Builder b) {
    this.mutationId = Objects.requireNonNull(b.mutationId, "mutationId == null");
    this.type = Objects.requireNonNull(b.type, "type == null");
    this.recordId = Objects.requireNonNull(b.recordId, "recordId == null");
    this.code = Objects.requireNonNull(b.code, "code == null");
    this.messageZh = Objects.requireNonNull(b.messageZh, "messageZh == null");
    this.messageEn = Objects.requireNonNull(b.messageEn, "messageEn == null");
    this.fieldErrors = Collections.unmodifiableList(new ArrayList<>(b.fieldErrors));
    this.payload = Objects.requireNonNull(b.payload, "payload == null");
    this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt == null");
    this.rejectedAt = Objects.requireNonNull(b.rejectedAt, "rejectedAt == null");
    this.acknowledged = b.acknowledged;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the id of the refused mutation. */
  public UUID mutationId() {
    return mutationId;
  }

  /** Returns what kind of change it was. */
  public MutationType type() {
    return type;
  }

  /** Returns the patient or follow-up record the change was about. */
  public UUID recordId() {
    return recordId;
  }

  /** Returns the server's error code, e.g. {@code FOLLOW_UP_SUPERSEDED}. */
  public String code() {
    return code;
  }

  /** Returns the server's message in Chinese. */
  public String messageZh() {
    return messageZh;
  }

  /** Returns the server's message in English. */
  public String messageEn() {
    return messageEn;
  }

  /** Returns the field errors, for {@code VALIDATION_FAILED} (unmodifiable). */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** Returns the mutation's payload as JSON. */
  public String payload() {
    return payload;
  }

  /** Returns when the change was made on the device. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns when the rejection arrived, by the device clock. */
  public Instant rejectedAt() {
    return rejectedAt;
  }

  /** Returns whether the app marked it seen. */
  public boolean acknowledged() {
    return acknowledged;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Rejection)) {
      return false;
    }
    Rejection that = (Rejection) o;
    return Objects.equals(mutationId, that.mutationId)
        && Objects.equals(type, that.type)
        && Objects.equals(recordId, that.recordId)
        && Objects.equals(code, that.code)
        && Objects.equals(messageZh, that.messageZh)
        && Objects.equals(messageEn, that.messageEn)
        && Objects.equals(fieldErrors, that.fieldErrors)
        && Objects.equals(payload, that.payload)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(rejectedAt, that.rejectedAt)
        && acknowledged == that.acknowledged;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mutationId,
        type,
        recordId,
        code,
        messageZh,
        messageEn,
        fieldErrors,
        payload,
        createdAt,
        rejectedAt,
        acknowledged);
  }

  @Override
  public String toString() {
    return "Rejection{"
        + "mutationId="
        + mutationId
        + ", type="
        + type
        + ", recordId="
        + recordId
        + ", code="
        + code
        + ", messageZh="
        + messageZh
        + ", messageEn="
        + messageEn
        + ", fieldErrors="
        + fieldErrors
        + ", payload="
        + payload
        + ", createdAt="
        + createdAt
        + ", rejectedAt="
        + rejectedAt
        + ", acknowledged="
        + acknowledged
        + "}";
  }

  /** Builds a {@link Rejection}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID mutationId;
    @Nullable private MutationType type;
    @Nullable private UUID recordId;
    @Nullable private String code;
    @Nullable private String messageZh;
    @Nullable private String messageEn;
    private List<FieldError> fieldErrors = new ArrayList<>();
    @Nullable private String payload;
    @Nullable private Instant createdAt;
    @Nullable private Instant rejectedAt;
    private boolean acknowledged;

    private Builder() {}

    private Builder(Rejection source) {
      mutationId = source.mutationId;
      type = source.type;
      recordId = source.recordId;
      code = source.code;
      messageZh = source.messageZh;
      messageEn = source.messageEn;
      fieldErrors = new ArrayList<>(source.fieldErrors);
      payload = source.payload;
      createdAt = source.createdAt;
      rejectedAt = source.rejectedAt;
      acknowledged = source.acknowledged;
    }

    /** Sets the id of the refused mutation (required). */
    public Builder mutationId(UUID mutationId) {
      this.mutationId = Objects.requireNonNull(mutationId, "mutationId == null");
      return this;
    }

    /** Sets what kind of change it was (required). */
    public Builder type(MutationType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /** Sets the patient or follow-up record the change was about (required). */
    public Builder recordId(UUID recordId) {
      this.recordId = Objects.requireNonNull(recordId, "recordId == null");
      return this;
    }

    /** Sets the server's error code, e.g. {@code FOLLOW_UP_SUPERSEDED} (required). */
    public Builder code(String code) {
      this.code = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Sets the server's message in Chinese (required). */
    public Builder messageZh(String messageZh) {
      this.messageZh = Objects.requireNonNull(messageZh, "messageZh == null");
      return this;
    }

    /** Sets the server's message in English (required). */
    public Builder messageEn(String messageEn) {
      this.messageEn = Objects.requireNonNull(messageEn, "messageEn == null");
      return this;
    }

    /** Sets the field errors, for {@code VALIDATION_FAILED}. */
    public Builder fieldErrors(java.util.Collection<? extends FieldError> fieldErrors) {
      this.fieldErrors =
          new ArrayList<>(Objects.requireNonNull(fieldErrors, "fieldErrors == null"));
      return this;
    }

    /** Sets the mutation's payload as JSON (required). */
    public Builder payload(String payload) {
      this.payload = Objects.requireNonNull(payload, "payload == null");
      return this;
    }

    /** Sets when the change was made on the device (required). */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt == null");
      return this;
    }

    /** Sets when the rejection arrived, by the device clock (required). */
    public Builder rejectedAt(Instant rejectedAt) {
      this.rejectedAt = Objects.requireNonNull(rejectedAt, "rejectedAt == null");
      return this;
    }

    /** Sets whether the app marked it seen. */
    public Builder acknowledged(boolean acknowledged) {
      this.acknowledged = acknowledged;
      return this;
    }

    /**
     * Returns the rejection.
     *
     * @throws NullPointerException if a required value is missing
     */
    public Rejection build() {
      return new Rejection(this);
    }
  }
}
