package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.suifang.rules.Disease;

/**
 * A patient at risk of missing the yearly count of face-to-face visits, with each disease at risk.
 *
 * @param shortfall the largest {@link DiseaseView#shortfall} of the diseases
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record AtRiskView(WorklistPatientView patient, int shortfall, List<DiseaseView> diseases) {

  /**
   * One disease at risk.
   *
   * @param registeredOn the China date the patient was registered on the server
   * @param required face-to-face visits needed this year (pro-rated when registered this year)
   * @param done face-to-face visits of this year up to the reference date (distinct dates)
   * @param visitThisPeriod a face-to-face visit is already done in the current period (quarter)
   * @param periodsLeft periods (quarters) still open for a visit: the ones after the current one,
   *     plus the current one if it has no visit yet
   * @param reachable {@code done + periodsLeft}: the most visits the year can still reach at one
   *     per period
   * @param shortfall {@code required - reachable} when positive, else 0
   * @param lastFaceToFaceDate the latest current face-to-face visit, ever
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DiseaseView(
      Disease disease,
      LocalDate registeredOn,
      int required,
      int done,
      boolean visitThisPeriod,
      int periodsLeft,
      int reachable,
      int shortfall,
      @Nullable LocalDate lastFaceToFaceDate,
      List<AtRiskReason> reasons) {}
}
