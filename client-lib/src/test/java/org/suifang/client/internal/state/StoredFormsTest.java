package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.ChangeWire;
import org.suifang.client.internal.net.SyncResponse;
import org.suifang.rules.Classification;
import org.suifang.rules.Disease;
import org.suifang.rules.VisitMode;

/**
 * How follow-ups are stored and read: forms, records and assessments are written without their null
 * fields and read back equal; payload trees keep their explicit nulls; a pulled row is read once.
 */
class StoredFormsTest {
  private static final UUID ID = UUID.fromString("0190f5d0-0000-7000-8000-000000000001");
  private static final UUID PATIENT = UUID.fromString("0190f5c4-0000-7000-8000-000000000002");

  private static VisitForm form() {
    return VisitForm.newBuilder()
        .id(ID)
        .disease(Disease.HYPERTENSION)
        .visitDate(LocalDate.of(2026, 11, 20))
        .mode(VisitMode.CLINIC)
        .bloodPressure(150, 95)
        .weightKg(new BigDecimal("70.5"))
        .build();
  }

  @Test
  void visitRecord_writtenWithoutNulls_readsBackTheSame() {
    VisitData v = new VisitData();
    v.form = form();
    v.patientId = PATIENT;
    v.assessment = new AssessmentData();
    v.assessment.classification = Classification.UNCONTROLLED;

    String json = Json.GSON.toJson(v);

    assertThat(json).doesNotContain("null").contains("\"systolic\":150");
    VisitData back = Json.GSON.fromJson(json, VisitData.class);
    assertThat(Json.GSON.toJson(back)).isEqualTo(json);
    assertThat(back.form).isEqualTo(v.form);
    assertThat(back.amends).isNull();
    assertThat(back.form.temperature()).isNull();
    assertThat(back.assessment.classification).isEqualTo(Classification.UNCONTROLLED);
  }

  @Test
  void payloadTree_keepsItsExplicitNulls() {
    JsonObject payload =
        JsonParser.parseString("{\"phone\":null,\"name\":\"王建国\"}").getAsJsonObject();
    JsonObject envelope = new JsonObject();
    envelope.add("payload", payload);

    assertThat(Json.GSON.toJson(envelope))
        .isEqualTo("{\"payload\":{\"phone\":null,\"name\":\"王建国\"}}");
  }

  @Test
  void fromWire_readsLabelsAndLeavesTheRowUnchanged() {
    JsonObject data = Json.GSON.toJsonTree(form()).getAsJsonObject();
    data.add(
        "symptoms",
        JsonParser.parseString("[{\"code\":\"NONE\",\"labelZh\":\"无症状\"}]").getAsJsonArray());
    data.addProperty("patientId", PATIENT.toString());
    data.addProperty("receivedAt", "2026-11-20T10:12:44+08:00");
    data.add(
        "assessment",
        JsonParser.parseString(
                "{\"ruleSetId\":\"bphs-2017\",\"classification\":{\"code\":\"UNCONTROLLED\","
                    + "\"formCode\":2},\"dangerSigns\":[{\"code\":\"BLOOD_PRESSURE_VERY_HIGH\"}]}")
            .getAsJsonObject());
    data.add("warnings", JsonParser.parseString("[]"));
    String before = data.toString();

    VisitData v = VisitData.fromWire(data);

    assertThat(data.toString()).isEqualTo(before);
    assertThat(v.id()).isEqualTo(ID);
    assertThat(v.requireForm().symptoms()).containsExactly("NONE");
    assertThat(v.patientId).isEqualTo(PATIENT);
    assertThat(v.receivedAt).isEqualTo(Instant.parse("2026-11-20T02:12:44Z"));
    assertThat(v.assessment.classification).isEqualTo(Classification.UNCONTROLLED);
    assertThat(v.assessment.dangerSigns).hasSize(1);
    assertThat(v.warnings).isEmpty();
  }

  @Test
  void fromWire_badUuidOrInstant_isAParseError() {
    JsonObject data = Json.GSON.toJsonTree(form()).getAsJsonObject();
    data.addProperty("patientId", "not-a-uuid");
    assertThatThrownBy(() -> VisitData.fromWire(data)).isInstanceOf(JsonParseException.class);

    data.addProperty("patientId", PATIENT.toString());
    data.add("receivedAt", new JsonObject());
    assertThatThrownBy(() -> VisitData.fromWire(data)).isInstanceOf(JsonParseException.class);
  }

  @Test
  void validatedRow_isAppliedFromWhatValidateRead_andReplayReadsTheData() {
    JsonObject data = Json.GSON.toJsonTree(form()).getAsJsonObject();
    data.addProperty("patientId", PATIENT.toString());
    data.add(
        "assessment",
        JsonParser.parseString("{\"classification\":\"CONTROLLED\"}").getAsJsonObject());
    ChangeWire c = new ChangeWire();
    c.seq = 1;
    c.type = "FOLLOW_UP";
    c.id = ID;
    c.data = data;
    SyncResponse r = new SyncResponse();
    r.changes = java.util.Collections.singletonList(c);
    ClientState.validate(r);
    Object parsed = c.parsed;
    assertThat(parsed).isInstanceOf(VisitData.class);
    Tx tx = Tx.roundTrip(UUID.randomUUID(), r, 0, Instant.parse("2026-11-20T02:00:00Z"));
    byte[] stored = ClientState.serialize(tx);
    assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("parsed");

    ClientState live = ClientState.empty();
    live.apply(tx);
    ClientState replayed = ClientState.empty();
    replayed.apply(ClientState.deserialize(stored));

    assertThat(live.serverVisits().get(ID)).isSameAs(parsed);
    assertThat(c.parsed).isNull();
    assertThat(Json.GSON.toJson(replayed.serverVisits().get(ID)))
        .isEqualTo(Json.GSON.toJson(live.serverVisits().get(ID)));
    assertThat(replayed.snapshot()).isEqualTo(live.snapshot());
  }
}
