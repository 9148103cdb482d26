package org.suifang.server.patients;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.suifang.server.auth.CurrentUser;
import org.suifang.server.auth.Role;
import org.suifang.server.common.ApiException;
import org.suifang.server.sync.Hlc;
import org.suifang.server.sync.MutationContext;
import org.suifang.server.sync.MutationHandler;
import org.suifang.server.testing.SqlRows;
import org.suifang.server.testing.TestArea;

/**
 * Applies pushed mutations the way the sync endpoint does, without it: the handler bean of the
 * type, called with a {@link MutationContext} inside a transaction of its own that commits on
 * success and rolls back on any exception. Also reads rows back with plain SQL. One instance per
 * application context.
 */
@Singleton
public class SyncMutations {

  private static final AtomicLong COUNTER = new AtomicLong();

  private final Map<String, MutationHandler> handlers;
  private final TransactionOperations<Connection> transactions;
  private final JsonMapper json;

  SyncMutations(
      List<MutationHandler> handlers,
      TransactionOperations<Connection> transactions,
      JsonMapper json) {
    this.handlers =
        handlers.stream().collect(Collectors.toMap(MutationHandler::type, handler -> handler));
    this.transactions = transactions;
    this.json = json;
  }

  /** A village doctor of the seeded area, as the sync service would see the mutation's author. */
  public static CurrentUser doctor(TestArea area, String username, String... villageCodes) {
    return new CurrentUser(
        area.userId(username),
        username,
        Role.VILLAGE_DOCTOR,
        TestArea.COUNTY,
        villageCodes[0].substring(0, 9) + "000",
        Set.of(villageCodes));
  }

  /** A new HLC just after the current time: distinct and increasing within the JVM. */
  public static long hlcNow() {
    return Hlc.ofWallMillis(System.currentTimeMillis()) + (COUNTER.incrementAndGet() & 0xfff);
  }

  /** The context of a fresh mutation: not re-stamped, made now. */
  public static MutationContext context(CurrentUser author, UUID deviceId, long hlc) {
    return new MutationContext(
        UUID.randomUUID(), deviceId, author, hlc, hlc, false, 1, Instant.now());
  }

  /** Applies the mutation and commits; returns the handler's conflict count. */
  public int apply(MutationContext context, String type, Object payload) {
    MutationHandler handler = handlers.get(type);
    if (handler == null) {
      throw new IllegalArgumentException("no handler for " + type + " in " + handlers.keySet());
    }
    JsonNode tree = tree(payload);
    return transactions.executeWrite(status -> handler.apply(context, tree));
  }

  /** Applies a mutation that must be rejected, and returns the rejection. */
  public ApiException rejected(MutationContext context, String type, Object payload) {
    ApiException[] caught = new ApiException[1];
    assertThatThrownBy(() -> apply(context, type, payload))
        .isInstanceOfSatisfying(ApiException.class, e -> caught[0] = e);
    return caught[0];
  }

  /** Returns the field errors of a rejection as "field:code". */
  public static List<String> fieldErrors(ApiException e) {
    return e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
  }

  /** Returns the rows of a query as column-name maps (lower-case names). */
  public List<Map<String, Object>> rows(String sql, Object... args) {
    return SqlRows.read(transactions, sql, args);
  }

  /** Returns the single row of a query. */
  public Map<String, Object> row(String sql, Object... args) {
    List<Map<String, Object>> rows = rows(sql, args);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + ": " + sql);
    }
    return rows.get(0);
  }

  /** Runs a statement in a transaction of its own (to seed rows the endpoint would write). */
  public void execute(String sql, Object... args) {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
          }
        });
  }

  /** Returns a long column as a long, whatever numeric type the driver returns. */
  public static long asLong(Object value) {
    return ((Number) value).longValue();
  }

  /** Parses JSON text (e.g. a stored column) into maps and lists. */
  public Object parse(String text) {
    try {
      return json.readValue(text, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode tree(Object payload) {
    try {
      return json.writeValueToTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
