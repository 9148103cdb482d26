package org.suifang.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Holds what the doctor recorded at one follow-up encounter: date, mode, measured values, symptoms,
 * the danger-sign checklist, adverse drug reaction and complication findings.
 *
 * <p>One encounter may record both diseases; the {@link Assessor} takes the parts relevant to each
 * disease. A telephone visit carries no measured values (the {@link VisitValidator} reports them as
 * errors). Symptom and danger-sign sets are unmodifiable copies and never null.
 */
public final class VisitInput {
  private final LocalDate visitDate;
  private final VisitMode mode;
  @Nullable private final Integer systolic;
  @Nullable private final Integer diastolic;
  @Nullable private final Integer heartRate;
  @Nullable private final Double temperature;
  @Nullable private final Double fastingGlucose;
  @Nullable private final Double weightKg;
  private final Set<HypertensionSymptom> hypertensionSymptoms;
  private final Set<DiabetesSymptom> diabetesSymptoms;
  @Nullable private final String otherSymptoms;
  private final Set<DangerSign> reportedDangerSigns;
  private final boolean adverseReaction;
  private final boolean adverseReactionHardToControl;
  private final boolean newOrWorseComplication;

  private VisitInput(Builder b) {
    this.visitDate = Objects.requireNonNull(b.visitDate, "visitDate == null");
    this.mode = Objects.requireNonNull(b.mode, "mode == null");
    this.systolic = b.systolic;
    this.diastolic = b.diastolic;
    this.heartRate = b.heartRate;
    this.temperature = b.temperature;
    this.fastingGlucose = b.fastingGlucose;
    this.weightKg = b.weightKg;
    // Defensive copies: the builder's sets stay mutable and must not leak into the value.
    this.hypertensionSymptoms = Collections.unmodifiableSet(EnumSet.copyOf(b.hypertensionSymptoms));
    this.diabetesSymptoms = Collections.unmodifiableSet(EnumSet.copyOf(b.diabetesSymptoms));
    this.otherSymptoms = b.otherSymptoms;
    this.reportedDangerSigns = Collections.unmodifiableSet(EnumSet.copyOf(b.reportedDangerSigns));
    this.adverseReaction = b.adverseReaction;
    this.adverseReactionHardToControl = b.adverseReactionHardToControl;
    this.newOrWorseComplication = b.newOrWorseComplication;
  }

  /** Creates a builder; {@link Builder#visitDate} and {@link Builder#mode} are required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised with this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the date of the follow-up (随访日期). */
  public LocalDate visitDate() {
    return visitDate;
  }

  /** Returns the follow-up mode (随访方式). */
  public VisitMode mode() {
    return mode;
  }

  /** Returns the systolic blood pressure in mmHg, or null if not measured. */
  @Nullable
  public Integer systolic() {
    return systolic;
  }

  /** Returns the diastolic blood pressure in mmHg, or null if not measured. */
  @Nullable
  public Integer diastolic() {
    return diastolic;
  }

  /** Returns the heart rate in beats per minute, or null if not measured. */
  @Nullable
  public Integer heartRate() {
    return heartRate;
  }

  /** Returns the body temperature in &#8451;, or null if not measured. */
  @Nullable
  public Double temperature() {
    return temperature;
  }

  /** Returns the fasting blood glucose in mmol/L (1 decimal), or null if not measured. */
  @Nullable
  public Double fastingGlucose() {
    return fastingGlucose;
  }

  /** Returns the current weight in kg, or null if not measured. */
  @Nullable
  public Double weightKg() {
    return weightKg;
  }

  /** Returns the ticked hypertension symptoms (unmodifiable, possibly empty). */
  public Set<HypertensionSymptom> hypertensionSymptoms() {
    return hypertensionSymptoms;
  }

  /** Returns the ticked diabetes symptoms (unmodifiable, possibly empty). */
  public Set<DiabetesSymptom> diabetesSymptoms() {
    return diabetesSymptoms;
  }

  /** Returns the free-text "other" symptoms (其他), or null if none. */
  @Nullable
  public String otherSymptoms() {
    return otherSymptoms;
  }

  /** Returns the danger signs the doctor ticked on the checklist (unmodifiable, possibly empty). */
  public Set<DangerSign> reportedDangerSigns() {
    return reportedDangerSigns;
  }

  /** Returns whether an adverse drug reaction (药物不良反应) is present. */
  public boolean adverseReaction() {
    return adverseReaction;
  }

  /**
   * Returns whether the adverse drug reaction is hard to control (难以控制); this implies {@link
   * #adverseReaction()} for the rules.
   */
  public boolean adverseReactionHardToControl() {
    return adverseReactionHardToControl;
  }

  /** Returns whether there is a new complication or an existing one has worsened. */
  public boolean newOrWorseComplication() {
    return newOrWorseComplication;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VisitInput)) {
      return false;
    }
    VisitInput that = (VisitInput) o;
    return visitDate.equals(that.visitDate)
        && mode == that.mode
        && Objects.equals(systolic, that.systolic)
        && Objects.equals(diastolic, that.diastolic)
        && Objects.equals(heartRate, that.heartRate)
        && Objects.equals(temperature, that.temperature)
        && Objects.equals(fastingGlucose, that.fastingGlucose)
        && Objects.equals(weightKg, that.weightKg)
        && hypertensionSymptoms.equals(that.hypertensionSymptoms)
        && diabetesSymptoms.equals(that.diabetesSymptoms)
        && Objects.equals(otherSymptoms, that.otherSymptoms)
        && reportedDangerSigns.equals(that.reportedDangerSigns)
        && adverseReaction == that.adverseReaction
        && adverseReactionHardToControl == that.adverseReactionHardToControl
        && newOrWorseComplication == that.newOrWorseComplication;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        visitDate,
        mode,
        systolic,
        diastolic,
        heartRate,
        temperature,
        fastingGlucose,
        weightKg,
        hypertensionSymptoms,
        diabetesSymptoms,
        otherSymptoms,
        reportedDangerSigns,
        adverseReaction,
        adverseReactionHardToControl,
        newOrWorseComplication);
  }

  @Override
  public String toString() {
    return "VisitInput{visitDate="
        + visitDate
        + ", mode="
        + mode
        + ", systolic="
        + systolic
        + ", diastolic="
        + diastolic
        + ", heartRate="
        + heartRate
        + ", temperature="
        + temperature
        + ", fastingGlucose="
        + fastingGlucose
        + ", weightKg="
        + weightKg
        + ", hypertensionSymptoms="
        + hypertensionSymptoms
        + ", diabetesSymptoms="
        + diabetesSymptoms
        + ", otherSymptoms="
        + otherSymptoms
        + ", reportedDangerSigns="
        + reportedDangerSigns
        + ", adverseReaction="
        + adverseReaction
        + ", adverseReactionHardToControl="
        + adverseReactionHardToControl
        + ", newOrWorseComplication="
        + newOrWorseComplication
        + "}";
  }

  /** Builds a {@link VisitInput}; not thread-safe. */
  public static final class Builder {
    @Nullable private LocalDate visitDate;
    @Nullable private VisitMode mode;
    @Nullable private Integer systolic;
    @Nullable private Integer diastolic;
    @Nullable private Integer heartRate;
    @Nullable private Double temperature;
    @Nullable private Double fastingGlucose;
    @Nullable private Double weightKg;
    private EnumSet<HypertensionSymptom> hypertensionSymptoms =
        EnumSet.noneOf(HypertensionSymptom.class);
    private EnumSet<DiabetesSymptom> diabetesSymptoms = EnumSet.noneOf(DiabetesSymptom.class);
    @Nullable private String otherSymptoms;
    private EnumSet<DangerSign> reportedDangerSigns = EnumSet.noneOf(DangerSign.class);
    private boolean adverseReaction;
    private boolean adverseReactionHardToControl;
    private boolean newOrWorseComplication;

    private Builder() {}

    private Builder(VisitInput source) {
      visitDate = source.visitDate;
      mode = source.mode;
      systolic = source.systolic;
      diastolic = source.diastolic;
      heartRate = source.heartRate;
      temperature = source.temperature;
      fastingGlucose = source.fastingGlucose;
      weightKg = source.weightKg;
      hypertensionSymptoms = EnumSetOf.of(HypertensionSymptom.class, source.hypertensionSymptoms);
      diabetesSymptoms = EnumSetOf.of(DiabetesSymptom.class, source.diabetesSymptoms);
      otherSymptoms = source.otherSymptoms;
      reportedDangerSigns = EnumSetOf.of(DangerSign.class, source.reportedDangerSigns);
      adverseReaction = source.adverseReaction;
      adverseReactionHardToControl = source.adverseReactionHardToControl;
      newOrWorseComplication = source.newOrWorseComplication;
    }

    /** Sets the date of the follow-up (required). */
    public Builder visitDate(LocalDate visitDate) {
      this.visitDate = Objects.requireNonNull(visitDate, "visitDate == null");
      return this;
    }

    /** Sets the follow-up mode (required). */
    public Builder mode(VisitMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** Sets the systolic blood pressure in mmHg, or null if not measured. */
    public Builder systolic(@Nullable Integer systolic) {
      this.systolic = systolic;
      return this;
    }

    /** Sets the diastolic blood pressure in mmHg, or null if not measured. */
    public Builder diastolic(@Nullable Integer diastolic) {
      this.diastolic = diastolic;
      return this;
    }

    /** Sets systolic and diastolic blood pressure in mmHg. */
    public Builder bloodPressure(int systolic, int diastolic) {
      this.systolic = systolic;
      this.diastolic = diastolic;
      return this;
    }

    /** Sets the heart rate in beats per minute, or null if not measured. */
    public Builder heartRate(@Nullable Integer heartRate) {
      this.heartRate = heartRate;
      return this;
    }

    /**
     * Sets the body temperature in &#8451;, or null if not measured.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public Builder temperature(@Nullable Double temperature) {
      Decimals.checkFinite(temperature, "temperature");
      this.temperature = temperature;
      return this;
    }

    /**
     * Sets the fasting blood glucose in mmol/L, or null if not measured.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public Builder fastingGlucose(@Nullable Double fastingGlucose) {
      Decimals.checkFinite(fastingGlucose, "fastingGlucose");
      this.fastingGlucose = fastingGlucose;
      return this;
    }

    /**
     * Sets the current weight in kg, or null if not measured.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public Builder weightKg(@Nullable Double weightKg) {
      Decimals.checkFinite(weightKg, "weightKg");
      this.weightKg = weightKg;
      return this;
    }

    /** Sets the ticked hypertension symptoms (copied). */
    public Builder hypertensionSymptoms(Set<HypertensionSymptom> hypertensionSymptoms) {
      Objects.requireNonNull(hypertensionSymptoms, "hypertensionSymptoms == null");
      this.hypertensionSymptoms = EnumSetOf.of(HypertensionSymptom.class, hypertensionSymptoms);
      return this;
    }

    /** Sets the ticked hypertension symptoms. */
    public Builder hypertensionSymptoms(HypertensionSymptom... hypertensionSymptoms) {
      return hypertensionSymptoms(
          EnumSetOf.of(HypertensionSymptom.class, Arrays.asList(hypertensionSymptoms)));
    }

    /** Sets the ticked diabetes symptoms (copied). */
    public Builder diabetesSymptoms(Set<DiabetesSymptom> diabetesSymptoms) {
      Objects.requireNonNull(diabetesSymptoms, "diabetesSymptoms == null");
      this.diabetesSymptoms = EnumSetOf.of(DiabetesSymptom.class, diabetesSymptoms);
      return this;
    }

    /** Sets the ticked diabetes symptoms. */
    public Builder diabetesSymptoms(DiabetesSymptom... diabetesSymptoms) {
      return diabetesSymptoms(EnumSetOf.of(DiabetesSymptom.class, Arrays.asList(diabetesSymptoms)));
    }

    /** Sets the free-text "other" symptoms, or null if none. */
    public Builder otherSymptoms(@Nullable String otherSymptoms) {
      this.otherSymptoms = otherSymptoms;
      return this;
    }

    /** Sets the danger signs the doctor ticked (copied). */
    public Builder reportedDangerSigns(Set<DangerSign> reportedDangerSigns) {
      Objects.requireNonNull(reportedDangerSigns, "reportedDangerSigns == null");
      this.reportedDangerSigns = EnumSetOf.of(DangerSign.class, reportedDangerSigns);
      return this;
    }

    /** Sets the danger signs the doctor ticked. */
    public Builder reportedDangerSigns(DangerSign... reportedDangerSigns) {
      return reportedDangerSigns(
          EnumSetOf.of(DangerSign.class, Arrays.asList(reportedDangerSigns)));
    }

    /** Sets whether an adverse drug reaction is present. */
    public Builder adverseReaction(boolean adverseReaction) {
      this.adverseReaction = adverseReaction;
      return this;
    }

    /** Sets whether the adverse drug reaction is hard to control. */
    public Builder adverseReactionHardToControl(boolean adverseReactionHardToControl) {
      this.adverseReactionHardToControl = adverseReactionHardToControl;
      return this;
    }

    /** Sets whether there is a new or worsening complication. */
    public Builder newOrWorseComplication(boolean newOrWorseComplication) {
      this.newOrWorseComplication = newOrWorseComplication;
      return this;
    }

    /**
     * Creates the visit input.
     *
     * @throws NullPointerException if the visit date or mode is not set
     */
    public VisitInput build() {
      return new VisitInput(this);
    }
  }
}
