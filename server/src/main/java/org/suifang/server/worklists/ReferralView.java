package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;
import org.suifang.rules.VisitMode;

/**
 * A patient referred to a higher-level facility whose referral still needs its follow-up (within 14
 * days), with each disease concerned.
 *
 * @param dueDate the earliest due date of the diseases
 * @param daysLeft days from the reference date to {@code dueDate}; negative once overdue
 * @param past {@code dueDate} is before the reference date
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReferralView(
    WorklistPatientView patient,
    LocalDate dueDate,
    long daysLeft,
    boolean past,
    List<DiseaseView> diseases) {

  /**
   * One referred disease.
   *
   * @param followUpId the visit that made the referral
   * @param referralDate its date
   * @param urgent an urgent referral (紧急转诊) for a danger sign
   * @param dangerSigns the danger signs found at that visit
   * @param reason 转诊原因 as recorded, if any
   * @param facility 转诊机构 as recorded, if any
   * @param department 科别 as recorded, if any
   * @param dueDate {@code referralDate} plus the referral follow-up window (14 days by default)
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DiseaseView(
      Disease disease,
      UUID followUpId,
      LocalDate referralDate,
      VisitMode mode,
      boolean urgent,
      @Nullable NextStep nextStep,
      @Nullable Classification classification,
      List<DangerSign> dangerSigns,
      @Nullable String reason,
      @Nullable String facility,
      @Nullable String department,
      LocalDate dueDate,
      long daysLeft,
      boolean past) {}
}
