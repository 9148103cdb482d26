package org.suifang.server.sync;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.suifang.server.common.ApiException;
import org.suifang.server.common.CommonError;
import org.suifang.server.patients.PatientError;

/**
 * A mutation type for the sync machinery's tests, {@code TEST_NOTE}: appends {@code "|" + note} to
 * a patient's address (so a second apply would show) and stamps the patient. The payload decides
 * the outcome, after the write (so a rollback is visible too):
 *
 * <ul>
 *   <li>{@code "outcome": "ok"} (or none): applied;
 *   <li>{@code "outcome": "poison"}: a permanent failure, {@code VALIDATION_FAILED} on {@code
 *       note};
 *   <li>{@code "outcome": "temporary", "failTimes": n}: a RuntimeException the first n times.
 * </ul>
 *
 * The author must be able to write the patient's village ({@code FORBIDDEN} otherwise).
 */
@Singleton
@Requires(env = Environment.TEST)
final class TestNoteHandler implements MutationHandler {

  static final String TYPE = "TEST_NOTE";

  private final TransactionOperations<Connection> transactions;
  private final ChangeStamps stamps;
  private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

  TestNoteHandler(TransactionOperations<Connection> transactions, ChangeStamps stamps) {
    this.transactions = transactions;
    this.stamps = stamps;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public int apply(MutationContext context, JsonNode payload) {
    UUID patientId = UUID.fromString(payload.get("patientId").getStringValue());
    String note = payload.get("note").getStringValue();
    JsonNode outcomeNode = payload.get("outcome");
    String outcome = outcomeNode == null ? "ok" : outcomeNode.getStringValue();
    Connection connection = transactions.getConnection();
    try {
      String village;
      try (PreparedStatement select =
          connection.prepareStatement("SELECT village_code FROM patient WHERE id = ?")) {
        select.setObject(1, patientId);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new ApiException(PatientError.PATIENT_NOT_FOUND);
          }
          village = rs.getString(1);
        }
      }
      if (!context.author().canWrite(village)) {
        throw new ApiException(CommonError.FORBIDDEN);
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE patient SET address = COALESCE(address, '') || ? WHERE id = ?")) {
        update.setString(1, "|" + note);
        update.setObject(2, patientId);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (outcome.equals("poison")) {
      throw ApiException.invalidField(
          "note", "NOTE_POISON", "测试：此备注总是被拒绝。", "Test: this note is always rejected.");
    }
    if (outcome.equals("temporary")) {
      int failTimes = payload.get("failTimes").getIntValue();
      int attempt =
          attempts
              .computeIfAbsent(context.mutationId(), id -> new AtomicInteger())
              .incrementAndGet();
      if (attempt <= failTimes) {
        throw new IllegalStateException("simulated temporary failure " + attempt);
      }
    }
    stamps.patientWritten(patientId, Map.of("address", context.version()), null, context.hlc());
    return 0;
  }
}
