package org.suifang.server.sync;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact form of a {@code FOLLOW_UP} change's data, for clients that ask for it with {@code
 * compactChanges: true} (docs/sync-protocol.md#change-types): the record as {@code GET
 * /api/v1/follow-ups/{id}} answers it, with the members whose value is null left out (at every
 * depth), each coded value as its code alone instead of a label object {@code {code, formCode,
 * labelZh, labelEn}}, and {@code effectiveClassification} left out (the client derives it from
 * {@code classificationOverride} and the assessment). A tablet holds the labels in its rule set, so
 * nothing it shows is lost; the page is about a third smaller before compression, which is what the
 * server writes, the tablet parses and {@code pullMaxBytes} counts.
 */
final class CompactFollowUp {

  /** Members holding a label object, or an array of them, replaced by the code(s). */
  private static final Set<String> CODED =
      Set.of(
          "symptoms",
          "reportedDangerSigns",
          "classificationOverride",
          "dangerSigns",
          "classification",
          "nextStep");

  private static final Set<String> LEFT_OUT = Set.of("effectiveClassification");

  private CompactFollowUp() {}

  /** The compact form of a follow-up's data (the REST view). */
  static JsonNode of(JsonNode view) {
    return compact(view, true);
  }

  private static JsonNode compact(JsonNode node, boolean top) {
    if (node.isObject()) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.entries()) {
        JsonNode value = e.getValue();
        if (value == null || value.isNull() || (top && LEFT_OUT.contains(e.getKey()))) {
          continue;
        }
        if (CODED.contains(e.getKey())) {
          value = codes(value);
        }
        out.put(e.getKey(), compact(value, false));
      }
      return JsonNode.createObjectNode(out);
    }
    if (node.isArray()) {
      List<JsonNode> out = new ArrayList<>(node.size());
      for (JsonNode item : node.values()) {
        out.add(compact(item, false));
      }
      return JsonNode.createArrayNode(out);
    }
    return node;
  }

  /** A label object as its code; an array of them as an array of codes; anything else as is. */
  private static JsonNode codes(JsonNode value) {
    if (value.isObject()) {
      JsonNode code = value.get("code");
      return code == null ? value : code;
    }
    if (value.isArray()) {
      List<JsonNode> out = new ArrayList<>(value.size());
      for (JsonNode item : value.values()) {
        out.add(codes(item));
      }
      return JsonNode.createArrayNode(out);
    }
    return value;
  }
}
