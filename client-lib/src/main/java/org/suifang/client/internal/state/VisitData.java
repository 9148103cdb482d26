package org.suifang.client.internal.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.FieldError;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.Json;

/**
 * A follow-up record: the form as stored and what the server (or, until its copy arrives, the
 * tablet) added to it. Treated as immutable once stored.
 */
public final class VisitData {
  @SerializedName("form")
  public @Nullable VisitForm form;

  @SerializedName("patientId")
  public @Nullable UUID patientId;

  @SerializedName("doctorId")
  public @Nullable UUID doctorId;

  @SerializedName("receivedAt")
  public @Nullable Instant receivedAt;

  @SerializedName("assessment")
  public @Nullable AssessmentData assessment;

  @SerializedName("warnings")
  public @Nullable List<FieldError> warnings;

  @SerializedName("amends")
  public @Nullable UUID amends;

  @SerializedName("amendReason")
  public @Nullable String amendReason;

  @SerializedName("voidedAt")
  public @Nullable Instant voidedAt;

  @SerializedName("voidedBy")
  public @Nullable UUID voidedBy;

  @SerializedName("voidReason")
  public @Nullable String voidReason;

  @SerializedName("assessmentMismatch")
  public boolean assessmentMismatch;

  /** Returns the record id (the form's). */
  public UUID id() {
    return requireForm().id();
  }

  /** Returns the form; a stored record always has one. */
  public VisitForm requireForm() {
    if (form == null || form.id() == null) {
      throw new IllegalStateException("follow-up without a form id");
    }
    return form;
  }

  /** Returns the visit date. */
  public LocalDate visitDate() {
    LocalDate d = requireForm().visitDate();
    if (d == null) {
      throw new IllegalStateException("follow-up without a visit date: " + id());
    }
    return d;
  }

  /** Returns a shallow copy; the parts are immutable. */
  public VisitData copy() {
    return Json.GSON.fromJson(Json.GSON.toJsonTree(this), VisitData.class);
  }

  /**
   * Reads the {@code data} of a {@code FOLLOW_UP} change row: the form fields at the top level,
   * plus the server's own fields. Coded values may come as names or as {@code {"code": …}} labels;
   * both are read. {@code data} is not changed.
   *
   * <p>Runs for every pulled follow-up (and again on every replay of the journal), so it reads the
   * tree once: the form and the assessment with Gson, the rest directly, and copies only the parts
   * whose labels it replaces.
   */
  public static VisitData fromWire(JsonObject data) {
    JsonObject d = data;
    if (hasLabels(d, "symptoms")
        || hasLabels(d, "reportedDangerSigns")
        || hasLabel(d, "classificationOverride")) {
      d = shallowCopy(d);
      codes(d, "symptoms");
      codes(d, "reportedDangerSigns");
      code(d, "classificationOverride");
    }
    VisitData v = new VisitData();
    v.form = Json.GSON.fromJson(d, VisitForm.class);
    v.patientId = Json.uuid(d.get("patientId"));
    v.doctorId = Json.uuid(d.get("doctorId"));
    v.receivedAt = Json.instant(d.get("receivedAt"));
    v.assessment = assessment(d.get("assessment"));
    v.amends = Json.uuid(d.get("amends"));
    v.amendReason = string(d, "amendReason");
    v.voidedAt = Json.instant(d.get("voidedAt"));
    v.voidedBy = Json.uuid(d.get("voidedBy"));
    v.voidReason = string(d, "voidReason");
    JsonElement mismatch = d.get("assessmentMismatch");
    v.assessmentMismatch = mismatch != null && !mismatch.isJsonNull();
    v.warnings = warnings(d.get("warnings"));
    return v;
  }

  /** Reads the {@code assessment} of a {@code FOLLOW_UP} row's data, its labels as their codes. */
  @Nullable
  static AssessmentData assessment(@Nullable JsonElement a) {
    if (a != null && a.isJsonObject()) {
      JsonObject assessment = shallowCopy(a.getAsJsonObject());
      codes(assessment, "dangerSigns");
      code(assessment, "classification");
      code(assessment, "nextStep");
      a = assessment;
    }
    return Json.GSON.fromJson(a, AssessmentData.class);
  }

  /** Reads the {@code warnings} of a {@code FOLLOW_UP} row's data; null unless an array. */
  @Nullable
  static List<FieldError> warnings(@Nullable JsonElement w) {
    if (w == null || !w.isJsonArray()) {
      return null;
    }
    return w.getAsJsonArray().size() == 0
        ? new ArrayList<FieldError>()
        : Json.GSON.<List<FieldError>>fromJson(
            w, new com.google.gson.reflect.TypeToken<List<FieldError>>() {}.getType());
  }

  private static JsonObject shallowCopy(JsonObject o) {
    JsonObject copy = new JsonObject();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      copy.add(e.getKey(), e.getValue());
    }
    return copy;
  }

  private static boolean hasLabel(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonObject();
  }

  private static boolean hasLabels(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonArray()) {
      return false;
    }
    for (JsonElement item : e.getAsJsonArray()) {
      if (item.isJsonObject()) {
        return true;
      }
    }
    return false;
  }

  @Nullable
  private static String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** Replaces a label object {@code {"code": X, …}} by {@code X}. */
  private static void code(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e != null && e.isJsonObject() && e.getAsJsonObject().has("code")) {
      o.add(name, e.getAsJsonObject().get("code"));
    }
  }

  private static void codes(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonArray()) {
      return;
    }
    JsonArray out = new JsonArray();
    for (JsonElement item : e.getAsJsonArray()) {
      if (item.isJsonObject() && item.getAsJsonObject().has("code")) {
        out.add(item.getAsJsonObject().get("code"));
      } else {
        out.add(item);
      }
    }
    o.add(name, out);
  }
}
