package org.suifang.server.worklists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.suifang.rules.Disease;

/**
 * A patient without an annual health check (健康体检) in the current assessment year, with each disease
 * concerned.
 *
 * @param lastAnnualCheckDate the oldest last check of the diseases; absent if one was never checked
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record AnnualCheckView(
    WorklistPatientView patient,
    @Nullable LocalDate lastAnnualCheckDate,
    List<DiseaseView> diseases) {

  /**
   * One disease without this year's check.
   *
   * @param lastAnnualCheckDate the latest face-to-face visit marked as the annual check, if any
   * @param lastFaceToFaceDate the latest face-to-face visit, if any
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DiseaseView(
      Disease disease,
      @Nullable LocalDate lastAnnualCheckDate,
      @Nullable LocalDate lastFaceToFaceDate) {}
}
