package dev.druidtasks.server.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One kind of task ({@code noop}, {@code index_parallel}, …): reads its payload into a {@link Task}. */
public interface TaskType {
  /** The value of the payload's {@code type} field. */
  String name();

  /**
   * Validates the submitted (or stored) payload, fills its defaults and returns the task. The
   * payload's {@code id} is already set and checked when this is called.
   */
  Task read(ObjectNode payload) throws InvalidTaskException;

  /** An id for a payload submitted without one: Druid's {@code <type>_<dataSource>_<random>_<time>} by default. */
  default String generateId(ObjectNode payload, java.time.Instant now) {
    return TaskIds.generate(name(), dataSourceOf(payload), now);
  }

  /** Where the payload names its data source, for error messages. */
  default String dataSourceField() {
    return "dataSource";
  }

  /** The data source named by a payload, for ids generated before {@link #read}. */
  default String dataSourceOf(ObjectNode payload) {
    return payload.path("dataSource").asText("none");
  }
}
