package org.suifang.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestApi;
import org.suifang.server.testing.TestAuth;

/**
 * The server side of the end-to-end tests: its URL, the REST view of a user, and plain SQL counts
 * of the sync tables, so a test can check what the server holds independently of any tablet.
 */
@Singleton
class ServerProbe {
  private final EmbeddedServer server;
  private final TestApi api;
  private final TransactionOperations<Connection> transactions;
  private final Map<String, UUID> doctors = new java.util.HashMap<>();

  ServerProbe(EmbeddedServer server, TestApi api, TransactionOperations<Connection> transactions) {
    this.server = server;
    this.api = api;
    this.transactions = transactions;
  }

  /** Returns the server's base URL, e.g. {@code http://localhost:41234/}. */
  String url() {
    return server.getURL().toString() + "/";
  }

  int port() {
    return server.getPort();
  }

  TestApi api() {
    return api;
  }

  /**
   * Creates another village doctor through the administrator's user API ({@code POST /api/v1/users}
   * as admin1) once per application context, and returns the user's id.
   */
  synchronized UUID createDoctor(String username, String displayName, String villageCode) {
    UUID known = doctors.get(username);
    if (known != null) {
      return known;
    }
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("username", username);
    command.put("displayName", displayName);
    command.put("password", TestAuth.PASSWORD);
    command.put("role", "VILLAGE_DOCTOR");
    command.put("villageCodes", List.of(villageCode));
    TestApi.Response r = api.post("admin1", "/api/v1/users", command);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    UUID id = UUID.fromString((String) r.at("id"));
    doctors.put(username, id);
    return id;
  }

  /** Returns the patient as {@code GET /api/v1/patients/{id}} answers it to {@code user}. */
  Map<String, Object> patient(String user, UUID patientId) {
    TestApi.Response r = api.get(user, "/api/v1/patients/" + patientId);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.json();
  }

  /** Returns the follow-up history ({@code GET /api/v1/patients/{id}/follow-ups}), newest first. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> history(String user, UUID patientId) {
    TestApi.Response r = api.get(user, "/api/v1/patients/" + patientId + "/follow-ups");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return (List<Map<String, Object>>) r.at("items");
  }

  /** Returns the ids in the patient's server history. */
  List<UUID> historyIds(String user, UUID patientId) {
    List<UUID> ids = new ArrayList<>();
    for (Map<String, Object> item : history(user, patientId)) {
      ids.add(UUID.fromString((String) item.get("id")));
    }
    return ids;
  }

  /** Runs a {@code SELECT count(*) …} with the given parameters. */
  long count(String sql, Object... params) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).isTrue();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Runs a query and returns each row as column label → value (labels lower-case). */
  List<Map<String, Object>> rows(String sql, Object... params) {
    return SqlRows.read(transactions, sql, params);
  }

  /** Returns the number of follow-up rows of the patient (every state). */
  long followUpRows(UUID patientId) {
    return count("SELECT count(*) FROM follow_up WHERE patient_id = ?", patientId);
  }

  /** Returns the number of {@code mutation_result} rows of the device. */
  long mutationResults(UUID deviceId) {
    return count("SELECT count(*) FROM mutation_result WHERE device_id = ?", deviceId);
  }

  /** Returns the number of {@code sync_conflict} rows of the patient. */
  long conflicts(UUID patientId) {
    return count("SELECT count(*) FROM sync_conflict WHERE patient_id = ?", patientId);
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
