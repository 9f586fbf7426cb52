package dev.druidtasks.server.task;

import java.util.Map;

/** One kind of task ({@code noop}, {@code index_parallel}, …): the class its JSON binds to under its name. */
public interface TaskType {
  /** The value of the payload's {@code type} field. */
  String name();

  Class<? extends Task> taskClass();

  /** What the class takes through {@code @JacksonInject} besides the clock, by type. */
  default Map<Class<?>, Object> injectables() {
    return Map.of();
  }
}
