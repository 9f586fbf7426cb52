package dev.druidtasks.server.ingest;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.ingest.spec.IndexSpec;
import dev.druidtasks.server.ingest.spec.InputSourceSpec;
import dev.druidtasks.server.ingest.spec.PathConfinement;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Druid's native batch ingestion: {@code index_parallel} and {@code index} (one task class for both;
 * they differ only in the tuning defaults their stored payload shows). Runs in one thread, as
 * {@code index_parallel} does with {@code maxNumConcurrentSubTasks: 1}.
 */
public final class IndexTaskType extends TaskType {
  private static final ObjectMapper CONTEXT = new ObjectMapper();

  /** @param name {@code index_parallel} or {@code index} */
  public IndexTaskType(String name, PathConfinement inputs) {
    super(nativeBatch(name), IndexTask.class, Map.of(PathConfinement.class, inputs));
  }

  private static String nativeBatch(String name) {
    if (!name.equals("index_parallel") && !name.equals("index")) {
      throw new IllegalArgumentException("Not a native batch task type: " + name);
    }
    return name;
  }

  record IndexTask(
      String type,
      String id,
      String groupId,
      Resource resource,
      IndexSpec spec,
      Map<String, Object> context,
      String dataSource,
      @JsonIgnore @JacksonInject Clock clock,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements Task {
    IndexTask {
      spec = InvalidField.required(spec, "spec").forTask(type);
      dataSource = spec.dataSchema().dataSource();
      id = id == null ? TaskIds.generate(type, dataSource, clock.instant()) : TaskIds.validate(id);
      groupId = groupId == null ? id : TaskIds.validate(groupId);
      resource = Resource.of(resource, id);
      context = Task.contextWithDefaults(context);
      IngestionRun.timestampFormat(spec.dataSchema());
    }

    @Override
    public List<Interval> lockIntervals() {
      return spec.dataSchema().granularitySpec().chunks();
    }

    @Override
    public int defaultPriority() {
      return 50;
    }

    @Override
    public Set<String> inputSourceTypes() {
      return Set.of(spec.ioConfig().inputSource() instanceof InputSourceSpec.Local ? "local" : "inline");
    }

    @Override
    public TaskResult run(TaskExecution execution) {
      return new IngestionRun(id, spec.dataSchema(), spec.tuningConfig(), spec.ioConfig(), execution,
          CONTEXT.<ObjectNode>valueToTree(context), null).run();
    }
  }
}
