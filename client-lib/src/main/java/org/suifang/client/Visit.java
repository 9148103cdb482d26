package org.suifang.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.rules.Assessment;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * A follow-up record on the device: the form as recorded, the rules' assessment, soft warnings and
 * whether it still counts. A record made on this device shows the tablet's assessment until the
 * server's copy arrives; then the server's assessment is shown. Immutable.
 */
public final class Visit {
  private final UUID id;
  private final UUID patientId;
  private final VisitForm form;
  private final Assessment assessment;
  @Nullable private final Classification effectiveClassification;

  private final LocalDate nextVisitDate;
  @Nullable private final BigDecimal bmi;

  private final List<FieldError> warnings;
  private final VisitState state;
  @Nullable private final UUID amends;

  @Nullable private final String amendReason;

  @Nullable private final UUID supersededBy;

  @Nullable private final Instant voidedAt;

  @Nullable private final UUID voidedBy;

  @Nullable private final String voidReason;

  @Nullable private final UUID doctorId;

  @Nullable private final Instant recordedAt;

  @Nullable private final Instant receivedAt;

  private final RecordState syncState;
  private final boolean assessmentMismatch;

  private Visit(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.patientId = Objects.requireNonNull(b.patientId, "patientId == null");
    this.form = Objects.requireNonNull(b.form, "form == null");
    this.assessment = Objects.requireNonNull(b.assessment, "assessment == null");
    this.effectiveClassification = b.effectiveClassification;
    this.nextVisitDate = Objects.requireNonNull(b.nextVisitDate, "nextVisitDate == null");
    this.bmi = b.bmi;
    this.warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
    this.state = Objects.requireNonNull(b.state, "state == null");
    this.amends = b.amends;
    this.amendReason = b.amendReason;
    this.supersededBy = b.supersededBy;
    this.voidedAt = b.voidedAt;
    this.voidedBy = b.voidedBy;
    this.voidReason = b.voidReason;
    this.doctorId = b.doctorId;
    this.recordedAt = b.recordedAt;
    this.receivedAt = b.receivedAt;
    this.syncState = Objects.requireNonNull(b.syncState, "syncState == null");
    this.assessmentMismatch = b.assessmentMismatch;
  }

  /** Returns an empty builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the record id. */
  public UUID id() {
    return id;
  }

  /** Returns the patient. */
  public UUID patientId() {
    return patientId;
  }

  /** Returns the form as recorded. */
  public VisitForm form() {
    return form;
  }

  /** Returns the rules' assessment: danger signs, classification, next step, next due date. */
  public Assessment assessment() {
    return assessment;
  }

  /**
   * Returns the doctor's override when there is one, else the assessment's classification, or null.
   */
  @Nullable
  public Classification effectiveClassification() {
    return effectiveClassification;
  }

  /** Returns the agreed next visit: the form's, else the assessment's due date. */
  public LocalDate nextVisitDate() {
    return nextVisitDate;
  }

  /**
   * Returns the BMI: the form's, else computed from the weight and the patient's height, or null.
   */
  @Nullable
  public BigDecimal bmi() {
    return bmi;
  }

  /** Returns the soft warnings of the validation, confirmed by recording (unmodifiable). */
  public List<FieldError> warnings() {
    return warnings;
  }

  /** Returns whether the record counts. */
  public VisitState state() {
    return state;
  }

  /** Returns the record this one corrects, or null. */
  @Nullable
  public UUID amends() {
    return amends;
  }

  /** Returns why the original was corrected, or null. */
  @Nullable
  public String amendReason() {
    return amendReason;
  }

  /** Returns the record that corrects this one, or null. */
  @Nullable
  public UUID supersededBy() {
    return supersededBy;
  }

  /** Returns when the record was voided, or null. */
  @Nullable
  public Instant voidedAt() {
    return voidedAt;
  }

  /** Returns who voided the record, or null. */
  @Nullable
  public UUID voidedBy() {
    return voidedBy;
  }

  /** Returns why the record was voided, or null. */
  @Nullable
  public String voidReason() {
    return voidReason;
  }

  /** Returns the doctor who recorded it, or null. */
  @Nullable
  public UUID doctorId() {
    return doctorId;
  }

  /** Returns the device time the form was saved, or null. */
  @Nullable
  public Instant recordedAt() {
    return recordedAt;
  }

  /** Returns when the server stored it; null until the server's copy arrives, or null. */
  @Nullable
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Returns whether local changes await the server. */
  public RecordState syncState() {
    return syncState;
  }

  /** Returns whether the server's assessment differed from the tablet's. */
  public boolean assessmentMismatch() {
    return assessmentMismatch;
  }

  /** Returns the disease of the form. */
  public Disease disease() {
    return assessment.disease();
  }

  /** Returns the visit date. */
  public LocalDate visitDate() {
    return assessment.visitDate();
  }

  /** Returns the visit mode, or null if the form has none. */
  @Nullable
  public VisitMode mode() {
    return form.mode();
  }

  /** Returns whether the record counts: neither voided nor superseded. */
  public boolean isCurrent() {
    return state == VisitState.CURRENT;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Visit)) {
      return false;
    }
    Visit that = (Visit) o;
    return Objects.equals(id, that.id)
        && Objects.equals(patientId, that.patientId)
        && Objects.equals(form, that.form)
        && Objects.equals(assessment, that.assessment)
        && Objects.equals(effectiveClassification, that.effectiveClassification)
        && Objects.equals(nextVisitDate, that.nextVisitDate)
        && Objects.equals(bmi, that.bmi)
        && Objects.equals(warnings, that.warnings)
        && Objects.equals(state, that.state)
        && Objects.equals(amends, that.amends)
        && Objects.equals(amendReason, that.amendReason)
        && Objects.equals(supersededBy, that.supersededBy)
        && Objects.equals(voidedAt, that.voidedAt)
        && Objects.equals(voidedBy, that.voidedBy)
        && Objects.equals(voidReason, that.voidReason)
        && Objects.equals(doctorId, that.doctorId)
        && Objects.equals(recordedAt, that.recordedAt)
        && Objects.equals(receivedAt, that.receivedAt)
        && Objects.equals(syncState, that.syncState)
        && assessmentMismatch == that.assessmentMismatch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        patientId,
        form,
        assessment,
        effectiveClassification,
        nextVisitDate,
        bmi,
        warnings,
        state,
        amends,
        amendReason,
        supersededBy,
        voidedAt,
        voidedBy,
        voidReason,
        doctorId,
        recordedAt,
        receivedAt,
        syncState,
        assessmentMismatch);
  }

  @Override
  public String toString() {
    return "Visit{"
        + "id="
        + id
        + ", patientId="
        + patientId
        + ", form="
        + form
        + ", assessment="
        + assessment
        + ", effectiveClassification="
        + effectiveClassification
        + ", nextVisitDate="
        + nextVisitDate
        + ", bmi="
        + bmi
        + ", warnings="
        + warnings
        + ", state="
        + state
        + ", amends="
        + amends
        + ", amendReason="
        + amendReason
        + ", supersededBy="
        + supersededBy
        + ", voidedAt="
        + voidedAt
        + ", voidedBy="
        + voidedBy
        + ", voidReason="
        + voidReason
        + ", doctorId="
        + doctorId
        + ", recordedAt="
        + recordedAt
        + ", receivedAt="
        + receivedAt
        + ", syncState="
        + syncState
        + ", assessmentMismatch="
        + assessmentMismatch
        + "}";
  }

  /** Builds a {@link Visit}; not thread-safe. */
  public static final class Builder {
    @Nullable private UUID id;
    @Nullable private UUID patientId;
    @Nullable private VisitForm form;
    @Nullable private Assessment assessment;
    @Nullable private Classification effectiveClassification;
    @Nullable private LocalDate nextVisitDate;
    @Nullable private BigDecimal bmi;
    private List<FieldError> warnings = new ArrayList<>();
    @Nullable private VisitState state;
    @Nullable private UUID amends;
    @Nullable private String amendReason;
    @Nullable private UUID supersededBy;
    @Nullable private Instant voidedAt;
    @Nullable private UUID voidedBy;
    @Nullable private String voidReason;
    @Nullable private UUID doctorId;
    @Nullable private Instant recordedAt;
    @Nullable private Instant receivedAt;
    @Nullable private RecordState syncState;
    private boolean assessmentMismatch;

    private Builder() {}

    private Builder(Visit source) {
      id = source.id;
      patientId = source.patientId;
      form = source.form;
      assessment = source.assessment;
      effectiveClassification = source.effectiveClassification;
      nextVisitDate = source.nextVisitDate;
      bmi = source.bmi;
      warnings = new ArrayList<>(source.warnings);
      state = source.state;
      amends = source.amends;
      amendReason = source.amendReason;
      supersededBy = source.supersededBy;
      voidedAt = source.voidedAt;
      voidedBy = source.voidedBy;
      voidReason = source.voidReason;
      doctorId = source.doctorId;
      recordedAt = source.recordedAt;
      receivedAt = source.receivedAt;
      syncState = source.syncState;
      assessmentMismatch = source.assessmentMismatch;
    }

    /** Sets the record id (required). */
    public Builder id(UUID id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the patient (required). */
    public Builder patientId(UUID patientId) {
      this.patientId = Objects.requireNonNull(patientId, "patientId == null");
      return this;
    }

    /** Sets the form as recorded (required). */
    public Builder form(VisitForm form) {
      this.form = Objects.requireNonNull(form, "form == null");
      return this;
    }

    /**
     * Sets the rules' assessment: danger signs, classification, next step, next due date
     * (required).
     */
    public Builder assessment(Assessment assessment) {
      this.assessment = Objects.requireNonNull(assessment, "assessment == null");
      return this;
    }

    /** Sets the doctor's override when there is one, else the assessment's classification. */
    public Builder effectiveClassification(@Nullable Classification effectiveClassification) {
      this.effectiveClassification = effectiveClassification;
      return this;
    }

    /** Sets the agreed next visit: the form's, else the assessment's due date (required). */
    public Builder nextVisitDate(LocalDate nextVisitDate) {
      this.nextVisitDate = Objects.requireNonNull(nextVisitDate, "nextVisitDate == null");
      return this;
    }

    /** Sets the BMI: the form's, else computed from the weight and the patient's height. */
    public Builder bmi(@Nullable BigDecimal bmi) {
      this.bmi = bmi;
      return this;
    }

    /** Sets the soft warnings of the validation, confirmed by recording. */
    public Builder warnings(java.util.Collection<? extends FieldError> warnings) {
      this.warnings = new ArrayList<>(Objects.requireNonNull(warnings, "warnings == null"));
      return this;
    }

    /** Sets whether the record counts (required). */
    public Builder state(VisitState state) {
      this.state = Objects.requireNonNull(state, "state == null");
      return this;
    }

    /** Sets the record this one corrects. */
    public Builder amends(@Nullable UUID amends) {
      this.amends = amends;
      return this;
    }

    /** Sets why the original was corrected. */
    public Builder amendReason(@Nullable String amendReason) {
      this.amendReason = amendReason;
      return this;
    }

    /** Sets the record that corrects this one. */
    public Builder supersededBy(@Nullable UUID supersededBy) {
      this.supersededBy = supersededBy;
      return this;
    }

    /** Sets when the record was voided. */
    public Builder voidedAt(@Nullable Instant voidedAt) {
      this.voidedAt = voidedAt;
      return this;
    }

    /** Sets who voided the record. */
    public Builder voidedBy(@Nullable UUID voidedBy) {
      this.voidedBy = voidedBy;
      return this;
    }

    /** Sets why the record was voided. */
    public Builder voidReason(@Nullable String voidReason) {
      this.voidReason = voidReason;
      return this;
    }

    /** Sets the doctor who recorded it. */
    public Builder doctorId(@Nullable UUID doctorId) {
      this.doctorId = doctorId;
      return this;
    }

    /** Sets the device time the form was saved. */
    public Builder recordedAt(@Nullable Instant recordedAt) {
      this.recordedAt = recordedAt;
      return this;
    }

    /** Sets when the server stored it; null until the server's copy arrives. */
    public Builder receivedAt(@Nullable Instant receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    /** Sets whether local changes await the server (required). */
    public Builder syncState(RecordState syncState) {
      this.syncState = Objects.requireNonNull(syncState, "syncState == null");
      return this;
    }

    /** Sets whether the server's assessment differed from the tablet's. */
    public Builder assessmentMismatch(boolean assessmentMismatch) {
      this.assessmentMismatch = assessmentMismatch;
      return this;
    }

    /**
     * Returns the visit.
     *
     * @throws NullPointerException if a required value is missing
     */
    public Visit build() {
      return new Visit(this);
    }
  }
}
