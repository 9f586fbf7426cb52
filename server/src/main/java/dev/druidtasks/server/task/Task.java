package dev.druidtasks.server.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task accepted for running, bound from its JSON by {@link TaskTypeRegistry}: its serialisation is
 * the payload stored and served by {@code GET /task/{id}}, with Druid's defaults. Each task type is
 * a subtype named by {@code type}, which it writes itself (one class may serve several names).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
    visible = true)
public interface Task {
  String type();

  String id();

  /** Defaulted to the id. */
  String groupId();

  String dataSource();

  /** With Druid's two lock flags added; {@code priority} in it overrides the type's lock priority. */
  Map<String, Object> context();

  /** Druid's lock priority: the context's {@code priority}, else {@link #defaultPriority}. */
  @JsonIgnore
  default int priority() {
    return context().get("priority") instanceof Number n ? n.intValue() : defaultPriority();
  }

  /** Druid's defaults: 50 for batch ingestion, 25 for compaction, 0 for the rest. */
  @JsonIgnore
  default int defaultPriority() {
    return 0;
  }

  /** The payload as a JSON tree, numbers as they read back from the stored text. */
  default ObjectNode payload() {
    return TaskTypeRegistry.payloadOf(this);
  }

  /**
   * Time chunks the task must hold exclusively before it may run. Empty when the task takes no
   * locks up front (it may still lock chunks while running through {@link TaskExecution}).
   */
  @JsonIgnore
  List<Interval> lockIntervals();

  /** The input source types the task reads, which input source security checks (Druid's EXTERNAL resources). */
  @JsonIgnore
  default Set<String> inputSourceTypes() {
    return Set.of();
  }

  /** Does the work. Throwing fails the task with the exception's message. */
  TaskResult run(TaskExecution execution) throws Exception;

  /** Druid's {@code resource} of a task: its own availability group, one slot. */
  record Resource(String availabilityGroup, int requiredCapacity) {
    public static Resource of(Resource given, String id) {
      return given != null ? given : new Resource(id, 1);
    }
  }

  /** The context with the two lock flags Druid adds to every stored task; explicit values win. */
  static Map<String, Object> contextWithDefaults(Map<String, Object> given) {
    Map<String, Object> context = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
    for (String flag : List.of("forceTimeChunkLock", "useLineageBasedSegmentAllocation")) {
      if (!context.containsKey(flag)) {
        context.put(flag, true);
      }
    }
    return context;
  }
}
