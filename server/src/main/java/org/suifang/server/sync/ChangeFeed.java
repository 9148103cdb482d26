package org.suifang.server.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.followups.FollowUpReader;

/**
 * The pull part of a sync: the next page of the commit-ordered change feed for a user's scope
 * (docs/sync-protocol.md#change-types, sync-design.md §6.4).
 *
 * <p>The committed head is read before any row. Every transaction with a change sequence number up
 * to the head has committed by then (the {@link ChangeSequencer} lock is held until commit), so a
 * page that delivers every in-scope row with {@code cursor < change_seq <= head} can move the
 * cursor to the head without skipping anything. Rows carry their latest change only: a row changed
 * again after the head was read is left for the next page, with its newer state.
 */
@Singleton
class ChangeFeed {

  static final String PATIENT = "PATIENT";
  static final String FOLLOW_UP = "FOLLOW_UP";
  static final String CONFLICT = "CONFLICT";

  // Within one change sequence number: patients first, then their follow-ups, then conflicts.
  private static final List<String> TYPE_ORDER = List.of(PATIENT, FOLLOW_UP, CONFLICT);
  private static final Comparator<Row> ORDER =
      Comparator.comparingLong(Row::seq)
          .thenComparingInt(r -> TYPE_ORDER.indexOf(r.type()))
          .thenComparing(r -> r.id().toString());
  private static final Argument<Map<String, FieldVersion>> VERSIONS =
      Argument.mapOf(String.class, FieldVersion.class);
  // Stored values that read as JSON; anything else (a name, a date) is delivered as a string.
  private static final Pattern JSON_SCALAR =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null");
  private static final int FOLLOW_UP_BATCH = 50;

  private final TransactionOperations<Connection> transactions;
  private final ChangeSequencer sequencer;
  private final SyncEpoch epochs;
  private final FollowUpReader followUps;
  private final JsonMapper json;
  private final CursorSigner signer;

  ChangeFeed(
      TransactionOperations<Connection> transactions,
      ChangeSequencer sequencer,
      SyncEpoch epochs,
      FollowUpReader followUps,
      JsonMapper json,
      CursorSigner signer) {
    this.transactions = transactions;
    this.signer = signer;
    this.sequencer = sequencer;
    this.epochs = epochs;
    this.followUps = followUps;
    this.json = json;
  }

  /**
   * A page of the feed.
   *
   * @param resetRequired the cursor was not valid for this database or scope
   * @param nextCursor the cursor to send next; the cursor sent when nothing was pulled
   */
  record Page(
      boolean resetRequired,
      List<Change> changes,
      @Nullable PullCursor nextCursor,
      boolean hasMore) {}

  /**
   * Reads the next page for the user after the cursor, at most {@code limit} changes and about
   * {@code maxBytes} bytes of serialised changes (a page never splits the rows of one change
   * sequence number, so its first group is delivered whole even when it is larger). A cursor of
   * another epoch or scope, or beyond the head, answers a page from the beginning with {@code
   * resetRequired}; a cursor beyond the head in the current epoch means the database was restored
   * from a backup and rotates the epoch. With {@code limit == 0} nothing is read: the cursor is
   * answered back. With {@code compact}, follow-ups come in their compact form ({@link
   * CompactFollowUp}), which {@code maxBytes} counts.
   */
  Page pull(
      @Nullable PullCursor cursor, CurrentUser user, int limit, int maxBytes, boolean compact) {
    Scope scope = Scope.of(user);
    return transactions.executeWrite(
        status -> {
          long head = sequencer.head();
          String epoch = epochs.current();
          // Only a cursor this server family issued is trusted; a forged one starts again.
          boolean sameEpoch = signer.isAuthentic(cursor) && cursor.epoch().equals(epoch);
          boolean valid = sameEpoch && cursor.seq() <= head && cursor.scope().equals(scope.hash());
          if (limit == 0) {
            return new Page(false, List.of(), cursor, !valid || cursor.seq() < head);
          }
          if (sameEpoch && cursor.seq() > head) {
            epoch = epochs.rotateFrom(epoch);
          }
          long from = valid ? cursor.seq() : 0;
          return page(from, head, epoch, scope, limit, maxBytes, compact, cursor != null && !valid);
        });
  }

  private Page page(
      long from,
      long head,
      String epoch,
      Scope scope,
      int limit,
      int maxBytes,
      boolean compact,
      boolean reset) {
    Connection connection = transactions.getConnection();
    List<Row> patients = patients(connection, scope, from, head, limit + 1);
    List<Row> followUpRows = followUps(connection, scope, from, head, limit + 1);
    List<Row> conflicts = conflicts(connection, scope, from, head, limit + 1);
    // Rows up to `complete` are all read; a table that hit the limit may hold more rows of its
    // last change sequence number (and beyond).
    long complete = head;
    for (List<Row> table : List.of(patients, followUpRows, conflicts)) {
      if (table.size() > limit) {
        complete = Math.min(complete, table.get(table.size() - 1).seq() - 1);
      }
    }
    List<Row> rows = new ArrayList<>(patients.size() + followUpRows.size() + conflicts.size());
    rows.addAll(patients);
    rows.addAll(followUpRows);
    rows.addAll(conflicts);
    rows.sort(ORDER);

    List<Change> changes = new ArrayList<>();
    if (!rows.isEmpty() && rows.get(0).seq() > complete) {
      // One change sequence number holds more rows than the limit: deliver it whole, alone.
      long seq = rows.get(0).seq();
      List<Row> group = new ArrayList<>();
      group.addAll(patients(connection, scope, seq - 1, seq, 0));
      group.addAll(followUps(connection, scope, seq - 1, seq, 0));
      group.addAll(conflicts(connection, scope, seq - 1, seq, 0));
      group.sort(ORDER);
      loadFollowUps(group, 0, seq, compact);
      group.forEach(r -> changes.add(r.change()));
      return new Page(reset, changes, signer.cursor(epoch, seq, scope.hash()), seq < head);
    }
    long bytes = 0;
    long last = from;
    int i = 0;
    boolean cut = false;
    while (i < rows.size() && rows.get(i).seq() <= complete) {
      long seq = rows.get(i).seq();
      int end = i;
      while (end < rows.size() && rows.get(end).seq() == seq) {
        end++;
      }
      loadFollowUps(rows, i, complete, compact);
      List<Change> group = new ArrayList<>(end - i);
      long groupBytes = 0;
      for (int j = i; j < end; j++) {
        Change change = rows.get(j).change();
        group.add(change);
        groupBytes += size(change);
      }
      if (!changes.isEmpty()
          && (changes.size() + group.size() > limit || bytes + groupBytes > maxBytes)) {
        cut = true;
        break;
      }
      changes.addAll(group);
      bytes += groupBytes;
      last = seq;
      i = end;
    }
    if (!cut && complete == head) {
      return new Page(reset, changes, signer.cursor(epoch, head, scope.hash()), false);
    }
    return new Page(reset, changes, signer.cursor(epoch, last, scope.hash()), true);
  }

  /**
   * Makes sure the follow-up rows of the group starting at {@code from} have their data, loading
   * them together with the next missing ones up to {@code upToSeq} in one batch.
   */
  private void loadFollowUps(List<Row> rows, int from, long upToSeq, boolean compact) {
    long groupSeq = rows.get(from).seq();
    boolean groupMissing = false;
    for (int j = from; j < rows.size() && rows.get(j).seq() == groupSeq; j++) {
      groupMissing |= rows.get(j).type().equals(FOLLOW_UP) && rows.get(j).data() == null;
    }
    if (!groupMissing) {
      return;
    }
    List<Integer> missing = new ArrayList<>();
    for (int j = from; j < rows.size() && rows.get(j).seq() <= upToSeq; j++) {
      Row row = rows.get(j);
      if (row.seq() != groupSeq && missing.size() >= FOLLOW_UP_BATCH) {
        break;
      }
      if (row.type().equals(FOLLOW_UP) && row.data() == null) {
        missing.add(j);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<UUID, JsonNode> views =
        followUps.views(missing.stream().map(j -> rows.get(j).id()).toList());
    for (int j : missing) {
      Row row = rows.get(j);
      JsonNode view = views.get(row.id());
      if (view == null) {
        throw new IllegalStateException("Follow-up " + row.id() + " vanished during a pull");
      }
      rows.set(j, row.withData(compact ? CompactFollowUp.of(view) : view));
    }
  }

  private List<Row> patients(Connection c, Scope scope, long from, long to, int limit) {
    String sql =
        "SELECT id, name, sex, birth_date, resident_id, phone, village_code, county_code, address,"
            + " health_record_number, height_cm, hypertension_diagnosed_on,"
            + " diabetes_diagnosed_on, status, status_reason, status_date, status_note, created_by,"
            + " created_at, updated_at, field_versions, merged_into, change_seq"
            + " FROM patient WHERE change_seq > ? AND change_seq <= ? AND ("
            + scope.sql("village_code")
            + " OR "
            + scope.sql("prev_village_code")
            + ") ORDER BY change_seq, id"
            + (limit > 0 ? " LIMIT " + limit : "");
    List<Object> params = new ArrayList<>(List.of(from, to));
    params.addAll(scope.parameters());
    params.addAll(scope.parameters());
    return query(
        c,
        sql,
        params,
        rs -> {
          String village = rs.getString("village_code");
          PatientData data =
              new PatientData(
                  rs.getObject("id", UUID.class),
                  rs.getString("name"),
                  rs.getString("sex"),
                  rs.getObject("birth_date", LocalDate.class),
                  rs.getString("resident_id"),
                  rs.getString("phone"),
                  village,
                  rs.getString("county_code"),
                  rs.getString("address"),
                  rs.getString("health_record_number"),
                  rs.getBigDecimal("height_cm"),
                  rs.getObject("hypertension_diagnosed_on", LocalDate.class),
                  rs.getObject("diabetes_diagnosed_on", LocalDate.class),
                  new StatusData(
                      rs.getString("status"),
                      rs.getString("status_reason"),
                      rs.getObject("status_date", LocalDate.class),
                      rs.getString("status_note")),
                  rs.getObject("created_by", UUID.class),
                  instant(rs, "created_at"),
                  instant(rs, "updated_at"),
                  versions(rs.getString("field_versions")),
                  scope.contains(village),
                  rs.getObject("merged_into", UUID.class));
          return new Row(rs.getLong("change_seq"), PATIENT, data.id(), tree(data));
        });
  }

  private List<Row> followUps(Connection c, Scope scope, long from, long to, int limit) {
    String sql =
        "SELECT f.id, f.change_seq FROM follow_up f"
            + " JOIN patient p ON p.id = f.patient_id"
            + " WHERE f.change_seq > ? AND f.change_seq <= ? AND "
            + scope.sql("p.village_code")
            + " ORDER BY f.change_seq, f.id"
            + (limit > 0 ? " LIMIT " + limit : "");
    List<Object> params = new ArrayList<>(List.of(from, to));
    params.addAll(scope.parameters());
    return query(
        c,
        sql,
        params,
        rs -> new Row(rs.getLong("change_seq"), FOLLOW_UP, rs.getObject("id", UUID.class), null));
  }

  private List<Row> conflicts(Connection c, Scope scope, long from, long to, int limit) {
    String sql =
        "SELECT k.id, k.patient_id, k.field, k.winner_value, k.winner_hlc, k.winner_device_id,"
            + " k.winner_author_id, k.loser_value, k.loser_hlc, k.loser_device_id,"
            + " k.loser_author_id, k.detected_at, k.status, k.resolution_choice,"
            + " k.resolution_value, k.resolution_hlc, k.resolved_by, k.resolved_at,"
            + " k.resolution_note, u.display_name AS resolved_by_name, k.change_seq"
            + " FROM sync_conflict k JOIN patient p ON p.id = k.patient_id"
            + " LEFT JOIN app_user u ON u.id = k.resolved_by"
            + " WHERE k.change_seq > ? AND k.change_seq <= ? AND "
            + scope.sql("p.village_code")
            + " ORDER BY k.change_seq, k.id"
            + (limit > 0 ? " LIMIT " + limit : "");
    List<Object> params = new ArrayList<>(List.of(from, to));
    params.addAll(scope.parameters());
    return query(
        c,
        sql,
        params,
        rs -> {
          ConflictData data =
              new ConflictData(
                  rs.getObject("id", UUID.class),
                  rs.getObject("patient_id", UUID.class),
                  rs.getString("field"),
                  new ConflictSide(
                      jsonValue(rs.getString("winner_value")),
                      rs.getLong("winner_hlc"),
                      rs.getObject("winner_device_id", UUID.class),
                      rs.getObject("winner_author_id", UUID.class)),
                  new ConflictSide(
                      jsonValue(rs.getString("loser_value")),
                      rs.getLong("loser_hlc"),
                      rs.getObject("loser_device_id", UUID.class),
                      rs.getObject("loser_author_id", UUID.class)),
                  instant(rs, "detected_at"),
                  rs.getString("status"),
                  resolution(rs));
          return new Row(rs.getLong("change_seq"), CONFLICT, data.id(), tree(data));
        });
  }

  /** The resolution of a resolved conflict row; null while it is open. */
  private @Nullable Resolution resolution(ResultSet rs) throws SQLException {
    String choice = rs.getString("resolution_choice");
    if (choice == null) {
      return null;
    }
    long hlc = rs.getLong("resolution_hlc");
    Long resolutionHlc = rs.wasNull() ? null : hlc;
    return new Resolution(
        choice,
        jsonValue(rs.getString("resolution_value")),
        resolutionHlc,
        rs.getObject("resolved_by", UUID.class),
        rs.getString("resolved_by_name"),
        instant(rs, "resolved_at"),
        rs.getString("resolution_note"));
  }

  private interface RowMapper {
    Row map(ResultSet rs) throws SQLException;
  }

  private static List<Row> query(Connection c, String sql, List<Object> params, RowMapper mapper) {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        select.setObject(i + 1, params.get(i));
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new SyncStoreException("Could not read the change feed", e);
    }
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private Map<String, FieldVersion> versions(@Nullable String stored) {
    if (stored == null || stored.isBlank()) {
      return Map.of();
    }
    try {
      return new TreeMap<>(json.readValue(stored, VERSIONS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A stored conflict value as JSON: the handlers store JSON text, which is parsed; any other text
   * (a name, a date) is delivered as a JSON string; SQL null is JSON null.
   */
  private JsonNode jsonValue(@Nullable String stored) {
    if (stored == null) {
      return JsonNode.nullNode();
    }
    String text = stored.strip();
    boolean looksLikeJson =
        text.startsWith("{")
            || text.startsWith("[")
            || text.startsWith("\"")
            || JSON_SCALAR.matcher(text).matches();
    if (looksLikeJson) {
      try {
        return json.readValue(text, JsonNode.class);
      } catch (IOException e) {
        // Not JSON after all (e.g. a note that starts with a bracket): deliver the text itself.
        return JsonNode.createStringNode(stored);
      }
    }
    return JsonNode.createStringNode(stored);
  }

  private JsonNode tree(Object value) {
    try {
      return json.writeValueToTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long size(Change change) {
    try {
      return json.writeValueAsBytes(change).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A feed row: its data is null for a follow-up until loaded. */
  private record Row(long seq, String type, UUID id, @Nullable JsonNode data) {

    Row withData(JsonNode data) {
      return new Row(seq, type, id, data);
    }

    Change change() {
      if (data == null) {
        throw new IllegalStateException(type + " " + id + " has no data");
      }
      return new Change(seq, type, id, data);
    }
  }

  /** The data of a PATIENT change (docs/sync-protocol.md#change-types). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PatientData(
      UUID id,
      String name,
      String sex,
      LocalDate birthDate,
      @Nullable String residentId,
      @Nullable String phone,
      String villageCode,
      String countyCode,
      @Nullable String address,
      @Nullable String healthRecordNumber,
      @Nullable BigDecimal heightCm,
      @Nullable LocalDate hypertensionDiagnosedOn,
      @Nullable LocalDate diabetesDiagnosedOn,
      StatusData status,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt,
      Map<String, FieldVersion> versions,
      boolean inScope,
      @Nullable UUID mergedInto) {}

  /** A patient's management status as a PATIENT change shows it. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StatusData(
      String status, @Nullable String reason, LocalDate date, @Nullable String note) {}

  /** The data of a CONFLICT change. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConflictData(
      UUID id,
      UUID patientId,
      String field,
      ConflictSide winner,
      ConflictSide loser,
      Instant detectedAt,
      String status,
      @Nullable Resolution resolution) {}

  /**
   * How a supervisor resolved a conflict (docs/sync-protocol.md#change-types).
   *
   * @param choice {@code WINNER}, {@code LOSER}, or {@code MERGED} when merging the patient into
   *     another closed it
   * @param value the value written by the resolution (JSON); for {@code MERGED} the value that was
   *     stored
   * @param hlc the HLC of the resolution's server write; null for {@code MERGED}
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Resolution(
      String choice,
      JsonNode value,
      @Nullable Long hlc,
      @Nullable UUID resolvedBy,
      @Nullable String resolvedByName,
      @Nullable Instant resolvedAt,
      @Nullable String note) {}

  /** One side of a conflict: the value and its version and author. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ConflictSide(JsonNode value, long hlc, UUID deviceId, @Nullable UUID authorId) {}
}
