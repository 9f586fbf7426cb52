package dev.druidtasks.server.ingest.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.druidtasks.server.task.InvalidField;
import java.util.Map;

/** The {@code spec} of an {@code index_parallel} or {@code index} task, as Druid stores it. */
public record IndexSpec(DataSchema dataSchema, IoConfig ioConfig, TuningConfig tuningConfig,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) {
  public IndexSpec {
    InvalidField.required(dataSchema, "dataSchema");
    InvalidField.required(ioConfig, "ioConfig");
  }

  /** The spec of a task of type {@code taskType}: its own {@code type} fields checked, its defaults filled. */
  public IndexSpec forTask(String taskType) {
    return new IndexSpec(dataSchema, ioConfig.forTask(taskType),
        (tuningConfig == null ? TuningConfig.defaults() : tuningConfig).forTask(taskType), unknown);
  }

  /** A {@code type} field that names the task's type, or is absent. */
  static String sameType(String given, String taskType, String field) {
    if (given != null && !given.equals(taskType)) {
      throw InvalidField.message("Field [" + field + "] must be [" + taskType + "] in an " + taskType + " task, got ["
          + given + "]");
    }
    return taskType;
  }
}
