package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading fields of a payload with clear errors, and the defaults every Druid task gets. */
public final class TaskPayloads {
  private TaskPayloads() {}

  /**
   * Fills what Druid adds to every stored task: {@code groupId} (the id), {@code resource}, and the
   * two context flags of the doc's sample. Explicit values win.
   */
  public static void fillCommonDefaults(ObjectNode payload) throws InvalidTaskException {
    String id = payload.get("id").asText();
    if (!payload.hasNonNull("groupId")) {
      payload.put("groupId", id);
    } else if (!payload.get("groupId").isTextual()) {
      throw new InvalidTaskException("Task field [groupId] must be a string");
    } else {
      TaskIds.validate(payload.get("groupId").asText());
    }
    if (!payload.hasNonNull("resource")) {
      ObjectNode resource = payload.putObject("resource");
      resource.put("availabilityGroup", id);
      resource.put("requiredCapacity", 1);
    }
    JsonNode context = payload.get("context");
    if (context == null || context.isNull()) {
      context = payload.putObject("context");
    } else if (!context.isObject()) {
      throw new InvalidTaskException("Task field [context] must be a JSON object");
    }
    ObjectNode ctx = (ObjectNode) context;
    if (!ctx.has("forceTimeChunkLock")) {
      ctx.put("forceTimeChunkLock", true);
    }
    if (!ctx.has("useLineageBasedSegmentAllocation")) {
      ctx.put("useLineageBasedSegmentAllocation", true);
    }
  }

  /** An optional string field; a non-string value is an error that names the field. */
  public static String optionalText(ObjectNode node, String field, String fallback) throws InvalidTaskException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new InvalidTaskException("Field [" + field + "] must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  /** An optional whole-number field. */
  public static long optionalLong(ObjectNode node, String field, long fallback) throws InvalidTaskException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new InvalidTaskException("Field [" + field + "] must be an integer, got " + v);
    }
    return v.asLong();
  }
}
