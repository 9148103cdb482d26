package org.suifang.server.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.suifang.server.common.ApiError;
import org.suifang.server.common.FieldError;
import org.suifang.server.review.ReviewViews.ConflictView;
import org.suifang.server.review.ReviewViews.FieldErrorView;
import org.suifang.server.review.ReviewViews.MergeCandidateView;
import org.suifang.server.review.ReviewViews.MismatchView;
import org.suifang.server.review.ReviewViews.OverrideView;
import org.suifang.server.review.ReviewViews.Page;
import org.suifang.server.review.ReviewViews.PatientSide;
import org.suifang.server.review.ReviewViews.RejectionView;
import org.suifang.server.review.ReviewViews.ResolutionView;
import org.suifang.server.review.ReviewViews.SideView;
import org.suifang.server.review.ReviewViews.Text;
import org.suifang.server.sync.FieldVersion;
import org.suifang.server.sync.Hlc;

/**
 * The read side of the review queue: the lists, newest first, scoped to an {@link Area}. Plain SQL
 * that runs on H2 (PostgreSQL mode) and PostgreSQL; every value is a bind parameter. Runs in the
 * caller's transaction.
 */
@Singleton
class ReviewQueries {

  private static final String CONFLICT_SELECT =
      "SELECT k.id, k.patient_id, p.name AS patient_name, p.village_code, k.field,"
          + " k.winner_value, k.winner_hlc, k.winner_device_id, k.winner_author_id,"
          + " wa.display_name AS winner_author, wd.model AS winner_device,"
          + " k.loser_value, k.loser_hlc, k.loser_device_id, k.loser_author_id,"
          + " la.display_name AS loser_author, ld.model AS loser_device,"
          + " k.detected_at, k.status, k.resolution_choice, k.resolution_value, k.resolved_by,"
          + " ru.display_name AS resolved_by_name, k.resolved_at, k.resolution_note"
          + " FROM sync_conflict k JOIN patient p ON p.id = k.patient_id"
          + " LEFT JOIN app_user wa ON wa.id = k.winner_author_id"
          + " LEFT JOIN device wd ON wd.id = k.winner_device_id"
          + " LEFT JOIN app_user la ON la.id = k.loser_author_id"
          + " LEFT JOIN device ld ON ld.id = k.loser_device_id"
          + " LEFT JOIN app_user ru ON ru.id = k.resolved_by";
  private static final String CANDIDATE_SELECT =
      "SELECT m.id, m.patient_a, m.patient_b, m.reason, m.status, m.detected_at, m.survivor_id,"
          + " m.resolved_by, u.display_name AS resolved_by_name, m.resolved_at, m.note"
          + " FROM merge_candidate m JOIN patient a ON a.id = m.patient_a"
          + " JOIN patient b ON b.id = m.patient_b LEFT JOIN app_user u ON u.id = m.resolved_by";
  // A record counts when it is neither voided nor amended by another.
  private static final String CURRENT_VISIT =
      "f.patient_id = p.id AND f.voided_at IS NULL"
          + " AND NOT EXISTS (SELECT 1 FROM follow_up g WHERE g.amends = f.id)";
  private static final String REJECTION_WHERE =
      " WHERE r.status = 'REJECTED' AND ((p.id IS NOT NULL AND p.village_code LIKE ?)"
          + " OR (p.id IS NULL AND EXISTS (SELECT 1 FROM user_village uv"
          + " WHERE uv.user_id IN (r.author_id, d.user_id) AND uv.village_code LIKE ?)))";
  private static final String REJECTION_FROM =
      " FROM mutation_result r JOIN device d ON d.id = r.device_id"
          + " LEFT JOIN app_user a ON a.id = r.author_id"
          + " LEFT JOIN patient p ON p.id = r.patient_id";
  private static final String VISIT_FROM =
      " FROM follow_up f JOIN patient p ON p.id = f.patient_id"
          + " JOIN app_user u ON u.id = f.doctor_id";
  private static final String MISMATCH_WHERE =
      " WHERE f.assessment_mismatch IS NOT NULL AND f.voided_at IS NULL"
          + " AND p.merged_into IS NULL AND p.village_code LIKE ?";
  private static final String OVERRIDE_WHERE =
      " WHERE f.classification_override IS NOT NULL AND f.voided_at IS NULL"
          + " AND p.merged_into IS NULL AND p.village_code LIKE ?";

  private final JdbcOperations jdbc;
  private final ReviewLabels labels;
  private final JsonMapper json;

  ReviewQueries(JdbcOperations jdbc, ReviewLabels labels, JsonMapper json) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.json = json;
  }

  // --- conflicts ---------------------------------------------------------------------------

  Page<ConflictView> conflicts(Area area, String status, int page, int size) {
    String where = " WHERE k.status = ? AND p.village_code LIKE ?";
    long total =
        count(
            "SELECT COUNT(*) FROM sync_conflict k JOIN patient p ON p.id = k.patient_id" + where,
            status,
            area.like());
    List<ConflictView> items =
        list(
            CONFLICT_SELECT + where + " ORDER BY k.detected_at DESC, k.id DESC LIMIT ? OFFSET ?",
            this::conflict,
            status,
            area.like(),
            size,
            (long) page * size);
    return new Page<>(items, page, size, total);
  }

  Optional<ConflictView> conflict(UUID id) {
    return list(CONFLICT_SELECT + " WHERE k.id = ?", this::conflict, id).stream().findFirst();
  }

  /** The stored facts of a conflict that a resolution needs. */
  record ConflictRow(
      UUID id,
      UUID patientId,
      String field,
      @Nullable String winnerValue,
      FieldVersion winner,
      @Nullable String loserValue,
      FieldVersion loser,
      String status) {}

  /** The patient of a conflict, read without a lock. */
  Optional<UUID> conflictPatient(UUID id) {
    return list(
            "SELECT patient_id FROM sync_conflict WHERE id = ?", rs -> uuid(rs, "patient_id"), id)
        .stream()
        .findFirst();
  }

  /** Reads a conflict and locks its row until the transaction ends. */
  Optional<ConflictRow> lockConflict(UUID id) {
    return list(
            "SELECT id, patient_id, field, winner_value, winner_hlc, winner_device_id,"
                + " loser_value, loser_hlc, loser_device_id, status"
                + " FROM sync_conflict WHERE id = ? FOR UPDATE",
            rs ->
                new ConflictRow(
                    uuid(rs, "id"),
                    uuid(rs, "patient_id"),
                    rs.getString("field"),
                    rs.getString("winner_value"),
                    new FieldVersion(rs.getLong("winner_hlc"), uuid(rs, "winner_device_id")),
                    rs.getString("loser_value"),
                    new FieldVersion(rs.getLong("loser_hlc"), uuid(rs, "loser_device_id")),
                    rs.getString("status")),
            id)
        .stream()
        .findFirst();
  }

  private ConflictView conflict(ResultSet rs) throws SQLException {
    String field = rs.getString("field");
    String village = rs.getString("village_code");
    ResolutionView resolution = null;
    String choice = rs.getString("resolution_choice");
    if (choice != null) {
      JsonNode value = labels.value(rs.getString("resolution_value"));
      resolution =
          new ResolutionView(
              choice,
              value,
              labels.valueText(field, value),
              uuid(rs, "resolved_by"),
              rs.getString("resolved_by_name"),
              instant(rs, "resolved_at"),
              rs.getString("resolution_note"));
    }
    return new ConflictView(
        uuid(rs, "id"),
        uuid(rs, "patient_id"),
        rs.getString("patient_name"),
        village,
        labels.villageName(village),
        field,
        labels.field(field),
        side(rs, "winner", field),
        side(rs, "loser", field),
        instant(rs, "detected_at"),
        rs.getString("status"),
        resolution);
  }

  private SideView side(ResultSet rs, String side, String field) throws SQLException {
    JsonNode value = labels.value(rs.getString(side + "_value"));
    long hlc = rs.getLong(side + "_hlc");
    UUID device = uuid(rs, side + "_device_id");
    String model = rs.getString(side + "_device");
    if (device.equals(FieldVersion.SERVER_DEVICE)) {
      model = "server";
    }
    return new SideView(
        value,
        labels.valueText(field, value),
        hlc,
        Instant.ofEpochMilli(Hlc.wallMillis(hlc)),
        device,
        model,
        uuid(rs, side + "_author_id"),
        rs.getString(side + "_author"));
  }

  // --- merge candidates --------------------------------------------------------------------

  Page<MergeCandidateView> mergeCandidates(Area area, String status, int page, int size) {
    String where = " WHERE m.status = ? AND a.village_code LIKE ? AND b.village_code LIKE ?";
    long total =
        count(
            "SELECT COUNT(*) FROM merge_candidate m JOIN patient a ON a.id = m.patient_a"
                + " JOIN patient b ON b.id = m.patient_b"
                + where,
            status,
            area.like(),
            area.like());
    List<MergeCandidateView> items =
        list(
            CANDIDATE_SELECT + where + " ORDER BY m.detected_at DESC, m.id DESC LIMIT ? OFFSET ?",
            this::candidate,
            status,
            area.like(),
            area.like(),
            size,
            (long) page * size);
    return new Page<>(items, page, size, total);
  }

  Optional<MergeCandidateView> mergeCandidate(UUID id) {
    return list(CANDIDATE_SELECT + " WHERE m.id = ?", this::candidate, id).stream().findFirst();
  }

  private MergeCandidateView candidate(ResultSet rs) throws SQLException {
    String reason = rs.getString("reason");
    return new MergeCandidateView(
        uuid(rs, "id"),
        reason,
        labels.candidateReason(reason),
        rs.getString("status"),
        instant(rs, "detected_at"),
        patientSide(uuid(rs, "patient_a")),
        patientSide(uuid(rs, "patient_b")),
        uuid(rs, "survivor_id"),
        uuid(rs, "resolved_by"),
        rs.getString("resolved_by_name"),
        instant(rs, "resolved_at"),
        rs.getString("note"));
  }

  private PatientSide patientSide(UUID id) {
    return list(
            "SELECT p.id, p.name, p.sex, p.birth_date, p.resident_id, p.phone, p.village_code,"
                + " p.address, p.health_record_number, p.height_cm, p.hypertension_diagnosed_on,"
                + " p.diabetes_diagnosed_on, p.status, p.status_reason, p.created_at,"
                + " p.merged_into, u.display_name AS created_by_name,"
                + " (SELECT COUNT(*) FROM follow_up f WHERE "
                + CURRENT_VISIT
                + ") AS visits,"
                + " (SELECT MAX(f.visit_date) FROM follow_up f WHERE "
                + CURRENT_VISIT
                + ") AS last_visit"
                + " FROM patient p LEFT JOIN app_user u ON u.id = p.created_by WHERE p.id = ?",
            rs -> {
              String village = rs.getString("village_code");
              String sex = rs.getString("sex");
              String status = rs.getString("status");
              return new PatientSide(
                  uuid(rs, "id"),
                  rs.getString("name"),
                  sex,
                  labels.sex(sex),
                  rs.getObject("birth_date", LocalDate.class),
                  rs.getString("resident_id"),
                  rs.getString("phone"),
                  village,
                  labels.villageName(village),
                  rs.getString("address"),
                  rs.getString("health_record_number"),
                  rs.getBigDecimal("height_cm"),
                  rs.getObject("hypertension_diagnosed_on", LocalDate.class),
                  rs.getObject("diabetes_diagnosed_on", LocalDate.class),
                  status,
                  labels.status(status, rs.getString("status_reason")),
                  rs.getString("created_by_name"),
                  instant(rs, "created_at"),
                  rs.getLong("visits"),
                  rs.getObject("last_visit", LocalDate.class),
                  uuid(rs, "merged_into"));
            },
            id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No patient " + id + " for a candidate"));
  }

  /** The open candidates that name the patient, other than {@code except}. */
  List<UUID> openCandidatesOf(UUID patientId, UUID except) {
    return list(
        "SELECT id FROM merge_candidate WHERE status = 'OPEN' AND id <> ?"
            + " AND (patient_a = ? OR patient_b = ?) ORDER BY id FOR UPDATE",
        rs -> uuid(rs, "id"),
        except,
        patientId,
        patientId);
  }

  // --- rejections --------------------------------------------------------------------------

  Page<RejectionView> rejections(Area area, int page, int size) {
    long total =
        count("SELECT COUNT(*)" + REJECTION_FROM + REJECTION_WHERE, area.like(), area.like());
    List<RejectionView> items =
        list(
            "SELECT r.mutation_id, r.device_id, d.model, r.author_id, a.display_name, r.type,"
                + " r.code, r.error_json, r.device_time, r.processed_at, r.patient_id,"
                + " p.name AS patient_name"
                + REJECTION_FROM
                + REJECTION_WHERE
                + " ORDER BY r.processed_at DESC, r.mutation_id DESC LIMIT ? OFFSET ?",
            this::rejection,
            area.like(),
            area.like(),
            size,
            (long) page * size);
    return new Page<>(items, page, size, total);
  }

  private RejectionView rejection(ResultSet rs) throws SQLException {
    String code = rs.getString("code");
    String stored = rs.getString("error_json");
    Text reason = new Text("服务器拒绝了此项修改。", "The server rejected this change.");
    List<FieldErrorView> fields = new ArrayList<>();
    if (stored != null) {
      ApiError error;
      try {
        error = json.readValue(stored, ApiError.class);
      } catch (IOException e) {
        throw new IllegalStateException("Unreadable error_json of a rejection", e);
      }
      reason = new Text(error.messageZh(), error.messageEn());
      for (FieldError f : error.fieldErrors()) {
        fields.add(new FieldErrorView(f.field(), f.code(), new Text(f.messageZh(), f.messageEn())));
      }
    }
    return new RejectionView(
        uuid(rs, "mutation_id"),
        uuid(rs, "device_id"),
        rs.getString("model"),
        uuid(rs, "author_id"),
        rs.getString("display_name"),
        rs.getString("type"),
        code,
        reason,
        fields,
        instant(rs, "device_time"),
        instant(rs, "processed_at"),
        uuid(rs, "patient_id"),
        rs.getString("patient_name"));
  }

  // --- assessment mismatches and overrides ---------------------------------------------------

  Page<MismatchView> mismatches(Area area, int page, int size) {
    long total = count("SELECT COUNT(*)" + VISIT_FROM + MISMATCH_WHERE, area.like());
    List<MismatchView> items =
        list(
            "SELECT f.id, f.patient_id, p.name, p.village_code, f.disease, f.visit_date,"
                + " f.doctor_id, u.display_name, f.assessment_mismatch, f.classification,"
                + " f.client_assessment, f.received_at"
                + VISIT_FROM
                + MISMATCH_WHERE
                + " ORDER BY f.received_at DESC, f.id DESC LIMIT ? OFFSET ?",
            rs -> {
              String village = rs.getString("village_code");
              return new MismatchView(
                  uuid(rs, "id"),
                  uuid(rs, "patient_id"),
                  rs.getString("name"),
                  village,
                  labels.villageName(village),
                  rs.getString("disease"),
                  rs.getObject("visit_date", LocalDate.class),
                  uuid(rs, "doctor_id"),
                  rs.getString("display_name"),
                  rs.getString("assessment_mismatch"),
                  labels.classification(rs.getString("classification")),
                  labels.classification(tabletClassification(rs.getString("client_assessment"))),
                  instant(rs, "received_at"));
            },
            area.like(),
            size,
            (long) page * size);
    return new Page<>(items, page, size, total);
  }

  Page<OverrideView> overrides(Area area, int page, int size) {
    long total = count("SELECT COUNT(*)" + VISIT_FROM + OVERRIDE_WHERE, area.like());
    List<OverrideView> items =
        list(
            "SELECT f.id, f.patient_id, p.name, p.village_code, f.disease, f.visit_date,"
                + " f.doctor_id, u.display_name, f.classification, f.classification_override,"
                + " f.override_reason, f.received_at"
                + VISIT_FROM
                + OVERRIDE_WHERE
                + " ORDER BY f.received_at DESC, f.id DESC LIMIT ? OFFSET ?",
            rs -> {
              String village = rs.getString("village_code");
              return new OverrideView(
                  uuid(rs, "id"),
                  uuid(rs, "patient_id"),
                  rs.getString("name"),
                  village,
                  labels.villageName(village),
                  rs.getString("disease"),
                  rs.getObject("visit_date", LocalDate.class),
                  uuid(rs, "doctor_id"),
                  rs.getString("display_name"),
                  labels.classification(rs.getString("classification")),
                  labels.classification(rs.getString("classification_override")),
                  rs.getString("override_reason"),
                  instant(rs, "received_at"));
            },
            area.like(),
            size,
            (long) page * size);
    return new Page<>(items, page, size, total);
  }

  /** How many open conflicts, open candidates, rejections, mismatches and overrides. */
  ReviewViews.Counts counts(Area area) {
    return new ReviewViews.Counts(
        count(
            "SELECT COUNT(*) FROM sync_conflict k JOIN patient p ON p.id = k.patient_id"
                + " WHERE k.status = 'OPEN' AND p.village_code LIKE ?",
            area.like()),
        count(
            "SELECT COUNT(*) FROM merge_candidate m JOIN patient a ON a.id = m.patient_a"
                + " JOIN patient b ON b.id = m.patient_b"
                + " WHERE m.status = 'OPEN' AND a.village_code LIKE ? AND b.village_code LIKE ?",
            area.like(),
            area.like()),
        count("SELECT COUNT(*)" + REJECTION_FROM + REJECTION_WHERE, area.like(), area.like()),
        count("SELECT COUNT(*)" + VISIT_FROM + MISMATCH_WHERE, area.like()),
        count("SELECT COUNT(*)" + VISIT_FROM + OVERRIDE_WHERE, area.like()));
  }

  @Nullable
  private String tabletClassification(@Nullable String clientAssessment) {
    if (clientAssessment == null) {
      return null;
    }
    try {
      JsonNode node = json.readValue(clientAssessment, JsonNode.class);
      JsonNode c = node == null ? null : node.get("classification");
      return c == null || !c.isString() ? null : c.getStringValue();
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable client_assessment", e);
    }
  }

  // --- plumbing ----------------------------------------------------------------------------

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          List<T> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
          }
          return out;
        });
  }

  private long count(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        ps -> {
          bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  @Nullable
  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  @Nullable
  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
