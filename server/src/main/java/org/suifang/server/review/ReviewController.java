package org.suifang.server.review;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.review.ReviewViews.ConflictView;
import org.suifang.server.review.ReviewViews.Counts;
import org.suifang.server.review.ReviewViews.DismissCommand;
import org.suifang.server.review.ReviewViews.MergeCandidateView;
import org.suifang.server.review.ReviewViews.MergeCommand;
import org.suifang.server.review.ReviewViews.MismatchView;
import org.suifang.server.review.ReviewViews.OverrideView;
import org.suifang.server.review.ReviewViews.Page;
import org.suifang.server.review.ReviewViews.RejectionView;
import org.suifang.server.review.ReviewViews.ResolveCommand;

/**
 * The review queue as JSON (docs/api.md#review-queue), for supervisors and administrators, scoped
 * to their township or county. Lists are paged and newest first.
 */
@Controller("/api/v1/review")
@Secured({"TOWNSHIP_SUPERVISOR", "COUNTY_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {

  private final ReviewQueries queries;
  private final ReviewService service;

  ReviewController(ReviewQueries queries, ReviewService service) {
    this.queries = queries;
    this.service = service;
  }

  /** How many items each list holds. */
  @Get("/counts")
  @Transactional(readOnly = true)
  Counts counts(CurrentUser user) {
    return queries.counts(Area.of(user));
  }

  /** Conflicts of patient fields, OPEN (default) or RESOLVED. */
  @Get("/conflicts")
  @Transactional(readOnly = true)
  Page<ConflictView> conflicts(
      @QueryValue(defaultValue = "OPEN") @Pattern(regexp = "OPEN|RESOLVED") String status,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return queries.conflicts(Area.of(user), status, page, size);
  }

  /** Resolves a conflict with the winner's or the loser's value. */
  @Post("/conflicts/{id}/resolve")
  ConflictView resolve(
      UUID id, @Body @Valid ResolveCommand command, CurrentUser user, HttpRequest<?> request) {
    return service.resolve(id, command.choice(), command.note(), user, request);
  }

  /** Duplicate-patient candidates, OPEN (default), MERGED or DISMISSED. */
  @Get("/merge-candidates")
  @Transactional(readOnly = true)
  Page<MergeCandidateView> mergeCandidates(
      @QueryValue(defaultValue = "OPEN") @Pattern(regexp = "OPEN|MERGED|DISMISSED") String status,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return queries.mergeCandidates(Area.of(user), status, page, size);
  }

  /** Merges the candidate's other patient into {@code survivorId}, with a permanent redirect. */
  @Post("/merge-candidates/{id}/merge")
  MergeCandidateView merge(
      UUID id, @Body @Valid MergeCommand command, CurrentUser user, HttpRequest<?> request) {
    return service.merge(id, command.survivorId(), command.note(), user, request);
  }

  /** Dismisses a candidate: two different people. */
  @Post("/merge-candidates/{id}/dismiss")
  MergeCandidateView dismiss(
      UUID id, @Body @Valid DismissCommand command, CurrentUser user, HttpRequest<?> request) {
    return service.dismiss(id, command.note(), user, request);
  }

  /** Mutations the server rejected, with their reasons. */
  @Get("/rejections")
  @Transactional(readOnly = true)
  Page<RejectionView> rejections(
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return queries.rejections(Area.of(user), page, size);
  }

  /** Visits whose server assessment differs from the tablet's. */
  @Get("/assessment-mismatches")
  @Transactional(readOnly = true)
  Page<MismatchView> assessmentMismatches(
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return queries.mismatches(Area.of(user), page, size);
  }

  /** Visits where the doctor overrode the rules' classification. */
  @Get("/overrides")
  @Transactional(readOnly = true)
  Page<OverrideView> overrides(
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
      CurrentUser user) {
    return queries.overrides(Area.of(user), page, size);
  }
}
