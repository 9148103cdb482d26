package org.suifang.client.internal.state;

import com.google.gson.annotations.SerializedName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.suifang.rules.Assessment;
import org.suifang.rules.Classification;
import org.suifang.rules.DangerSign;
import org.suifang.rules.Disease;
import org.suifang.rules.NextStep;

/** An assessment as stored with a follow-up: the {@code assessment} of a {@code FOLLOW_UP} row. */
public final class AssessmentData {
  @SerializedName("ruleSetId")
  public @Nullable String ruleSetId;

  @SerializedName("ageAtVisit")
  public int ageAtVisit;

  @SerializedName("dangerSigns")
  public @Nullable List<DangerSign> dangerSigns;

  @SerializedName("urgentReferral")
  public boolean urgentReferral;

  @SerializedName("classification")
  public @Nullable Classification classification;

  @SerializedName("nextStep")
  public @Nullable NextStep nextStep;

  @SerializedName("recommendedActionZh")
  public @Nullable String recommendedActionZh;

  @SerializedName("recommendedActionEn")
  public @Nullable String recommendedActionEn;

  @SerializedName("nextDueDate")
  public @Nullable LocalDate nextDueDate;

  @SerializedName("bphsControlled")
  public @Nullable Boolean bphsControlled;

  @SerializedName("clinicalTargetMet")
  public @Nullable Boolean clinicalTargetMet;

  /** Returns the stored form of an assessment made by the rules. */
  public static AssessmentData of(Assessment a) {
    AssessmentData d = new AssessmentData();
    d.ruleSetId = a.ruleSetId();
    d.ageAtVisit = a.ageAtVisit();
    d.dangerSigns = new ArrayList<>(a.dangerSigns());
    d.urgentReferral = a.urgentReferral();
    d.classification = a.classification();
    d.nextStep = a.nextStep();
    d.recommendedActionZh = a.recommendedActionZh();
    d.recommendedActionEn = a.recommendedActionEn();
    d.nextDueDate = a.nextDueDate();
    d.bphsControlled = a.bphsControlled();
    d.clinicalTargetMet = a.clinicalTargetMet();
    return d;
  }

  /** Returns the rules' value for a visit of {@code disease} on {@code visitDate}. */
  public Assessment toAssessment(Disease disease, LocalDate visitDate) {
    List<DangerSign> signs = new ArrayList<>();
    if (dangerSigns != null) {
      for (DangerSign s : dangerSigns) {
        // An unknown sign name reads as null; a newer server may know more signs.
        if (s != null) {
          signs.add(s);
        }
      }
    }
    return Assessment.newBuilder()
        .ruleSetId(ruleSetId == null ? "" : ruleSetId)
        .disease(disease)
        .visitDate(visitDate)
        .dangerSigns(signs)
        .urgentReferral(urgentReferral)
        .classification(classification)
        .nextStep(nextStep)
        .recommendedActionZh(recommendedActionZh == null ? "" : recommendedActionZh)
        .recommendedActionEn(recommendedActionEn == null ? "" : recommendedActionEn)
        .nextDueDate(nextDueDate == null ? visitDate : nextDueDate)
        .bphsControlled(bphsControlled)
        .clinicalTargetMet(clinicalTargetMet)
        .ageAtVisit(ageAtVisit)
        .build();
  }
}
