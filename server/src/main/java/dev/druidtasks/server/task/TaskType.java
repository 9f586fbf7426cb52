package dev.druidtasks.server.task;

import java.util.Map;

/** One kind of task ({@code noop}, {@code index_parallel}, …): the class its JSON binds to under its name. */
public abstract class TaskType {
  private final String name;
  private final Class<? extends Task> taskClass;
  private final Map<Class<?>, Object> injectables;

  /** @param injectables what the class takes through {@code @JacksonInject} besides the clock, by type */
  protected TaskType(String name, Class<? extends Task> taskClass, Map<Class<?>, Object> injectables) {
    this.name = name;
    this.taskClass = taskClass;
    this.injectables = Map.copyOf(injectables);
  }

  /** The value of the payload's {@code type} field. */
  public final String name() {
    return name;
  }

  public final Class<? extends Task> taskClass() {
    return taskClass;
  }

  public final Map<Class<?>, Object> injectables() {
    return injectables;
  }
}
