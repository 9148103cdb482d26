package org.suifang.client.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suifang.client.internal.Json;

/**
 * A FOLLOW_UP change reads the same in both forms the server sends (docs/sync-protocol.md, "Compact
 * form"): the full REST view, and the compact one (nulls left out, coded values as codes, no
 * effectiveClassification) that the SDK asks for.
 */
class VisitDataWireTest {

  /** A full follow-up as the server's change feed delivered it (WireBenchmark, 2026-11-22). */
  private static final String FULL =
      "{\"id\":\"01a20499-123a-7edb-9aa6-2a9f016bad0d\",\"patientId\":\"01a20498-e32d-7"
          + "6dc-ac75-678dfbb6a836\",\"disease\":\"HYPERTENSION\",\"encounterId\":null,\"visi"
          + "tDate\":\"2021-11-21\",\"mode\":\"CLINIC\",\"faceToFace\":true,\"symptoms\":[{\""
          + "code\":\"NONE\",\"formCode\":1,\"labelZh\":\"无症状\",\"labelEn\":\"No symptoms\"}]"
          + ",\"otherSymptoms\":null,\"systolic\":142,\"diastolic\":93,\"heartRate\":64,\"tem"
          + "perature\":null,\"weightKg\":74.3,\"targetWeightKg\":72.3,\"bmi\":27.0,\"targetB"
          + "mi\":26.2,\"otherSigns\":null,\"dorsalisPedis\":null,\"dorsalisPedisSide\":null,"
          + "\"smokingPerDay\":0,\"targetSmokingPerDay\":0,\"drinkingLiangPerDay\":0.0,\"targ"
          + "etDrinkingLiangPerDay\":0.0,\"exerciseTimesPerWeek\":7,\"exerciseMinutesPerTime\":20,\"targetExerciseTimesPerWeek\":5,\"targetExerciseMinutesPerTime\":30,\"salt"
          + "Intake\":\"MODERATE\",\"targetSaltIntake\":\"LIGHT\",\"stapleFoodGramsPerDay\":n"
          + "ull,\"targetStapleFoodGramsPerDay\":null,\"psychologicalAdjustment\":\"GOOD\",\""
          + "compliance\":\"FAIR\",\"ancillaryTests\":null,\"fastingGlucose\":null,\"glucoseS"
          + "pecimen\":null,\"hba1c\":null,\"hba1cTestDate\":null,\"medicationAdherence\":\"R"
          + "EGULAR\",\"adverseReaction\":false,\"adverseReactionDescription\":null,\"adverse"
          + "ReactionHardToControl\":false,\"newOrWorseComplication\":false,\"complicationDes"
          + "cription\":null,\"hypoglycaemia\":null,\"medications\":[{\"drugName\":\"苯磺酸氨氯地平片"
          + "\",\"timesPerDay\":2,\"mgPerDose\":5.00,\"insulinType\":null,\"insulinDosage\":n"
          + "ull},{\"drugName\":\"硝苯地平缓释片\",\"timesPerDay\":2,\"mgPerDose\":20.00,\"insulinTy"
          + "pe\":null,\"insulinDosage\":null}],\"medicationAdjustments\":[],\"referral\":nul"
          + "l,\"previousReferralOutcome\":null,\"reportedDangerSigns\":[],\"pregnantOrBreast"
          + "feeding\":false,\"annualCheck\":false,\"assessment\":{\"ruleSetId\":\"bphs-2017\",\"ageAtVisit\":74,\"dangerSigns\":[],\"urgentReferral\":false,\"classification"
          + "\":{\"code\":\"UNCONTROLLED\",\"formCode\":2,\"labelZh\":\"控制不满意\",\"labelEn\":\"Uncontrolled\"},\"nextStep\":{\"code\":\"FIRST_UNCONTROLLED_RECHECK\",\"formCod"
          + "e\":2,\"labelZh\":\"第1次控制不满意2周随访\",\"labelEn\":\"First uncontrolled: 2-week foll"
          + "ow-up\"},\"recommendedActionZh\":\"第一次出现血压控制不满意，结合服药依从性，必要时增加现用药物剂量、更换或增加不同类的降压药"
          + "物，2周内随访\",\"recommendedActionEn\":\"Blood pressure uncontrolled for the first ti"
          + "me: considering adherence, increase the dose, switch, or add another class of an"
          + "tihypertensive drug if needed; follow up within 2 weeks\",\"nextDueDate\":\"2021"
          + "-12-05\",\"bphsControlled\":false,\"clinicalTargetMet\":null},\"classificationOv"
          + "erride\":null,\"overrideReason\":null,\"effectiveClassification\":{\"code\":\"UN"
          + "CONTROLLED\",\"formCode\":2,\"labelZh\":\"控制不满意\",\"labelEn\":\"Uncontrolled\"},"
          + "\"nextVisitDate\":\"2021-12-05\",\"remarks\":null,\"warnings\":[],\"doctorId\":\"68fd7a29-4799-4714-9319-9838564ba3b9\",\"doctorName\":\"张医生\",\"recordedAt\":\""
          + "2026-11-22T18:51:10.266276Z\",\"receivedAt\":\"2026-11-22T18:51:10.401190Z\",\"s"
          + "tate\":\"CURRENT\",\"amends\":null,\"amendReason\":null,\"supersededBy\":null,\""
          + "voidedAt\":null,\"voidedBy\":null,\"voidReason\":null,\"assessmentMismatch\":nul"
          + "l,\"clockSuspect\":false,\"version\":0}";

  @Test
  void fromWire_compactForm_readsAsTheFullForm() {
    JsonObject full = JsonParser.parseString(FULL).getAsJsonObject();
    JsonObject compact = compact(full);
    compact.remove("effectiveClassification");
    assertThat(compact.toString()).doesNotContain("null").doesNotContain("labelZh");

    VisitData fromFull = VisitData.fromWire(full);
    VisitData fromCompact = VisitData.fromWire(compact);

    assertThat(Json.GSON.toJsonTree(fromCompact)).isEqualTo(Json.GSON.toJsonTree(fromFull));
    assertThat(fromCompact.form.symptoms()).containsExactly("NONE");
    assertThat(fromCompact.assessment.classification).isNotNull();
    assertThat(fromCompact.assessment.recommendedActionZh).isNotEmpty();
    assertThat(fromCompact.amends).isNull();
    assertThat(fromCompact.assessmentMismatch).isFalse();
  }

  /** Nulls left out at every depth, label objects as their codes. */
  private static JsonObject compact(JsonObject o) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonNull()) {
        continue;
      }
      if (v.isJsonObject() && v.getAsJsonObject().has("labelZh")) {
        out.add(e.getKey(), v.getAsJsonObject().get("code"));
      } else if (v.isJsonObject()) {
        out.add(e.getKey(), compact(v.getAsJsonObject()));
      } else if (v.isJsonArray()) {
        JsonArray a = new JsonArray();
        for (JsonElement item : v.getAsJsonArray()) {
          if (item.isJsonObject() && item.getAsJsonObject().has("labelZh")) {
            a.add(item.getAsJsonObject().get("code"));
          } else {
            a.add(item.isJsonObject() ? compact(item.getAsJsonObject()) : item);
          }
        }
        out.add(e.getKey(), a);
      } else {
        out.add(e.getKey(), v);
      }
    }
    return out;
  }
}
