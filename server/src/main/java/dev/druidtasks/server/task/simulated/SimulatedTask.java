package dev.druidtasks.server.task.simulated;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task of a {@link SimulatedTaskType}: its payload is kept as given (with Druid's defaults added), its
 * data source is {@code dataSource}, else its spec's {@code dataSchema.dataSource}.
 */
record SimulatedTask(
    String type,
    String id,
    String groupId,
    String dataSource,
    Resource resource,
    Map<String, Object> context,
    @JsonIgnore SimulationPlan plan,
    @JsonIgnore @JacksonInject Clock clock,
    @JsonIgnore @JacksonInject SimulationControl control,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements Task {
  /** Run times are cut in slices so a shutdown or a forced outcome is seen quickly. */
  private static final long SLICE_MS = 20;
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  SimulatedTask {
    unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    if (dataSource == null) {
      dataSource = Shape.of(unknown).dataSource().orElse("none");
    }
    dataSource = TaskIds.validateDataSource(dataSource, "dataSource");
    id = id == null ? TaskIds.generate(type, dataSource, clock.instant()) : TaskIds.validate(id);
    groupId = groupId == null ? id : TaskIds.validate(groupId);
    resource = Resource.of(resource, id);
    context = Task.contextWithDefaults(context);
    Object given = context.get(SimulationPlan.CONTEXT_KEY);
    plan = given == null ? null : SimulationPlan.bind(given, "context." + SimulationPlan.CONTEXT_KEY);
  }

  @Override
  public int defaultPriority() {
    return SimulatedTaskType.priorityOf(type);
  }

  @Override
  public List<Interval> lockIntervals() {
    return plan == null || plan.lockIntervals() == null ? List.of() : plan.lockIntervals();
  }

  @Override
  public TaskResult run(TaskExecution execution) throws InterruptedException {
    SimulationPlan p = plan != null ? plan : control.planFor(type, dataSource, id);
    control.started(id);
    try {
      // the server's clock, so that advancing it through the control API ends the run early
      Instant end = clock.instant().plusMillis(p.runTimeMs());
      execution.log().info("Simulated " + type + " task[" + id + "]: running for " + p.runTimeMs() + " ms, then "
          + p.outcome());
      if (p.logLines() != null) {
        p.logLines().forEach(execution.log()::info);
      }
      if (p.report() != null) {
        execution.writeReports(LENIENT.<ObjectNode>valueToTree(p.report()));
      }
      Optional<TaskResult> now = interrupted(execution);
      while (now.isEmpty() && clock.instant().isBefore(end)) {
        Thread.sleep(SLICE_MS);
        now = interrupted(execution);
      }
      return now.orElseGet(() -> p.succeeds() ? TaskResult.success() : TaskResult.failure(p.errorMsg()));
    } finally {
      control.ended(id);
    }
  }

  /** A shutdown, or an outcome forced through the control API. */
  private Optional<TaskResult> interrupted(TaskExecution execution) {
    if (execution.stopRequested()) {
      execution.log().info("Stop requested; ending early");
      return Optional.of(TaskResult.failure(ErrorMessages.SHUTDOWN));
    }
    return control.takeForced(id).map(e -> {
      execution.log().info("Outcome set through the control API: " + (e.succeeded() ? "SUCCESS" : "FAILED"));
      return e.succeeded() ? TaskResult.success() : TaskResult.failure(e.errorMsg());
    });
  }

  /** Where Druid's payloads name their data source: a streaming task's {@code dataSchema}, a batch spec's. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Shape(DataSchema dataSchema, Spec spec) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataSchema(Object dataSource) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Spec(DataSchema dataSchema) { }

    static Shape of(Map<String, Object> payload) {
      try {
        return LENIENT.convertValue(payload, Shape.class);
      } catch (IllegalArgumentException e) {
        return new Shape(null, null); // not Druid's shape: no data source to take from it
      }
    }

    Optional<String> dataSource() {
      DataSchema d = dataSchema != null ? dataSchema : spec != null ? spec.dataSchema() : null;
      return d != null && d.dataSource() instanceof String s ? Optional.of(s) : Optional.empty();
    }
  }
}
