package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.util.List;

/**
 * Druid's native batch ingestion: {@code index_parallel} and {@code index} (one type object each; they
 * differ only in the defaults their stored payload shows). Runs in one thread, as
 * {@code index_parallel} does with {@code maxNumConcurrentSubTasks: 1}.
 */
public final class IndexTaskType implements TaskType {
  private final String name;
  private final PathConfinement confinement;

  /** @param name {@code index_parallel} or {@code index} */
  public IndexTaskType(String name, IngestConfig config) {
    if (!name.equals("index_parallel") && !name.equals("index")) {
      throw new IllegalArgumentException("Not a native batch task type: " + name);
    }
    this.name = name;
    this.confinement = new PathConfinement(config);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Task read(ObjectNode payload) throws InvalidTaskException {
    IngestionSpec spec = new IngestionSpecReader(name, confinement).read(payload);
    return new IndexTask(name, payload, spec, confinement);
  }

  @Override
  public String dataSourceField() {
    return "spec.dataSchema.dataSource";
  }

  @Override
  public String dataSourceOf(ObjectNode payload) {
    JsonNode ds = payload.path("spec").path("dataSchema").path("dataSource");
    return ds.isTextual() && !ds.asText().isEmpty() ? ds.asText() : "none";
  }

  private record IndexTask(String type, ObjectNode payload, IngestionSpec spec, PathConfinement confinement)
      implements Task {
    @Override
    public String dataSource() {
      return spec.dataSource();
    }

    @Override
    public List<Interval> lockIntervals() {
      return spec.granularity().chunks();
    }

    @Override
    public TaskResult run(TaskExecution execution) {
      JsonNode context = payload.path("context");
      return new IngestionRun(id(), spec, confinement, execution,
          context.isObject() ? (ObjectNode) context : JsonNodeFactory.instance.objectNode()).run();
    }
  }
}
