package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * A patient on the overdue list, with each disease that is overdue.
 *
 * @param lostToFollowUp the patient is 暂时失访 (status LOST_TO_FOLLOW_UP)
 * @param overdueSince the earliest {@link DiseaseView#overdueSince} of the diseases
 * @param daysOverdue days from {@code overdueSince} to the reference date
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record OverdueView(
    WorklistPatientView patient,
    boolean lostToFollowUp,
    LocalDate overdueSince,
    long daysOverdue,
    List<DiseaseView> diseases) {

  /**
   * One overdue disease.
   *
   * @param overdueSince the first day of the period without a face-to-face visit, or the passed
   *     next follow-up date, whichever is earlier
   * @param lastVisitDate the latest current visit of any mode
   * @param lastFaceToFaceDate the latest current clinic or home visit
   * @param lastClassification the effective classification of that face-to-face visit
   * @param nextVisitDate the next follow-up date agreed at the latest visit
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DiseaseView(
      Disease disease,
      List<OverdueReason> reasons,
      LocalDate overdueSince,
      long daysOverdue,
      @Nullable LocalDate lastVisitDate,
      @Nullable VisitMode lastVisitMode,
      @Nullable LocalDate lastFaceToFaceDate,
      @Nullable Classification lastClassification,
      @Nullable LocalDate nextVisitDate) {}
}
