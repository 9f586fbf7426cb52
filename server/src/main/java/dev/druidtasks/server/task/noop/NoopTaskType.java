package dev.druidtasks.server.task.noop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.druidtasks.server.task.ErrorMessages;
import dev.druidtasks.server.task.InvalidTaskException;
import dev.druidtasks.server.task.Interval;
import dev.druidtasks.server.task.Task;
import dev.druidtasks.server.task.TaskExecution;
import dev.druidtasks.server.task.TaskIds;
import dev.druidtasks.server.task.TaskPayloads;
import dev.druidtasks.server.task.TaskResult;
import dev.druidtasks.server.task.TaskType;
import java.util.List;

/** Druid's {@code noop}: sleeps {@code runTime} ms (2500 when absent or 0) and succeeds; takes no locks. */
public final class NoopTaskType implements TaskType {
  static final long DEFAULT_RUN_TIME_MS = 2500;
  /** Sleeps are cut in slices so a shutdown is seen quickly. */
  private static final long SLICE_MS = 20;

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public String generateId(ObjectNode payload, java.time.Instant now) {
    return TaskIds.generateNoop(now);
  }

  @Override
  public Task read(ObjectNode payload) throws InvalidTaskException {
    String dataSource = TaskPayloads.optionalText(payload, "dataSource", "none");
    long runTime = TaskPayloads.optionalLong(payload, "runTime", 0);
    long isReadyTime = TaskPayloads.optionalLong(payload, "isReadyTime", 0);
    if (runTime < 0) {
      throw new InvalidTaskException("Field [runTime] must not be negative, got " + runTime);
    }
    if (isReadyTime < 0) {
      throw new InvalidTaskException("Field [isReadyTime] must not be negative, got " + isReadyTime);
    }
    payload.put("dataSource", dataSource);
    payload.put("runTime", runTime);
    TaskPayloads.fillCommonDefaults(payload);
    return new Noop(payload, dataSource, runTime == 0 ? DEFAULT_RUN_TIME_MS : runTime);
  }

  private record Noop(ObjectNode payload, String dataSource, long sleepMs) implements Task {
    @Override
    public String type() {
      return "noop";
    }

    @Override
    public List<Interval> lockIntervals() {
      return List.of();
    }

    @Override
    public TaskResult run(TaskExecution execution) throws InterruptedException {
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
