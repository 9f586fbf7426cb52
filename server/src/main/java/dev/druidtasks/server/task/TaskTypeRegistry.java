package dev.druidtasks.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The task types this server knows, bound by one configured mapper: a payload's {@code type} picks
 * the subtype, whose constructors validate it and fill Druid's defaults, so it is read once.
 */
public final class TaskTypeRegistry {
  /** Tasks carry their own annotations: any mapper writes the same payload. */
  private static final ObjectMapper WRITER = new ObjectMapper();

  private final Map<String, TaskType> types = new LinkedHashMap<>();
  private final ObjectReader reader;

  public TaskTypeRegistry(Clock clock, TaskType... types) {
    InjectableValues.Std injectables = new InjectableValues.Std().addValue(Clock.class, clock);
    ObjectMapper mapper = JsonMapper.builder()
        // unknown fields are kept by each record's any-setter; elsewhere Druid ignores them too
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();
    for (TaskType t : types) {
      if (this.types.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("task type [" + t.name() + "] registered twice");
      }
      mapper.registerSubtypes(new NamedType(t.taskClass(), t.name()));
      t.injectables().forEach(injectables::addValue);
    }
    this.reader = mapper.readerFor(Task.class).with(injectables);
  }

  public Set<String> names() {
    return types.keySet();
  }

  /** Reads a submitted payload (not modified): checks it, generates an id when absent, fills defaults. */
  public Task read(ObjectNode submitted) throws InvalidTaskException {
    String nul = StorableText.nulPath(submitted);
    if (nul != null) {
      throw new InvalidTaskException("Field [" + nul + "] holds a NUL character (\\u0000), which cannot be stored");
    }
    try {
      return reader.readValue(submitted);
    } catch (JsonMappingException e) {
      throw new InvalidTaskException(BindingErrors.message(e, names()));
    } catch (java.io.IOException e) {
      throw new InvalidTaskException("Task cannot be read: " + e.getMessage());
    }
  }

  /** Reads a stored payload back into its task. */
  public Task read(String storedPayload) throws InvalidTaskException {
    try {
      return reader.readValue(storedPayload);
    } catch (JsonMappingException e) {
      throw new InvalidTaskException(BindingErrors.message(e, names()));
    } catch (JsonProcessingException e) {
      throw new InvalidTaskException("Stored task cannot be read: " + e.getOriginalMessage());
    }
  }

  static ObjectNode payloadOf(Task task) {
    try {
      return (ObjectNode) WRITER.readTree(WRITER.writeValueAsString(task));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task " + task.id() + " cannot be written", e);
    }
  }
}
