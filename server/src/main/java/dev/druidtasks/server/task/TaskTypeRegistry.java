package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The task types this server knows; a payload's {@code type} picks one. */
public final class TaskTypeRegistry {
  private final Map<String, TaskType> types = new LinkedHashMap<>();
  private final Clock clock;

  public TaskTypeRegistry(Clock clock, TaskType... types) {
    this.clock = clock;
    for (TaskType t : types) {
      if (this.types.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("task type [" + t.name() + "] registered twice");
      }
    }
  }

  public Set<String> names() {
    return types.keySet();
  }

  /**
   * Reads a submitted payload: checks its type and id (generating one when absent) and lets the
   * type fill its defaults. The payload is not modified; the task carries its own copy.
   */
  public Task read(ObjectNode submitted) throws InvalidTaskException {
    ObjectNode payload = submitted.deepCopy();
    String nul = StorableText.nulPath(payload);
    if (nul != null) {
      throw new InvalidTaskException("Field [" + nul + "] holds a NUL character (\\u0000), which cannot be stored");
    }
    JsonNode typeNode = payload.get("type");
    if (typeNode == null || typeNode.isNull()) {
      throw new InvalidTaskException("Could not resolve the task's subtype: missing type id property 'type'"
          + " (one of " + types.keySet() + ")");
    }
    if (!typeNode.isTextual()) {
      throw new InvalidTaskException("Task field [type] must be a string, got " + typeNode.getNodeType());
    }
    TaskType type = types.get(typeNode.asText());
    if (type == null) {
      throw new InvalidTaskException("Could not resolve type id '" + typeNode.asText()
          + "': this server runs task types " + types.keySet());
    }
    // Generated ids are made of it, and it is stored as Druid's metadata stores it.
    TaskIds.validateDataSource(type.dataSourceOf(payload), type.dataSourceField());
    JsonNode idNode = payload.get("id");
    if (idNode == null || idNode.isNull()) {
      payload.put("id", type.generateId(payload, clock.instant()));
    } else if (!idNode.isTextual()) {
      throw new InvalidTaskException("Task field [id] must be a string, got " + idNode.getNodeType());
    } else {
      TaskIds.validate(idNode.asText());
    }
    return type.read(payload);
  }
}
