package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import java.util.Iterator;
import java.util.Map;

/** Reading payload fields; every error names the field's full path (e.g. {@code spec.ioConfig.inputSource}). */
final class SpecFields {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SpecFields() {}

  static ObjectNode requiredObject(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidTaskException("Missing required field [" + path + "]");
    }
    if (!v.isObject()) {
      throw new InvalidTaskException("Field [" + path + "] must be a JSON object");
    }
    return (ObjectNode) v;
  }

  /** The object, or an empty one when absent. */
  static ObjectNode optionalObject(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return JSON.objectNode();
    }
    if (!v.isObject()) {
      throw new InvalidTaskException("Field [" + path + "] must be a JSON object");
    }
    return (ObjectNode) v;
  }

  static String requiredText(ObjectNode parent, String field, String path) throws InvalidTaskException {
    String v = optionalText(parent, field, path, null);
    if (v == null) {
      throw new InvalidTaskException("Missing required field [" + path + "]");
    }
    return v;
  }

  static String optionalText(ObjectNode parent, String field, String path, String fallback)
      throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new InvalidTaskException("Field [" + path + "] must be a string, got " + v);
    }
    return v.asText();
  }

  static boolean optionalBoolean(ObjectNode parent, String field, String path, boolean fallback)
      throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw new InvalidTaskException("Field [" + path + "] must be true or false, got " + v);
  }

  static long optionalLong(ObjectNode parent, String field, String path, long fallback)
      throws InvalidTaskException {
    Long v = nullableLong(parent, field, path);
    return v == null ? fallback : v;
  }

  static Long nullableLong(ObjectNode parent, String field, String path) throws InvalidTaskException {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new InvalidTaskException("Field [" + path + "] must be an integer, got " + v);
  }

  static void putNullableLong(ObjectNode out, String field, Long value) {
    if (value == null) {
      out.putNull(field);
    } else {
      out.put(field, value);
    }
  }

  static JsonNode orDefault(ObjectNode in, String field, JsonNode fallback) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? fallback : v.deepCopy();
  }

  /** Appends the fields of {@code given} that {@code out} does not have yet (unknown fields are kept). */
  static void keepRest(ObjectNode out, ObjectNode given) {
    Iterator<Map.Entry<String, JsonNode>> it = given.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
  }

  /** Whole numbers that fit an int become int nodes, as when Druid's stored JSON is read back. */
  static ObjectNode compactNumbers(ObjectNode node) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      e.setValue(compact(e.getValue()));
    }
    return node;
  }

  private static JsonNode compact(JsonNode v) {
    if (v.isLong() && v.canConvertToInt()) {
      return JSON.numberNode(v.intValue());
    }
    if (v.isObject()) {
      return compactNumbers((ObjectNode) v);
    }
    if (v.isArray()) {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, compact(a.get(i)));
      }
    }
    return v;
  }
}
