package org.suifang.server.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.suifang.server.regions.FacilityCommand;
import org.suifang.server.regions.FacilityKind;
import org.suifang.server.regions.RegionCommand;
import org.suifang.server.regions.RegionLevel;
import org.suifang.server.regions.RegionService;
import org.suifang.server.users.User;
import org.suifang.server.users.UserCommand;
import org.suifang.server.users.UserService;

/**
 * Seeds regions and users and logs in over real HTTP, for any {@code @MicronautTest}. Inject it:
 *
 * <pre>{@code
 * @Inject TestAuth auth;
 * @Inject @Client("/") HttpClient client;
 *
 * @Test
 * void list_asDoctor_showsOwnVillage() {
 *   TestArea area = auth.seedArea();                 // idempotent within a test context
 *   String token = auth.login("doc1");               // access token (JWT)
 *   client.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token));
 *   client.toBlocking().retrieve(auth.as("sup1", HttpRequest.GET("/api/v1/regions")));
 * }
 * }</pre>
 *
 * <p>{@link #seedArea()} creates the area described in {@link TestArea}: users {@code doc1}
 * (village {@link TestArea#VILLAGE_1}), {@code doc2} ({@link TestArea#VILLAGE_2}), {@code doc3}
 * ({@link TestArea#VILLAGE_3}, township 2), {@code sup1} (township 1), {@code sup2} (township 2)
 * and {@code admin1} (the county), all with password {@link #PASSWORD}. Regions and users are
 * written through {@link RegionService} and {@link UserService}; logins go through {@code POST
 * /api/v1/auth/login} on the embedded server.
 *
 * <p>One instance per application context (so per test class by default, each with a fresh
 * database). Thread-safe.
 */
@Singleton
public class TestAuth {

  /** The password of every user {@link #seedArea()} creates. */
  public static final String PASSWORD = "Passw0rd!";

  private final RegionService regions;
  private final UserService users;
  private final HttpClient client;
  private final TransactionOperations<Connection> transactions;
  private TestArea area;

  TestAuth(
      RegionService regions,
      UserService users,
      @Client("/") HttpClient client,
      TransactionOperations<Connection> transactions) {
    this.regions = regions;
    this.users = users;
    this.client = client;
    this.transactions = transactions;
  }

  /**
   * Creates the standard area and its users unless they exist, and returns it. Commits in a
   * transaction of its own, so the server sees the data even when the test method runs inside
   * {@code @MicronautTest}'s rolled-back transaction.
   */
  public synchronized TestArea seedArea() {
    if (area == null) {
      area = inNewTransaction(this::seed);
    }
    return area;
  }

  private TestArea seed() {
    Map<String, UUID> facilities = new LinkedHashMap<>();
    if (regions.find(TestArea.COUNTY).isEmpty()) {
      region(TestArea.COUNTY, RegionLevel.COUNTY, "示范县", null, null);
      region(TestArea.TOWNSHIP_1, RegionLevel.TOWNSHIP, "东关镇", null, null);
      region(TestArea.TOWNSHIP_2, RegionLevel.TOWNSHIP, "西岭乡", null, null);
      region(TestArea.VILLAGE_1, RegionLevel.VILLAGE, "东关村", "121", "101");
      region(TestArea.VILLAGE_2, RegionLevel.VILLAGE, "南街村", "122", "102");
      region(TestArea.VILLAGE_3, RegionLevel.VILLAGE, "西岭村", "220", "101");
      facility(facilities, "东关镇卫生院", FacilityKind.TOWNSHIP_HEALTH_CENTRE, TestArea.TOWNSHIP_1);
      facility(facilities, "西岭乡卫生院", FacilityKind.TOWNSHIP_HEALTH_CENTRE, TestArea.TOWNSHIP_2);
      facility(facilities, "东关村卫生室", FacilityKind.VILLAGE_CLINIC, TestArea.VILLAGE_1);
      facility(facilities, "南街村卫生室", FacilityKind.VILLAGE_CLINIC, TestArea.VILLAGE_2);
      facility(facilities, "西岭村卫生室", FacilityKind.VILLAGE_CLINIC, TestArea.VILLAGE_3);
    }
    Map<String, UUID> ids = new LinkedHashMap<>();
    user(
        ids,
        UserCommand.doctor("doc1", "张医生", PASSWORD, TestArea.VILLAGE_1)
            .withFacility(facilities.get(TestArea.VILLAGE_1)));
    user(
        ids,
        UserCommand.doctor("doc2", "李医生", PASSWORD, TestArea.VILLAGE_2)
            .withFacility(facilities.get(TestArea.VILLAGE_2)));
    user(
        ids,
        UserCommand.doctor("doc3", "王医生", PASSWORD, TestArea.VILLAGE_3)
            .withFacility(facilities.get(TestArea.VILLAGE_3)));
    user(
        ids,
        UserCommand.supervisor("sup1", "赵督导", PASSWORD, TestArea.TOWNSHIP_1)
            .withFacility(facilities.get(TestArea.TOWNSHIP_1)));
    user(
        ids,
        UserCommand.supervisor("sup2", "钱督导", PASSWORD, TestArea.TOWNSHIP_2)
            .withFacility(facilities.get(TestArea.TOWNSHIP_2)));
    user(ids, UserCommand.admin("admin1", "孙管理员", PASSWORD, TestArea.COUNTY));
    return new TestArea(ids, facilities);
  }

  /**
   * Creates a user through {@link UserService#createUser} and returns its id; e.g. {@code
   * createUser(UserCommand.doctor("doc9", "医生", TestAuth.PASSWORD, TestArea.VILLAGE_1))}. Regions
   * must exist, e.g. after {@link #seedArea()}. Commits in a transaction of its own, like {@link
   * #seedArea()}.
   */
  public UUID createUser(UserCommand command) {
    return inNewTransaction(() -> users.createUser(command).id());
  }

  /** Logs in with {@link #PASSWORD} over HTTP and returns the access token. */
  public String login(String username) {
    return login(username, PASSWORD);
  }

  /** Logs in over HTTP and returns the access token; throws the client's exception on failure. */
  public String login(String username, String password) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/v1/auth/login", Map.of("username", username, "password", password)),
                Map.class);
    return (String) body.get("accessToken");
  }

  /**
   * Returns the request with an {@code Authorization: Bearer} header for a fresh login of the user.
   */
  public <T> MutableHttpRequest<T> as(String username, MutableHttpRequest<T> request) {
    return request.bearerAuth(login(username));
  }

  private <T> T inNewTransaction(Supplier<T> work) {
    return transactions.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> work.get());
  }

  private void region(
      String code, RegionLevel level, String name, String urbanRural, String segment) {
    regions.createRegion(new RegionCommand(code, level, name, urbanRural, segment));
  }

  private void facility(Map<String, UUID> ids, String name, FacilityKind kind, String regionCode) {
    ids.put(regionCode, regions.createFacility(new FacilityCommand(name, kind, regionCode)).id());
  }

  private void user(Map<String, UUID> ids, UserCommand command) {
    UUID id =
        users
            .findByUsername(command.username())
            .map(User::id)
            .orElseGet(() -> users.createUser(command).id());
    ids.put(command.username(), id);
  }
}
