package org.suifang.server.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.suifang.rules.Classification;
import org.suifang.rules.Sex;
import org.suifang.server.regions.RegionService;
import org.suifang.server.regions.RegionView;
import org.suifang.server.review.ReviewViews.Coded;
import org.suifang.server.review.ReviewViews.Text;

/**
 * Makes stored values readable: field names, coded values (sex, management status, termination
 * reason, village, classification) in Chinese and English, and conflict values from their JSON
 * text.
 */
@Singleton
class ReviewLabels {

  private static final Map<String, Text> FIELDS =
      Map.ofEntries(
          Map.entry("name", new Text("姓名", "Name")),
          Map.entry("sex", new Text("性别", "Sex")),
          Map.entry("birthDate", new Text("出生日期", "Date of birth")),
          Map.entry("residentId", new Text("身份证号", "Resident ID number")),
          Map.entry("phone", new Text("联系电话", "Phone")),
          Map.entry("villageCode", new Text("所属村", "Village")),
          Map.entry("address", new Text("住址", "Address")),
          Map.entry("healthRecordNumber", new Text("健康档案编号", "Health-record number")),
          Map.entry("heightCm", new Text("身高（cm）", "Height (cm)")),
          Map.entry("hypertensionDiagnosedOn", new Text("高血压确诊日期", "Hypertension diagnosed on")),
          Map.entry("diabetesDiagnosedOn", new Text("糖尿病确诊日期", "Diabetes diagnosed on")),
          Map.entry("status", new Text("管理状态", "Management status")));
  private static final Map<String, Text> STATUSES =
      Map.of(
          "ACTIVE", new Text("管理中", "Under management"),
          "LOST_TO_FOLLOW_UP", new Text("暂时失访", "Temporarily lost to follow-up"),
          "TERMINATED", new Text("终止管理", "Management ended"));
  private static final Map<String, Text> REASONS =
      Map.of(
          "DEATH", new Text("死亡", "died"),
          "MOVED_OUT", new Text("迁出", "moved out"),
          "REFUSED", new Text("拒绝", "refused"));
  private static final Map<String, Text> CANDIDATE_REASONS =
      Map.of(
          "RESIDENT_ID",
          new Text("身份证号相同", "Same resident ID number"),
          "NAME_BIRTH_DATE_VILLAGE",
          new Text("同村同名且出生日期相同", "Same name, date of birth and village"));
  private static final Text EMPTY = new Text("（空）", "(empty)");
  private static final Pattern JSON_SCALAR =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null");

  private final RegionService regions;
  private final JsonMapper json;

  ReviewLabels(RegionService regions, JsonMapper json) {
    this.regions = regions;
    this.json = json;
  }

  Text field(String field) {
    return FIELDS.getOrDefault(field, new Text(field, field));
  }

  Text sex(@Nullable String sex) {
    if (sex == null) {
      return EMPTY;
    }
    try {
      Sex s = Sex.valueOf(sex);
      return new Text(s.labelZh(), s.labelEn());
    } catch (IllegalArgumentException e) {
      return new Text(sex, sex); // a code of a newer version: shown as it is
    }
  }

  Text status(String status, @Nullable String reason) {
    Text s = STATUSES.getOrDefault(status, new Text(status, status));
    if (reason == null) {
      return s;
    }
    Text r = REASONS.getOrDefault(reason, new Text(reason, reason));
    return new Text(s.zh() + "（" + r.zh() + "）", s.en() + " (" + r.en() + ")");
  }

  Text candidateReason(String reason) {
    return CANDIDATE_REASONS.getOrDefault(reason, new Text(reason, reason));
  }

  @Nullable
  String villageName(String code) {
    return regions.find(code).map(RegionView::name).orElse(null);
  }

  @Nullable
  Coded classification(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      Classification c = Classification.valueOf(name);
      return new Coded(c.name(), c.labelZh(), c.labelEn());
    } catch (IllegalArgumentException e) {
      return new Coded(name, name, name);
    }
  }

  /**
   * A stored conflict value as JSON: the handlers store JSON text, which is parsed; other text is a
   * JSON string; SQL null is JSON null (the same reading as the change feed).
   */
  JsonNode value(@Nullable String stored) {
    if (stored == null) {
      return JsonNode.nullNode();
    }
    String text = stored.strip();
    if (text.startsWith("{")
        || text.startsWith("[")
        || text.startsWith("\"")
        || JSON_SCALAR.matcher(text).matches()) {
      try {
        return json.readValue(text, JsonNode.class);
      } catch (IOException e) {
        return JsonNode.createStringNode(stored); // text that only looked like JSON
      }
    }
    return JsonNode.createStringNode(stored);
  }

  /** The value of a patient field as people read it. */
  Text valueText(String field, JsonNode value) {
    if (value == null || value.isNull()) {
      return switch (field) {
        case "hypertensionDiagnosedOn", "diabetesDiagnosedOn" -> new Text("未管理", "not managed");
        default -> EMPTY;
      };
    }
    switch (field) {
      case "sex":
        return sex(value.isString() ? value.getStringValue() : value.toString());
      case "villageCode":
        {
          String code = value.isString() ? value.getStringValue() : value.toString();
          String name = villageName(code);
          return name == null
              ? new Text(code, code)
              : new Text(name + "（" + code + "）", name + " (" + code + ")");
        }
      case "status":
        {
          if (!value.isObject()) {
            break;
          }
          String status = string(value.get("status"));
          Text label = status(status == null ? "?" : status, string(value.get("reason")));
          String date = string(value.get("date"));
          String note = string(value.get("note"));
          String zh =
              label.zh() + (date == null ? "" : "，" + date) + (note == null ? "" : "，" + note);
          String en =
              label.en() + (date == null ? "" : ", " + date) + (note == null ? "" : ", " + note);
          return new Text(zh, en);
        }
      default:
        break;
    }
    String text = string(value);
    return new Text(text, text);
  }

  @Nullable
  private static String string(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.getStringValue();
    }
    if (node.isNumber()) {
      return node.getNumberValue().toString();
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.getBooleanValue());
    }
    return node.toString();
  }
}
