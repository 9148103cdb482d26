package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * A patient waiting for a two-week recheck (第1次控制不满意2周随访), with each disease concerned.
 *
 * @param dueDate the earliest due date of the diseases
 * @param daysLeft days from the reference date to {@code dueDate}; negative once past
 * @param past {@code dueDate} is before the reference date
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecheckView(
    WorklistPatientView patient,
    LocalDate dueDate,
    long daysLeft,
    boolean past,
    List<DiseaseView> diseases) {

  /**
   * One disease due for its recheck.
   *
   * @param followUpId the visit that asked for the recheck
   * @param visitDate its date
   * @param dueDate {@code visitDate} plus the recheck window (14 days by default)
   * @param nextVisitDate the next follow-up date agreed at that visit
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DiseaseView(
      Disease disease,
      UUID followUpId,
      LocalDate visitDate,
      VisitMode mode,
      @Nullable Classification classification,
      @Nullable Integer systolic,
      @Nullable Integer diastolic,
      @Nullable BigDecimal fastingGlucose,
      LocalDate nextVisitDate,
      LocalDate dueDate,
      long daysLeft,
      boolean past) {}
}
