package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.suifang.client.SuifangNetworkException;
import org.suifang.client.bench.PulledChanges;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.Answer;
import org.suifang.client.internal.net.ChangeWire;
import org.suifang.client.internal.net.SyncResponse;
import org.suifang.client.internal.sync.SyncEngine;

/**
 * The one-pass reader of sync answers ({@link AnswerReader}, through {@link SyncEngine#readAnswer})
 * against the general way it replaces (Gson's tree, {@code Answer.as}, {@link
 * ClientState#validate}): the same answer and records for the usual shape and for unusual ones, the
 * same error for malformed ones, the same state after applying, and the same state after a replay
 * of the journal, whether the journal holds the answer as received (now) or written again from its
 * parts (before).
 */
class AnswerReaderTest {
  private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");
  private static final UUID DEVICE = UUID.fromString("0190f5c4-0000-7000-8000-0000000000d1");

  private static JsonObject page;

  @BeforeAll
  static void generate() {
    page = PulledChanges.villages(7, 1).page(0, 300);
  }

  private static JsonObject page() {
    return page.deepCopy();
  }

  private static JsonArray changes(JsonObject answer) {
    return answer.getAsJsonArray("changes");
  }

  /** The first row of {@code type} in the answer. */
  private static JsonObject row(JsonObject answer, String type) {
    for (JsonElement e : changes(answer)) {
      if (type.equals(e.getAsJsonObject().get("type").getAsString())) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + type + " row");
  }

  private static JsonObject data(JsonObject answer, String type) {
    return row(answer, type).getAsJsonObject("data");
  }

  /** The general way, as the SDK read every answer before: tree, Gson, validate. */
  private static SyncResponse generalWay(String text) {
    SyncResponse r = Json.GSON.fromJson(JsonParser.parseString(text), SyncResponse.class);
    ClientState.validate(r);
    return r;
  }

  /** The answer and its rows' records, in one comparable text. */
  private static String describe(SyncResponse r) {
    JsonObject o = new JsonObject();
    o.add("results", Json.GSON.toJsonTree(r.results));
    o.addProperty("ackedThroughSeq", r.ackedThroughSeq);
    o.addProperty("expectedSeq", r.expectedSeq);
    o.addProperty("ackChangeSeq", r.ackChangeSeq);
    o.addProperty("resetRequired", r.resetRequired);
    o.add("nextCursor", r.nextCursor);
    o.addProperty("hasMore", r.hasMore);
    o.addProperty("serverHlc", r.serverHlc);
    o.add("serverTime", Json.GSON.toJsonTree(r.serverTime));
    if (r.changes != null) {
      JsonArray rows = new JsonArray();
      for (ChangeWire c : r.changes) {
        JsonObject row = new JsonObject();
        row.addProperty("seq", c.seq);
        row.addProperty("type", c.type);
        row.addProperty("id", String.valueOf(c.id));
        row.addProperty("class", c.parsed == null ? null : c.parsed.getClass().getSimpleName());
        row.add("parsed", c.parsed == null ? JsonNull.INSTANCE : Json.GSON.toJsonTree(c.parsed));
        rows.add(row);
      }
      o.add("changes", rows);
    }
    return o.toString();
  }

  private static String state(ClientState s) throws Exception {
    Field f = ClientState.class.getDeclaredField("d");
    f.setAccessible(true);
    return Json.GSON.toJson(f.get(s));
  }

  private static SyncResponse read(String text) throws SuifangNetworkException {
    return SyncEngine.readAnswer(Answer.ofText(200, text));
  }

  /** Asserts that the one-pass read gives what the general way gives. */
  private static void assertSameAsGeneralWay(String text) throws Exception {
    assertThat(describe(read(text))).isEqualTo(describe(generalWay(text)));
  }

  /** Asserts that the answer after {@code change} is refused as before, with the same message. */
  private static void assertRefusedAsBefore(String text, @Nullable String messagePart) {
    SuifangNetworkException now =
        catchThrowableOfType(SuifangNetworkException.class, () -> read(text));
    assertThat(now).as("refused: " + text).isNotNull();
    assertThat(now.code()).isEqualTo("BAD_RESPONSE");
    assertThat(now.httpStatus()).isEqualTo(200);
    String before;
    try {
      generalWay(text);
      before = null;
    } catch (RuntimeException e) {
      // JsonParseException for a bad row or answer; a NullPointerException for "null".
      before = e.getMessage();
    }
    if (messagePart != null) {
      assertThat(now.getMessage()).contains(messagePart);
      assertThat(before).contains(messagePart);
    }
    if (now.getMessage().contains("cannot be applied")) {
      assertThat(now.getMessage()).endsWith(before);
    } else {
      assertThat(now.getMessage()).contains("could not be read");
    }
  }

  private static String changed(Consumer<JsonObject> change) {
    JsonObject answer = page();
    change.accept(answer);
    return answer.toString();
  }

  // --- the usual answer ------------------------------------------------------------------------

  @Test
  void usualAnswer_readInOnePass_sameRecordsAsGeneralWay() throws Exception {
    String text = page.toString();
    SyncResponse r = AnswerReader.read(text);

    assertThat(r).isNotNull();
    assertThat(r.json).isSameAs(text);
    for (ChangeWire c : r.changes) {
      assertThat(c.data).isNull();
      assertThat(c.parsed).isNotNull();
    }
    assertThat(describe(r)).isEqualTo(describe(generalWay(text)));
  }

  @Test
  void usualAnswer_appliedAndReplayed_sameStateAsGeneralWay() throws Exception {
    List<byte[]> pages = PulledChanges.villages(11, 1).pages(200);
    ClientState live = ClientState.empty();
    ClientState before = ClientState.empty();
    ClientState replayedNew = ClientState.empty();
    ClientState replayedOld = ClientState.empty();
    long journalNew = 0;
    long journalOld = 0;
    for (byte[] p : pages) {
      String text = new String(p, java.nio.charset.StandardCharsets.UTF_8);
      Tx now = Tx.roundTrip(DEVICE, read(text), 1000, AT);
      Tx old = Tx.roundTrip(DEVICE, generalWay(text), 1000, AT);
      byte[] stored = ClientState.serialize(now);
      // The journal as the SDK wrote it before: the answer written again from its parts.
      byte[] storedBefore = Json.GSON.toJson(old).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      journalNew += stored.length;
      journalOld += storedBefore.length;
      live.apply(now);
      before.apply(old);
      replayedNew.apply(ClientState.deserialize(stored));
      replayedOld.apply(ClientState.deserialize(storedBefore));
    }
    assertThat(live.serverVisits()).isNotEmpty();
    assertThat(live.serverPatients()).isNotEmpty();
    assertThat(state(live)).isEqualTo(state(before));
    assertThat(state(replayedNew)).isEqualTo(state(before));
    assertThat(state(replayedOld)).isEqualTo(state(before));
    assertThat(live.snapshot()).isEqualTo(before.snapshot());
    assertThat(journalNew).isPositive();
    assertThat(journalOld).isPositive();
  }

  @Test
  void journalTransaction_holdsTheAnswerAsReceived() throws Exception {
    String text = changed(a -> a.addProperty("aNewerServersMember", 1));
    Tx tx = Tx.roundTrip(DEVICE, read(text), 1000, AT);

    String stored = new String(ClientState.serialize(tx), java.nio.charset.StandardCharsets.UTF_8);

    JsonObject o = JsonParser.parseString(stored).getAsJsonObject();
    assertThat(o.get("kind").getAsString()).isEqualTo("ROUND_TRIP");
    assertThat(o.get("response")).isEqualTo(JsonParser.parseString(text));
    assertThat(stored).contains(text);
  }

  // --- unusual but accepted: the same as the general way ----------------------------------------

  @Test
  void unknownMembers_everywhere_ignoredAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              a.addProperty("newEnvelopeMember", "x");
              row(a, "PATIENT").addProperty("newRowMember", true);
              data(a, "PATIENT").add("newPatientMember", new JsonArray());
              data(a, "FOLLOW_UP").addProperty("newVisitMember", 3);
              data(a, "FOLLOW_UP").getAsJsonObject("assessment").addProperty("newOne", "y");
            });
    assertThat(AnswerReader.read(text)).isNotNull();
    assertSameAsGeneralWay(text);
  }

  @Test
  void unknownChangeType_skippedAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              JsonObject row = new JsonObject();
              row.addProperty("seq", 1);
              row.addProperty("type", "PRESCRIPTION");
              row.addProperty("id", UUID.randomUUID().toString());
              row.addProperty("data", "not even an object");
              changes(a).add(row);
            });
    SyncResponse r = AnswerReader.read(text);
    assertThat(r).isNotNull();
    ChangeWire last = r.changes.get(r.changes.size() - 1);
    assertThat(last.type).isEqualTo("PRESCRIPTION");
    assertThat(last.parsed).isNull();
    assertSameAsGeneralWay(text);

    ClientState s = ClientState.empty();
    s.apply(Tx.roundTrip(DEVICE, r, 1000, AT));
    ClientState replayed = ClientState.empty();
    replayed.apply(
        ClientState.deserialize(ClientState.serialize(Tx.roundTrip(DEVICE, read(text), 1, AT))));
    assertThat(s.serverPatients()).hasSameSizeAs(replayed.serverPatients());
  }

  @Test
  void nulls_readAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              a.add("results", JsonNull.INSTANCE);
              a.add("nextCursor", JsonNull.INSTANCE);
              a.add("serverHlc", JsonNull.INSTANCE);
              a.add("resetRequired", JsonNull.INSTANCE);
              JsonObject v = data(a, "FOLLOW_UP");
              v.add("symptoms", JsonNull.INSTANCE);
              v.add("warnings", JsonNull.INSTANCE);
              v.add("voidedAt", JsonNull.INSTANCE);
              v.add("assessmentMismatch", JsonNull.INSTANCE);
              v.add("amendReason", JsonNull.INSTANCE);
              data(a, "PATIENT").add("phone", JsonNull.INSTANCE);
            });
    assertThat(AnswerReader.read(text)).isNotNull();
    assertSameAsGeneralWay(text);
  }

  @Test
  void followUpWithoutId_takesTheRowsIdAsBefore() throws Exception {
    String withoutId = changed(a -> data(a, "FOLLOW_UP").remove("id"));
    String nullId = changed(a -> data(a, "FOLLOW_UP").add("id", JsonNull.INSTANCE));
    for (String text : new String[] {withoutId, nullId}) {
      SyncResponse r = AnswerReader.read(text);
      assertThat(r).isNotNull();
      assertSameAsGeneralWay(text);
    }
  }

  @Test
  void labels_readAsTheirCodesAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              JsonObject v = data(a, "FOLLOW_UP");
              JsonArray symptoms = new JsonArray();
              symptoms.add(label("HEADACHE"));
              symptoms.add("DIZZINESS");
              v.add("symptoms", symptoms);
              JsonArray signs = new JsonArray();
              signs.add(label("CHEST_PAIN"));
              v.add("reportedDangerSigns", signs);
              v.add("classificationOverride", label("UNCONTROLLED"));
              v.addProperty("assessmentMismatch", "the tablet said otherwise");
              JsonObject assessment = v.getAsJsonObject("assessment");
              JsonArray found = new JsonArray();
              found.add(label("SYSTOLIC_AT_LEAST_180"));
              JsonObject nullCode = label("x");
              nullCode.add("code", JsonNull.INSTANCE);
              found.add(nullCode);
              found.add("DIASTOLIC_AT_LEAST_110");
              assessment.add("dangerSigns", found);
              assessment.addProperty("classification", "CONTROLLED");
              v.addProperty("amendReason", "typo");
            });
    SyncResponse r = AnswerReader.read(text);
    assertThat(r).isNotNull();
    assertSameAsGeneralWay(text);
    VisitData v = (VisitData) firstOf(r, "FOLLOW_UP").parsed;
    assertThat(v.form.symptoms()).containsExactly("HEADACHE", "DIZZINESS");
    assertThat(v.assessmentMismatch).isTrue();
    assertThat(v.amendReason).isEqualTo("typo");
    assertThat(v.assessment.dangerSigns).hasSize(3);
  }

  @Test
  void labelWithNullCode_readAsNullAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              JsonObject l = label("x");
              l.add("code", JsonNull.INSTANCE);
              data(a, "FOLLOW_UP").add("classificationOverride", l);
            });
    assertThat(AnswerReader.read(text)).isNotNull();
    assertSameAsGeneralWay(text);
  }

  @Test
  void conflictRow_readAsBefore() throws Exception {
    String text =
        changed(
            a -> {
              JsonObject row = new JsonObject();
              row.addProperty("seq", 99999);
              row.addProperty("type", "CONFLICT");
              row.addProperty("id", UUID.randomUUID().toString());
              JsonObject d = new JsonObject();
              d.addProperty("patientId", row(a, "PATIENT").get("id").getAsString());
              d.addProperty("field", "phone");
              JsonObject winner = new JsonObject();
              winner.addProperty("value", "13800000000");
              winner.addProperty("hlc", 5);
              d.add("winner", winner);
              d.add("loser", JsonNull.INSTANCE);
              d.addProperty("status", "OPEN");
              row.add("data", d);
              changes(a).add(row);
            });
    SyncResponse r = AnswerReader.read(text);
    assertThat(r).isNotNull();
    assertThat(firstOf(r, "CONFLICT").parsed).isInstanceOf(ConflictData.class);
    assertSameAsGeneralWay(text);
  }

  @Test
  void unusualShapes_readTheGeneralWay_sameAnswer() throws Exception {
    List<String> unusual = new ArrayList<>();
    // data before the row's type and id
    unusual.add(
        changed(
            a -> {
              JsonObject r = row(a, "FOLLOW_UP");
              JsonObject copy = new JsonObject();
              copy.add("data", r.get("data"));
              copy.add("seq", r.get("seq"));
              copy.add("type", r.get("type"));
              copy.add("id", r.get("id"));
              changes(a).set(1, copy);
            }));
    // a number as a string, lenient JSON, a label with a numeric code
    unusual.add(changed(a -> row(a, "PATIENT").addProperty("seq", "12")));
    unusual.add(page.toString().replaceFirst("\"hasMore\"", "hasMore"));
    unusual.add(
        changed(
            a -> {
              JsonObject l = new JsonObject();
              l.addProperty("code", 7);
              JsonArray symptoms = new JsonArray();
              symptoms.add(l);
              data(a, "FOLLOW_UP").add("symptoms", symptoms);
            }));
    for (String text : unusual) {
      assertThat(AnswerReader.read(text)).as(text.substring(0, 80)).isNull();
      assertSameAsGeneralWay(text);
    }
  }

  // --- malformed: refused as before, before anything is stored ---------------------------------

  @Test
  void malformedRows_refusedWithTheSameError() {
    assertRefusedAsBefore(changed(a -> row(a, "PATIENT").remove("id")), "no id or type");
    assertRefusedAsBefore(changed(a -> row(a, "FOLLOW_UP").remove("type")), "no id or type");
    assertRefusedAsBefore(
        changed(a -> row(a, "FOLLOW_UP").add("data", JsonNull.INSTANCE)), "no data object");
    assertRefusedAsBefore(changed(a -> row(a, "PATIENT").remove("data")), "no data object");
    assertRefusedAsBefore(
        changed(a -> data(a, "PATIENT").remove("name")),
        "a patient needs name, sex, birthDate and villageCode");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").remove("assessment")),
        "a follow-up needs disease, visitDate, mode, patientId and assessment");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").add("patientId", JsonNull.INSTANCE)),
        "a follow-up needs");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").addProperty("patientId", "not-a-uuid")), "not a UUID");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").addProperty("receivedAt", "yesterday")),
        "not an ISO instant");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").addProperty("visitDate", "someday")), "change seq");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").add("classificationOverride", new JsonObject())),
        "change seq");
    assertRefusedAsBefore(changed(a -> data(a, "PATIENT").addProperty("sex", 5)), null);
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").add("assessment", JsonNull.INSTANCE)),
        "a follow-up needs");
    assertRefusedAsBefore(
        changed(a -> data(a, "FOLLOW_UP").addProperty("assessment", "urgent")), "change seq");
    assertRefusedAsBefore(
        changed(
            a ->
                data(a, "FOLLOW_UP")
                    .getAsJsonObject("assessment")
                    .add("classification", new JsonObject())),
        "change seq");
  }

  @Test
  void malformedAnswer_refusedAsUnreadable() {
    String text = page.toString();
    assertRefusedAsBefore(text.substring(0, text.length() / 2), null);
    assertRefusedAsBefore(text + " {}", null);
    assertRefusedAsBefore("", null);
    assertRefusedAsBefore("null", null);
    assertRefusedAsBefore(changed(a -> a.add("hasMore", new JsonArray())), null);
    // A bad row before a syntax error: the answer is unreadable, as before.
    String badRowThenTruncated = changed(a -> data(a, "PATIENT").remove("name"));
    assertRefusedAsBefore(badRowThenTruncated.substring(0, badRowThenTruncated.length() - 2), null);
  }

  private static ChangeWire firstOf(SyncResponse r, String type) {
    for (ChangeWire c : r.changes) {
      if (type.equals(c.type)) {
        return c;
      }
    }
    throw new AssertionError("no " + type);
  }

  private static JsonObject label(String code) {
    JsonObject l = new JsonObject();
    l.addProperty("code", code);
    l.addProperty("formCode", 1);
    l.addProperty("labelZh", "标签");
    l.addProperty("labelEn", "Label");
    return l;
  }
}
