package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** What PostgreSQL cannot store in text or jsonb: the NUL character. Checked where input arrives. */
public final class StorableText {
  private StorableText() {}

  public static boolean storable(String s) {
    return s == null || s.indexOf('\u0000') < 0;
  }

  /** The path ({@code spec.dataSchema.dataSource}, {@code context["a"]}) of the first key or string holding a NUL, or null. */
  public static String nulPath(JsonNode node) {
    return find(node, "");
  }

  private static String find(JsonNode node, String path) {
    if (node.isTextual()) {
      return storable(node.asText()) ? null : path;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = find(node.get(i), path + "[" + i + "]");
        if (p != null) {
          return p;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = storable(e.getKey()) ? e.getKey() : e.getKey().replace("\u0000", "\\u0000");
        String p = path.isEmpty() ? key : path + "." + key;
        if (!storable(e.getKey())) {
          return p;
        }
        String inner = find(e.getValue(), p);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
