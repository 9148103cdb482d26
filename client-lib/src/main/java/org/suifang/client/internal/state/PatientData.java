package org.suifang.client.internal.state;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.PatientStatus;
import org.suifang.client.internal.FieldVersion;
import org.suifang.client.internal.Json;
import org.suifang.rules.Sex;

/**
 * A patient as the {@code PATIENT} change row carries it (docs/sync-protocol.md, "Change types"),
 * with a version per field. Also the shape of a patient made or edited on the device. Treated as
 * immutable once stored: changes go through {@link #copy()}.
 */
public final class PatientData {

  /** The fields of a {@code PATIENT_UPDATE}, each a last-writer-wins register. */
  public static final String[] FIELDS = {
    "name",
    "sex",
    "birthDate",
    "residentId",
    "phone",
    "villageCode",
    "address",
    "healthRecordNumber",
    "heightCm",
    "hypertensionDiagnosedOn",
    "diabetesDiagnosedOn",
    "status"
  };

  @SerializedName("id")
  public @Nullable UUID id;

  @SerializedName("name")
  public @Nullable String name;

  @SerializedName("sex")
  public @Nullable Sex sex;

  @SerializedName("birthDate")
  public @Nullable LocalDate birthDate;

  @SerializedName("residentId")
  public @Nullable String residentId;

  @SerializedName("phone")
  public @Nullable String phone;

  @SerializedName("villageCode")
  public @Nullable String villageCode;

  @SerializedName("countyCode")
  public @Nullable String countyCode;

  @SerializedName("address")
  public @Nullable String address;

  @SerializedName("healthRecordNumber")
  public @Nullable String healthRecordNumber;

  @SerializedName("heightCm")
  public @Nullable BigDecimal heightCm;

  @SerializedName("hypertensionDiagnosedOn")
  public @Nullable LocalDate hypertensionDiagnosedOn;

  @SerializedName("diabetesDiagnosedOn")
  public @Nullable LocalDate diabetesDiagnosedOn;

  @SerializedName("status")
  public @Nullable PatientStatus status;

  @SerializedName("createdBy")
  public @Nullable UUID createdBy;

  @SerializedName("createdAt")
  public @Nullable Instant createdAt;

  @SerializedName("updatedAt")
  public @Nullable Instant updatedAt;

  @SerializedName("versions")
  public @Nullable Map<String, FieldVersion> versions;

  @SerializedName("inScope")
  public @Nullable Boolean inScope;

  /**
   * The survivor this patient was merged into by a supervisor; null for a patient that stands. A
   * merged patient is removed from the device and its id redirects to the survivor.
   */
  @SerializedName("mergedInto")
  public @Nullable UUID mergedInto;

  /** Returns a deep copy. */
  public PatientData copy() {
    return Json.GSON.fromJson(Json.GSON.toJsonTree(this), PatientData.class);
  }

  /** Returns the version of {@code field}, or null if it has none. */
  @Nullable
  public FieldVersion version(String field) {
    return versions == null ? null : versions.get(field);
  }

  /**
   * Returns a copy with the given field values (JSON, as in a {@code PATIENT_UPDATE}) set and their
   * versions set to {@code version}.
   */
  public PatientData withFields(JsonObject fields, FieldVersion version) {
    JsonObject tree = Json.GSON.toJsonTree(this).getAsJsonObject();
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      tree.add(e.getKey(), e.getValue());
    }
    PatientData out = Json.GSON.fromJson(tree, PatientData.class);
    Map<String, FieldVersion> v =
        out.versions == null ? new LinkedHashMap<String, FieldVersion>() : out.versions;
    for (String field : fields.keySet()) {
      v.put(field, version);
    }
    out.versions = v;
    return out;
  }
}
