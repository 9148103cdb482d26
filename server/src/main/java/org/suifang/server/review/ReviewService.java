package org.suifang.server.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.suifang.server.audit.AuditAction;
import org.suifang.server.audit.AuditLog;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.patients.PatientError;
import org.suifang.server.patients.PatientReview;
import org.suifang.server.review.ReviewQueries.ConflictRow;
import org.suifang.server.review.ReviewViews.Choice;
import org.suifang.server.review.ReviewViews.ConflictView;
import org.suifang.server.review.ReviewViews.MergeCandidateView;
import org.suifang.server.sync.ChangeSequencer.Stamp;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.LwwMerge;

/**
 * The decisions of the review queue (docs/dashboard.md#review-queue): resolving a conflict, merging
 * or dismissing a duplicate-patient candidate. Each runs in one transaction with its audit-log
 * entry, so the change and the record of who made it commit together or not at all.
 *
 * <p>Lock order, as every writer: the review rows first (a candidate and the duplicate's other
 * candidates), then the patients (in id order), then the rows the change stamp re-stamps, and the
 * {@code sync_clock} last.
 */
@Singleton
class ReviewService {

  private final ReviewQueries queries;
  private final PatientReview patients;
  private final AuditLog audit;
  private final JdbcOperations jdbc;
  private final Clock clock;

  ReviewService(
      ReviewQueries queries,
      PatientReview patients,
      AuditLog audit,
      JdbcOperations jdbc,
      Clock clock) {
    this.queries = queries;
    this.patients = patients;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Resolves a conflict with the value of the chosen side, written as a server write (a new server
   * HLC with {@link FieldVersion#SERVER_DEVICE}, larger than both sides, so it wins on every
   * replica). The conflict becomes RESOLVED with the choice, the value, who, when and the note, and
   * is re-stamped so the tablets receive it.
   *
   * @throws ApiException {@link ReviewError#CONFLICT_NOT_FOUND}, {@link CommonError#FORBIDDEN}
   *     outside the caller's area, {@link ReviewError#CONFLICT_ALREADY_RESOLVED}, {@link
   *     ReviewError#CONFLICT_OUTDATED} when the field was written again after both sides
   */
  @Transactional
  ConflictView resolve(
      UUID id,
      Choice choice,
      @Nullable String note,
      CurrentUser user,
      @Nullable HttpRequest<?> request) {
    UUID patientId =
        queries
            .conflictPatient(id)
            .orElseThrow(() -> new ApiException(ReviewError.CONFLICT_NOT_FOUND));
    String village = patients.lock(patientId);
    if (!user.canRead(village)) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    ConflictRow row =
        queries
            .lockConflict(id)
            .orElseThrow(() -> new ApiException(ReviewError.CONFLICT_NOT_FOUND));
    if (!row.status().equals("OPEN")) {
      throw new ApiException(ReviewError.CONFLICT_ALREADY_RESOLVED);
    }
    FieldVersion stored = patients.versions(patientId).getOrDefault(row.field(), LwwMerge.ORIGIN);
    if (stored.compareTo(FieldVersion.max(row.winner(), row.loser())) > 0) {
      throw new ApiException(ReviewError.CONFLICT_OUTDATED);
    }
    String value = choice == Choice.WINNER ? row.winnerValue() : row.loserValue();
    Stamp stamp = patients.writeField(patientId, row.field(), value, user);
    String trimmed = blankToNull(note);
    update(
        "UPDATE sync_conflict SET status = 'RESOLVED', resolution_choice = ?,"
            + " resolution_value = ?, resolution_hlc = ?, resolved_by = ?, resolved_at = ?,"
            + " resolution_note = ?, change_seq = ? WHERE id = ?",
        choice.name(),
        value,
        stamp.hlc(),
        user.id(),
        now(),
        trimmed,
        stamp.seq(),
        id);
    audit.record(
        user,
        request,
        AuditAction.CONFLICT_RESOLVE,
        "CONFLICT",
        id.toString(),
        "patient="
            + patientId
            + " field="
            + row.field()
            + " choice="
            + choice
            + " value="
            + value
            + (trimmed == null ? "" : " note=" + trimmed));
    return queries.conflict(id).orElseThrow();
  }

  /**
   * Merges the candidate's other patient (the duplicate) into {@code survivorId} with a permanent
   * redirect ({@link PatientReview#merge}); the candidate becomes MERGED. The duplicate's other
   * open candidates are re-pointed to the survivor, or dismissed when the survivor already has a
   * candidate with the same patient.
   *
   * @throws ApiException {@link ReviewError#MERGE_CANDIDATE_NOT_FOUND}, {@link
   *     CommonError#FORBIDDEN} unless both patients are in the caller's area, {@link
   *     CommonError#VALIDATION_FAILED} when {@code survivorId} is not one of the pair, {@link
   *     ReviewError#MERGE_CANDIDATE_CLOSED}, {@link PatientError#PATIENT_ALREADY_MERGED}
   */
  @Transactional
  MergeCandidateView merge(
      UUID id,
      UUID survivorId,
      @Nullable String note,
      CurrentUser user,
      @Nullable HttpRequest<?> request) {
    Candidate c = lockCandidate(id, user);
    if (!survivorId.equals(c.a()) && !survivorId.equals(c.b())) {
      throw ApiException.invalidField(
          "survivorId",
          "NOT_IN_PAIR",
          "只能合并到这两位患者中的一位。",
          "The survivor must be one of the candidate's two patients.");
    }
    UUID duplicateId = survivorId.equals(c.a()) ? c.b() : c.a();
    List<UUID> others = queries.openCandidatesOf(duplicateId, id);
    String trimmed = blankToNull(note);
    PatientReview.Merged merged =
        patients.merge(
            survivorId, duplicateId, user, "合并到 " + survivorId + " / merged into " + survivorId);
    long seq = merged.stamp().seq();
    update(
        "UPDATE merge_candidate SET status = 'MERGED', survivor_id = ?, resolved_by = ?,"
            + " resolved_at = ?, note = ?, change_seq = ? WHERE id = ?",
        survivorId,
        user.id(),
        now(),
        trimmed,
        seq,
        id);
    List<String> repointed = new ArrayList<>();
    for (UUID other : others) {
      repointed.add(repoint(other, duplicateId, survivorId, user, seq));
    }
    audit.record(
        user,
        request,
        AuditAction.PATIENT_MERGE,
        "PATIENT",
        duplicateId.toString(),
        "survivor="
            + survivorId
            + " candidate="
            + id
            + " filled="
            + merged.filled()
            + " movedFollowUps="
            + merged.movedFollowUps()
            + " closedConflicts="
            + merged.closedConflicts()
            + (repointed.isEmpty() ? "" : " otherCandidates=" + repointed)
            + (trimmed == null ? "" : " note=" + trimmed));
    return queries.mergeCandidate(id).orElseThrow();
  }

  /**
   * Dismisses a candidate: the two patients are different people. Both stay; the pair is never
   * proposed again (one row per pair, whatever its status).
   */
  @Transactional
  MergeCandidateView dismiss(
      UUID id, @Nullable String note, CurrentUser user, @Nullable HttpRequest<?> request) {
    lockCandidate(id, user);
    String trimmed = blankToNull(note);
    update(
        "UPDATE merge_candidate SET status = 'DISMISSED', resolved_by = ?, resolved_at = ?,"
            + " note = ? WHERE id = ?",
        user.id(),
        now(),
        trimmed,
        id);
    audit.record(
        user,
        request,
        AuditAction.MERGE_DISMISS,
        "MERGE_CANDIDATE",
        id.toString(),
        trimmed == null ? null : "note=" + trimmed);
    return queries.mergeCandidate(id).orElseThrow();
  }

  private record Candidate(UUID a, UUID b) {}

  /** Locks an open candidate whose two patients the caller can both read. */
  private Candidate lockCandidate(UUID id, CurrentUser user) {
    List<Object[]> rows =
        jdbc.prepareStatement(
            "SELECT m.patient_a, m.patient_b, m.status FROM merge_candidate m WHERE m.id = ?"
                + " FOR UPDATE",
            ps -> {
              ps.setObject(1, id);
              List<Object[]> out = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(
                      new Object[] {
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)
                      });
                }
              }
              return out;
            });
    if (rows.isEmpty()) {
      throw new ApiException(ReviewError.MERGE_CANDIDATE_NOT_FOUND);
    }
    UUID a = (UUID) rows.get(0)[0];
    UUID b = (UUID) rows.get(0)[1];
    if (!user.canRead(village(a)) || !user.canRead(village(b))) {
      throw new ApiException(CommonError.FORBIDDEN);
    }
    if (!"OPEN".equals(rows.get(0)[2])) {
      throw new ApiException(ReviewError.MERGE_CANDIDATE_CLOSED);
    }
    return new Candidate(a, b);
  }

  /**
   * Moves another open candidate of the merged duplicate to the survivor, or dismisses it when the
   * survivor already has a candidate with that patient. Returns what was done, for the audit log.
   */
  private String repoint(
      UUID candidateId, UUID duplicateId, UUID survivorId, CurrentUser user, long seq) {
    Candidate c =
        jdbc.prepareStatement(
            "SELECT patient_a, patient_b FROM merge_candidate WHERE id = ?",
            ps -> {
              ps.setObject(1, candidateId);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
              }
            });
    UUID other = c.a().equals(duplicateId) ? c.b() : c.a();
    boolean survivorFirst = survivorId.toString().compareTo(other.toString()) < 0;
    UUID a = survivorFirst ? survivorId : other;
    UUID b = survivorFirst ? other : survivorId;
    long existing =
        jdbc.prepareStatement(
            "SELECT COUNT(*) FROM merge_candidate WHERE patient_a = ? AND patient_b = ?",
            ps -> {
              ps.setObject(1, a);
              ps.setObject(2, b);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    if (existing > 0) {
      update(
          "UPDATE merge_candidate SET status = 'DISMISSED', resolved_by = ?, resolved_at = ?,"
              + " note = ?, change_seq = ? WHERE id = ?",
          user.id(),
          now(),
          "合并后与已有候选重复 / superseded by the merge into " + survivorId,
          seq,
          candidateId);
      return candidateId + ":DISMISSED";
    }
    update(
        "UPDATE merge_candidate SET patient_a = ?, patient_b = ?, change_seq = ? WHERE id = ?",
        a,
        b,
        seq,
        candidateId);
    return candidateId + ":REPOINTED";
  }

  private String village(UUID patientId) {
    String village =
        jdbc.prepareStatement(
            "SELECT village_code FROM patient WHERE id = ?",
            ps -> {
              ps.setObject(1, patientId);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
              }
            });
    if (village == null) {
      throw new ApiException(PatientError.PATIENT_NOT_FOUND);
    }
    return village;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Nullable
  private static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void update(String sql, Object... params) {
    jdbc.prepareStatement(
        sql,
        ps -> {
          for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
          }
          return ps.executeUpdate();
        });
  }
}
