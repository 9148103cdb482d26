package org.suifang.server.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the review queue (docs/api.md#review-queue). */
final class ReviewViews {

  private ReviewViews() {}

  /** One page of a review list, newest first. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page<T>(List<T> items, int page, int size, long total) {}

  /** A text in both languages. */
  @Serdeable
  record Text(String zh, String en) {}

  /** A concurrent edit of one patient field, with both sides. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConflictView(
      UUID id,
      UUID patientId,
      String patientName,
      String villageCode,
      @Nullable String villageName,
      String field,
      Text fieldLabel,
      SideView winner,
      SideView loser,
      Instant detectedAt,
      String status,
      @Nullable ResolutionView resolution) {}

  /**
   * One side of a conflict.
   *
   * @param value the value as JSON
   * @param text the value as people read it (labels of coded values)
   * @param deviceTime the wall-clock part of the side's HLC (the tablet's time of the edit)
   * @param device the device's model, or "server" for a write through the API
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SideView(
      JsonNode value,
      Text text,
      long hlc,
      Instant deviceTime,
      UUID deviceId,
      @Nullable String device,
      @Nullable UUID authorId,
      @Nullable String authorName) {}

  /** How a conflict was closed: by a supervisor's choice, or by a merge ({@code MERGED}). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ResolutionView(
      String choice,
      JsonNode value,
      Text text,
      @Nullable UUID resolvedBy,
      @Nullable String resolvedByName,
      @Nullable Instant resolvedAt,
      @Nullable String note) {}

  /** A duplicate-patient candidate with both patients side by side. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MergeCandidateView(
      UUID id,
      String reason,
      Text reasonLabel,
      String status,
      Instant detectedAt,
      PatientSide a,
      PatientSide b,
      @Nullable UUID survivorId,
      @Nullable UUID resolvedBy,
      @Nullable String resolvedByName,
      @Nullable Instant resolvedAt,
      @Nullable String note) {}

  /** One patient of a merge candidate: every demographic field, conditions and visits. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PatientSide(
      UUID id,
      String name,
      String sex,
      Text sexLabel,
      LocalDate birthDate,
      @Nullable String residentId,
      @Nullable String phone,
      String villageCode,
      @Nullable String villageName,
      @Nullable String address,
      @Nullable String healthRecordNumber,
      @Nullable BigDecimal heightCm,
      @Nullable LocalDate hypertensionDiagnosedOn,
      @Nullable LocalDate diabetesDiagnosedOn,
      String status,
      Text statusLabel,
      @Nullable String createdByName,
      Instant createdAt,
      long visits,
      @Nullable LocalDate lastVisit,
      @Nullable UUID mergedInto) {}

  /** A mutation the server rejected, with its reason. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RejectionView(
      UUID mutationId,
      UUID deviceId,
      @Nullable String device,
      UUID authorId,
      @Nullable String authorName,
      String type,
      @Nullable String code,
      Text reason,
      List<FieldErrorView> fieldErrors,
      @Nullable Instant deviceTime,
      Instant processedAt,
      @Nullable UUID patientId,
      @Nullable String patientName) {}

  /** A field error of a rejection. */
  @Serdeable
  record FieldErrorView(String field, String code, Text message) {}

  /** A visit whose server assessment differs from the tablet's. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MismatchView(
      UUID followUpId,
      UUID patientId,
      String patientName,
      String villageCode,
      @Nullable String villageName,
      String disease,
      LocalDate visitDate,
      UUID doctorId,
      String doctorName,
      String mismatch,
      @Nullable Coded serverClassification,
      @Nullable Coded tabletClassification,
      Instant receivedAt) {}

  /** A visit where the doctor overrode the rules' classification. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record OverrideView(
      UUID followUpId,
      UUID patientId,
      String patientName,
      String villageCode,
      @Nullable String villageName,
      String disease,
      LocalDate visitDate,
      UUID doctorId,
      String doctorName,
      @Nullable Coded rulesClassification,
      @Nullable Coded doctorClassification,
      String reason,
      Instant receivedAt) {}

  /** A coded value with its labels. */
  @Serdeable
  record Coded(String code, String labelZh, String labelEn) {}

  /** How many items each list holds (open conflicts and candidates). */
  @Serdeable
  record Counts(
      long conflicts, long mergeCandidates, long rejections, long mismatches, long overrides) {}

  /** Resolves a conflict: which side's value to keep. */
  @Serdeable
  record ResolveCommand(@NotNull Choice choice, @Nullable @Size(max = 200) String note) {}

  /** The side a supervisor chose. */
  @Serdeable
  enum Choice {
    WINNER,
    LOSER
  }

  /** Merges a candidate: which of its two patients survives. */
  @Serdeable
  record MergeCommand(@NotNull UUID survivorId, @Nullable @Size(max = 200) String note) {}

  /** Dismisses a candidate: two different people. */
  @Serdeable
  record DismissCommand(@Nullable @Size(max = 200) String note) {}
}
