package dev.druidtasks.server.task.noop;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.InvalidField;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Druid's {@code noop}: sleeps {@code runTime} ms (2500 when absent or 0) and succeeds; takes no locks. */
public final class NoopTaskType extends TaskType {
  static final long DEFAULT_RUN_TIME_MS = 2500;
  /** Sleeps are cut in slices so a shutdown is seen quickly. */
  private static final long SLICE_MS = 20;

  public NoopTaskType() {
    super("noop", Noop.class, Map.of());
  }

  record Noop(
      String type,
      String id,
      String dataSource,
      Long runTime,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long isReadyTime,
      String groupId,
      Resource resource,
      Map<String, Object> context,
      @JsonIgnore @JacksonInject Clock clock,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> unknown) implements Task {
    Noop {
      dataSource = TaskIds.validateDataSource(dataSource == null ? "none" : dataSource, "dataSource");
      id = id == null ? TaskIds.generateNoop(clock.instant()) : TaskIds.validate(id);
      runTime = nonNegative(runTime, "runTime");
      if (isReadyTime != null) {
        nonNegative(isReadyTime, "isReadyTime");
      }
      groupId = groupId == null ? id : TaskIds.validate(groupId);
      resource = Resource.of(resource, id);
      context = Task.contextWithDefaults(context);
      unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    private static long nonNegative(Long value, String field) {
      if (value != null && value < 0) {
        throw InvalidField.of(field, " must not be negative, got " + value);
      }
      return value == null ? 0 : value;
    }

    @Override
    public List<Interval> lockIntervals() {
      return List.of();
    }

    @Override
    public TaskResult run(TaskExecution execution) throws InterruptedException {
      long sleepMs = runTime == 0 ? DEFAULT_RUN_TIME_MS : runTime;
      execution.log().info("Running No-Op task[" + id() + "] for " + sleepMs + " ms");
      long deadline = System.nanoTime() + sleepMs * 1_000_000;
      while (System.nanoTime() < deadline) {
        if (execution.stopRequested()) {
          execution.log().info("Stop requested; ending early");
          return TaskResult.failure(ErrorMessages.SHUTDOWN);
        }
        Thread.sleep(Math.max(1, Math.min(SLICE_MS, (deadline - System.nanoTime()) / 1_000_000)));
      }
      execution.log().info("Woke up after " + sleepMs + " ms");
      return TaskResult.success();
    }
  }
}
