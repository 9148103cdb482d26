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
 * A current visit of the last 14 days with a danger sign or an urgent referral.
 *
 * @param dangerSigns the danger signs the rules found, with the rule library's labels
 * @param urgentReferral the visit referred the patient urgently (紧急转诊)
 * @param signedBy the doctor who signed the visit
 * @param dueDate the visit date plus the referral follow-up window (14 days)
 * @param laterVisit a later current visit of the same disease (any mode) exists, up to the
 *     reference date
 * @param laterVisitDate the first such visit's date
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record DangerSignVisitView(
    WorklistPatientView patient,
    Disease disease,
    UUID followUpId,
    LocalDate visitDate,
    VisitMode mode,
    List<SignView> dangerSigns,
    boolean urgentReferral,
    @Nullable NextStep nextStep,
    @Nullable Classification classification,
    UUID signedBy,
    @Nullable String signedByName,
    @Nullable String reason,
    @Nullable String facility,
    @Nullable String department,
    LocalDate dueDate,
    boolean laterVisit,
    @Nullable LocalDate laterVisitDate) {

  /** A danger sign with its Chinese and English labels from the rule library. */
  @Serdeable
  record SignView(DangerSign code, String labelZh, String labelEn) {

    static SignView of(DangerSign sign) {
      return new SignView(sign, sign.labelZh(), sign.labelEn());
    }
  }
}
