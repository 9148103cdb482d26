package org.suifang.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.suifang.server.testing.TestApi;

/**
 * A tablet as the sync tests see it: a device id, the signed-in user, the next device seq and the
 * pull cursor. Builds request bodies as maps and sends them over real HTTP through {@link TestApi}.
 * Not thread-safe: one per thread.
 */
final class TestDevice {

  final UUID id;
  final String user;
  final UUID userId;
  private final TestApi api;
  private long nextSeq = 1;
  private Object cursor;

  TestDevice(TestApi api, String user, UUID userId) {
    this(api, user, userId, UUID.randomUUID());
  }

  TestDevice(TestApi api, String user, UUID userId, UUID id) {
    this.api = api;
    this.user = user;
    this.userId = userId;
    this.id = id;
  }

  /** Registers the device as its user; asserts 200. */
  TestApi.Response register() {
    TestApi.Response r = registerAs(user);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r;
  }

  /** Registers the device as another user (a shared tablet). */
  TestApi.Response registerAs(String someone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", id.toString());
    body.put("appVersion", "0.3.0");
    body.put("platform", "Android 8.1");
    body.put("model", "Lenovo TB-X104F");
    return api.post(someone, "/api/v1/devices", body);
  }

  /** A TEST_NOTE mutation with the next seq, a fresh mutation id and the current HLC. */
  Map<String, Object> note(String patientId, String note) {
    return note(patientId, note, "ok");
  }

  /** A TEST_NOTE mutation with the given outcome ("ok", "poison", "temporary"). */
  Map<String, Object> note(String patientId, String note, String outcome) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId);
    payload.put("note", note);
    payload.put("outcome", outcome);
    return mutation(TestNoteHandler.TYPE, payload);
  }

  /** A FOLLOW_UP_RECORD mutation of the form for the patient. */
  Map<String, Object> visit(Object patientId, Map<String, Object> form) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("patientId", patientId);
    payload.put("followUp", form);
    return mutation("FOLLOW_UP_RECORD", payload);
  }

  /** A mutation of any type with the next seq, a fresh mutation id, the user as author. */
  Map<String, Object> mutation(String type, Map<String, Object> payload) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mutationId", UUID.randomUUID().toString());
    m.put("deviceSeq", nextSeq++);
    m.put("hlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    m.put("authorId", userId.toString());
    m.put("type", type);
    m.put("schemaVersion", 1);
    m.put("createdAt", java.time.Instant.now().toString());
    m.put("payload", payload);
    return m;
  }

  /** Sets the seq the next built mutation gets (after a re-registration, say). */
  void nextSeq(long seq) {
    nextSeq = seq;
  }

  /** The cursor this device sends (null before the first pull). */
  Object cursor() {
    return cursor;
  }

  void cursor(Object cursor) {
    this.cursor = cursor;
  }

  /** A request body with the device's cursor and the mutations. */
  Map<String, Object> request(List<Map<String, Object>> mutations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deviceId", id.toString());
    body.put("cursor", cursor);
    body.put("schemaVersion", 1);
    body.put("appVersion", "0.3.0");
    body.put("clientHlc", Hlc.ofWallMillis(System.currentTimeMillis()));
    body.put("clientTime", java.time.Instant.now().toString());
    body.put("pendingCount", mutations.size());
    body.put("mutations", mutations);
    return body;
  }

  /** Sends the body as this device's user; the cursor is not updated. */
  TestApi.Response send(Map<String, Object> body) {
    return api.post(user, "/api/v1/sync", body);
  }

  /** Pushes the mutations (without pulling) and asserts 200. */
  TestApi.Response push(List<Map<String, Object>> mutations) {
    Map<String, Object> body = request(mutations);
    body.put("pullLimit", 0);
    TestApi.Response r = send(body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r;
  }

  /** Pulls one page with the limits and keeps the next cursor; asserts 200. */
  TestApi.Response pull(Integer limit, Integer maxBytes) {
    Map<String, Object> body = request(List.of());
    body.put("pullLimit", limit);
    body.put("pullMaxBytes", maxBytes);
    TestApi.Response r = send(body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    cursor = r.at("nextCursor");
    return r;
  }

  /** Pulls pages until {@code hasMore} is false and returns every change, in order. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> pullAll(Integer limit, Integer maxBytes) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int round = 0; round < 1000; round++) {
      TestApi.Response r = pull(limit, maxBytes);
      changes.addAll((List<Map<String, Object>>) r.at("changes"));
      if (!Boolean.TRUE.equals(r.at("hasMore"))) {
        return changes;
      }
    }
    throw new AssertionError("no end of the feed after 1000 pages");
  }
}
